// The guide's decision against its contract: every public scenario, then each rule, additional
// ground, record line and standard reply on inputs beyond the scenarios.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { DEFAULT_GUIDE_CONFIG, type GuideConfig } from './config.ts';
import { assessGuide, checkGuideConfig, GuideConfigError } from './decide.ts';
import { parseGuideInput } from './parse-guide.ts';
import type { GuideInput } from './vocabulary.ts';

interface Scenario {
  name: string;
  input: unknown;
  expect: { answer: string; mayShare?: string[]; recipient?: string; grounds: string[] };
}
const SCENARIOS = JSON.parse(readFileSync(new URL('./scenarios.json', import.meta.url), 'utf8')) as Scenario[];

test('the public scenarios: answer, mayShare in input order, recipient, and every expected ground', () => {
  assert.equal(SCENARIOS.length, 12);
  for (const s of SCENARIOS) {
    const answer = assessGuide(parseGuideInput(s.input), DEFAULT_GUIDE_CONFIG);
    assert.equal(answer.answer, s.expect.answer, s.name);
    if (s.expect.mayShare) assert.deepEqual(answer.mayShare, s.expect.mayShare, s.name);
    if (s.expect.recipient) assert.equal(answer.recipient, s.expect.recipient, s.name);
    const codes = answer.grounds.map((g) => g.code);
    for (const code of s.expect.grounds) assert.ok(codes.includes(code as never), `${s.name}: ${code} in ${codes.join(', ')}`);
    assert.equal(answer.configuration, 'default');
  }
});

const BASE: GuideInput = {
  counterpart: 'police',
  initiative: 'asked',
  channel: 'phone',
  instrument: 'none',
  consent: 'none',
  danger: 'none',
  offence: 'none',
  items: ['client-status'],
};
const assess = (changes: Partial<GuideInput>, config: GuideConfig = DEFAULT_GUIDE_CONFIG) => assessGuide({ ...BASE, ...changes }, config);
const codes = (changes: Partial<GuideInput>, config?: GuideConfig) => assess(changes, config).grounds.map((g) => g.code);
const OFF: GuideConfig = { id: 'namur-2026-05', externalSharedSecrecy: 'off' };

test('the output has the contract fields in the contract order, G3 with its seven conditions', () => {
  const answer = assess({
    initiative: 'own-initiative', counterpart: 'procureur-du-roi', danger: 'grave-and-imminent', endangered: 'minor', canProtect: 'no',
    offence: '458bis-offence', items: ['identity', 'domicile-address', 'social-notes'],
  });
  assert.deepEqual(Object.keys(answer), ['answer', 'rule', 'recipient', 'mayShare', 'conditions', 'grounds', 'record', 'standardReply', 'configuration']);
  assert.equal(answer.rule, 'G3');
  assert.deepEqual(answer.conditions.map((c) => c.code), [
    'learned-through-profession', 'listed-offence', 'minor-or-vulnerable-victim', 'grave-danger-or-other-victims', 'cannot-protect', 'procureur-only', 'necessary-only',
  ]);
  assert.deepEqual(answer.conditions[4], {
    code: 'cannot-protect',
    text: "Vous ne pouvez pas protéger cette intégrité, ni seul(e) ni avec l’aide d’autres personnes ou services.",
    ref: 'art. 458bis Code pénal (1867)',
  });
  assert.deepEqual(answer.grounds.map((g) => [g.code, g.status]), [['professional-secrecy', 'settled'], ['art-458bis', 'settled'], ['permission-not-duty', 'settled']]);
  assert.deepEqual(Object.keys(answer.grounds[0]!), ['code', 'status', 'ref', 'reason']);
  assert.deepEqual(answer.record.justification, '458bis');
  assert.equal(answer.record.log, 'disclosure');
  assert.match(answer.record.note, /^Si vous communiquez, notez ensuite dans le journal des accès/);
  assert.equal(answer.standardReply, null);
});

test('G1: the sealed register alone is never answered, whoever asks, even in danger', () => {
  for (const danger of ['none', 'grave-and-current'] as const) {
    const answer = assess({ items: ['sealed-register'], danger, endangered: 'the-person', canProtect: 'no' });
    assert.equal(answer.rule, 'G1');
    assert.equal(answer.answer, 'must-not-disclose');
    // E8 still explains to the police caller why this is no 46bis/1 request.
    assert.deepEqual(answer.grounds.map((g) => g.code), ['professional-secrecy', 'secrecy-of-measure', 'not-46bis1']);
    assert.deepEqual(answer.standardReply?.id, 'no-comment');
    assert.equal(answer.record.log, 'none');
  }
  assert.deepEqual(codes({ counterpart: 'the-person', items: ['sealed-register'] }), ['secrecy-of-measure']);
});

test('G2: must-assist gives the rescuers only the rescue categories, never the sealed register, and comes before G6', () => {
  const answer = assess({
    counterpart: 'procureur-du-roi', channel: 'letter', offence: 'terrorist', danger: 'grave-and-current', endangered: 'third-party', canProtect: 'alone',
    items: ['sealed-register', 'contact-details', 'social-report', 'medical-data', 'known-addresses'],
  });
  assert.equal(answer.rule, 'G2');
  assert.equal(answer.recipient, 'emergency-services');
  assert.deepEqual(answer.mayShare, ['contact-details', 'medical-data', 'known-addresses']);
  assert.deepEqual(answer.conditions.map((c) => c.code), ['grave-current-peril', 'no-serious-risk', 'rescue-needs-only']);
  assert.deepEqual(answer.grounds.map((g) => g.code), ['professional-secrecy', 'duty-to-assist', 'secrecy-of-measure']);
  assert.equal(answer.record.justification, '422bis');
});

test('G3 needs a listed offence on a minor or vulnerable adult; otherwise G4 (imminent) or nothing (other victims)', () => {
  const danger = { danger: 'grave-and-imminent', canProtect: 'no', offence: '458bis-offence', initiative: 'own-initiative' } as const;
  assert.equal(assess({ ...danger, endangered: 'vulnerable-adult' }).rule, 'G3');
  const third = assess({ ...danger, endangered: 'third-party' });
  assert.deepEqual([third.rule, third.recipient, third.record.justification], ['G4', 'whoever-can-avert-the-danger', 'necessity']);
  const other = assess({ ...danger, danger: 'serious-indications-other-victims', endangered: 'minor', offence: 'other' });
  assert.equal(other.answer, 'must-not-disclose');
  assert.deepEqual(other.grounds.map((g) => g.code), ['professional-secrecy', 'no-duty-to-report', 'danger-exception-not-met']);
  assert.equal(other.standardReply, null, 'own initiative: nobody to answer');
  assert.equal(other.record.log, 'none');
});

test('G5 brings in a service bound by secrecy to protect; with externalSharedSecrecy off it falls through', () => {
  const input = { counterpart: 'social-service', danger: 'serious-indications-other-victims', endangered: 'minor', canProtect: 'with-help', offence: '458bis-offence', items: ['identity', 'social-notes'] } as const;
  const on = assess(input);
  assert.deepEqual([on.rule, on.answer, on.recipient], ['G5', 'may-disclose', 'counterpart']);
  assert.deepEqual(on.mayShare, ['identity', 'social-notes']);
  assert.deepEqual(on.grounds.map((g) => g.code), ['professional-secrecy', 'shared-secrecy', 'permission-not-duty', 'protect-otherwise']);
  assert.match(on.grounds[1]!.reason, /^Pour protéger la personne en danger avec l’aide d’autres/);
  assert.equal(on.grounds[1]!.status, 'check');
  const off = assess(input, OFF);
  assert.deepEqual([off.rule, off.answer, off.configuration], ['G19', 'must-not-disclose', 'namur-2026-05']);
  assert.deepEqual(off.grounds.map((g) => g.code), ['professional-secrecy', 'protect-otherwise', 'consent-missing']);
  assert.equal(off.standardReply?.id, 'consent-needed');
  // Police and parquet stay closed when the worker can protect with help (E5).
  const police = assess({ ...input, counterpart: 'police' });
  assert.equal(police.answer, 'must-not-disclose');
  assert.ok(police.grounds.some((g) => g.code === 'protect-otherwise'));
});

test('G6 routes a written prosecutor request about terrorism to the register; oral, other offences and other authors do not', () => {
  const written = { counterpart: 'procureur-federal', channel: 'secure-platform', offence: 'terrorist', instrument: 'none' } as const;
  const routed = assess(written);
  assert.deepEqual([routed.rule, routed.answer, routed.recipient, routed.record.log, routed.standardReply], ['G6', 'use-register', 'none', 'authority-register', null]);
  const reasons = (changes: Partial<GuideInput>) => assess(changes).grounds.find((g) => g.code === 'not-46bis1')?.reason ?? '';
  assert.match(reasons({ ...written, counterpart: 'police' }), /conditions : elle ne vient pas du procureur du Roi\.$/);
  assert.match(reasons({ ...written, counterpart: 'procureur-du-roi', channel: 'in-person' }), /conditions : elle n’est pas écrite\.$/);
  assert.match(reasons({ ...written, counterpart: 'procureur-du-roi', offence: 'other' }), /conditions : elle ne porte pas sur une infraction terroriste\.$/);
  const invitation = assess({ ...written, counterpart: 'procureur-du-roi', instrument: '458ter-consultation-invitation' });
  assert.equal(invitation.rule, 'G19');
  assert.deepEqual(invitation.grounds.map((g) => g.code), ['professional-secrecy', 'not-a-458ter-consultation', 'not-46bis1']);
  assert.equal(assess({ ...written, initiative: 'own-initiative' }).rule, 'G19');
  assert.equal(assess({ ...written, counterpart: 'police' }).standardReply?.id, 'written-request-of-procureur');
  assert.equal(assess({ counterpart: 'social-inspection' }).standardReply?.id, 'written-request-with-legal-basis');
});

test('G7, G8: testimony before a judge is a permission, a summons from anyone else goes to legal review', () => {
  const judge = assess({ counterpart: 'juge-instruction', channel: 'summons', instrument: 'witness-summons', items: ['social-notes', 'sealed-register'] });
  assert.deepEqual([judge.rule, judge.recipient, judge.record.justification], ['G7', 'court', 'testimony']);
  assert.deepEqual(judge.mayShare, ['social-notes']);
  const police = assess({ channel: 'summons', instrument: 'witness-summons' });
  assert.deepEqual([police.rule, police.answer, police.standardReply?.id, police.record.log], ['G8', 'legal-review', 'forwarded-to-management', 'authority-register']);
  assert.deepEqual(police.grounds.map((g) => g.code), ['professional-secrecy', 'hearing-not-testimony']);
});

test('G9, G10: only the consultation meeting under a 458ter invitation; a call about it is not the consultation', () => {
  const call = assess({ counterpart: 'case-consultation', instrument: '458ter-consultation-invitation', channel: 'phone' });
  assert.deepEqual([call.rule, call.answer, call.standardReply?.id, call.record.log], ['G10', 'must-not-disclose', 'only-in-consultation', 'file-note']);
  assert.deepEqual(call.grounds.map((g) => g.code), ['professional-secrecy', 'not-a-458ter-consultation']);
  const meeting = assess({ counterpart: 'school', channel: 'consultation-meeting' });
  assert.deepEqual([meeting.rule, meeting.standardReply?.id], ['G19', 'no-legal-consultation']);
  assert.ok(meeting.grounds.some((g) => g.code === 'not-a-458ter-consultation'));
});

test('G11-G15: seizure, another law, a court, the person, a council member', () => {
  assert.deepEqual([assess({ instrument: 'seizure-or-search-warrant' }).rule, codes({ instrument: 'seizure-or-search-warrant' })[1]], ['G11', 'search-or-seizure']);
  const law = assess({ counterpart: 'landlord', instrument: 'other-law' });
  assert.deepEqual([law.rule, law.answer, law.record.log, law.standardReply?.id], ['G12', 'legal-review', 'file-note', 'forwarded-to-management']);
  assert.equal(assess({ counterpart: 'court', channel: 'letter' }).rule, 'G13');
  const person = assess({ counterpart: 'the-person', items: ['social-report', 'sealed-register'] });
  assert.deepEqual([person.rule, person.recipient, person.standardReply?.id, person.record.log], ['G14', 'the-person', 'access-procedure', 'access-request']);
  assert.deepEqual(person.grounds.map((g) => g.code), ['right-of-access', 'secrecy-of-measure']);
  const council = assess({ counterpart: 'cpas-council-member', items: ['aid-decisions'] });
  assert.deepEqual([council.rule, council.standardReply?.id, council.record.log], ['G15', 'council', 'file-note']);
  assert.deepEqual(council.grounds.map((g) => g.code), ['professional-secrecy', 'council-closed-session']);
});

test('G16-G18: a colleague, a bound service with consent (administrative data only), anyone else with consent', () => {
  const colleague = assess({ counterpart: 'cpas-colleague', consent: 'none', items: ['piis'] });
  assert.deepEqual([colleague.rule, colleague.recipient, colleague.record.justification], ['G16', 'counterpart', 'internal-shared-secrecy']);
  assert.deepEqual(assess({ counterpart: 'cpas-colleague', items: ['piis'] }, OFF).rule, 'G16');
  const doctor = assess({ counterpart: 'doctor', consent: 'oral', items: ['medical-data', 'identity', 'bcss-data'] });
  assert.deepEqual([doctor.rule, doctor.mayShare], ['G17', ['identity']]);
  assert.ok(doctor.grounds.some((g) => g.code === 'right-of-access'));
  const onlyReview = assess({ counterpart: 'another-cpas', consent: 'written', items: ['bcss-data'] });
  assert.deepEqual([onlyReview.rule, onlyReview.answer, onlyReview.standardReply?.id], ['G18', 'refer-to-person', 'ask-the-person']);
  const off = assess({ counterpart: 'doctor', consent: 'oral', items: ['identity'] }, OFF);
  assert.deepEqual([off.rule, off.answer, off.configuration], ['G18', 'refer-to-person', 'namur-2026-05']);
  const lawyer = assess({ counterpart: 'lawyer', consent: 'written', initiative: 'own-initiative' });
  assert.deepEqual([lawyer.rule, lawyer.standardReply, lawyer.record.log], ['G18', null, 'none']);
  assert.deepEqual(lawyer.grounds.map((g) => g.code), ['professional-secrecy', 'right-of-access', 'no-duty-to-report']);
});

test('G19: a bound service without consent is told consent is needed; anyone else gets the plain secrecy reply', () => {
  const service = assess({ counterpart: 'another-cpas', items: ['aid-decisions'] });
  assert.deepEqual([service.rule, service.standardReply?.id], ['G19', 'consent-needed']);
  assert.deepEqual(service.grounds.map((g) => g.code), ['professional-secrecy', 'consent-missing']);
  for (const counterpart of ['journalist', 'family-member', 'employer', 'other'] as const) {
    const answer = assess({ counterpart });
    assert.deepEqual([answer.rule, answer.standardReply?.id, answer.record.log], ['G19', 'secrecy', 'file-note']);
  }
});

test('a configuration that cannot be traced or whose switch is unknown decides nothing', () => {
  assert.throws(() => checkGuideConfig({ id: 'Namur 2026', externalSharedSecrecy: 'on' }), GuideConfigError);
  assert.throws(() => assess({}, { id: 'x', externalSharedSecrecy: 'maybe' as 'on' }), /externalSharedSecrecy/);
});
