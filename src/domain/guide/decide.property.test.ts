// The guide's invariants over generated situations, in both configurations and all three languages
// (contract, "Invariants"; issue 9): nothing leaves unless the answer is a permission or the duty
// to assist; the sealed register never leaves; no text orders anyone to report; the standard reply
// cannot depend on whether the person is known, because nothing in the input says so.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { GuideConfig } from './config.ts';
import { decideGuide, renderGuideAnswer } from './decide.ts';
import { GUIDE_FIELDS, parseGuideInput } from './parse-guide.ts';
import { reportOrderIn } from './report-words.ts';
import { GROUNDS } from './rules.ts';
import { GUIDE_LANGUAGES } from './texts.ts';
import {
  CAN_PROTECT, CONSENTS, COUNTERPARTS, DANGERS, ENDANGERED, GUIDE_CHANNELS, GUIDE_ITEMS, INITIATIVES, INSTRUMENTS, OFFENCES,
  hasClass, type GuideInput,
} from './vocabulary.ts';

const situation: fc.Arbitrary<GuideInput> = fc
  .record({
    counterpart: fc.constantFrom(...COUNTERPARTS),
    initiative: fc.constantFrom(...INITIATIVES),
    channel: fc.constantFrom(...GUIDE_CHANNELS),
    instrument: fc.constantFrom(...INSTRUMENTS),
    consent: fc.constantFrom(...CONSENTS),
    danger: fc.constantFrom(...DANGERS),
    endangered: fc.constantFrom(...ENDANGERED),
    canProtect: fc.constantFrom(...CAN_PROTECT),
    offence: fc.constantFrom(...OFFENCES),
    items: fc.shuffledSubarray([...GUIDE_ITEMS], { minLength: 1 }),
  })
  .map((input) => parseGuideInput(input));
const config: fc.Arbitrary<GuideConfig> = fc.record({ id: fc.constantFrom('default', 'namur-2026-05'), externalSharedSecrecy: fc.constantFrom('on', 'off') });
const RUNS = { numRuns: 3000 };

test('mayShare: empty unless may-disclose or must-assist, a subset of the items in input order, never the sealed register', () => {
  fc.assert(
    fc.property(situation, config, (input, cfg) => {
      const answer = renderGuideAnswer(decideGuide(input, cfg));
      if (answer.answer !== 'may-disclose' && answer.answer !== 'must-assist') assert.deepEqual(answer.mayShare, []);
      assert.ok(!answer.mayShare.includes('sealed-register'));
      assert.deepEqual(answer.mayShare, input.items.filter((item) => answer.mayShare.includes(item)));
      // A SECRET category leaves only under G3, G4, G5, G7, G9 or G16, or as medical data to rescuers (G2).
      for (const item of answer.mayShare.filter((i) => hasClass(i, 'SECRET'))) {
        assert.ok(['G3', 'G4', 'G5', 'G7', 'G9', 'G16'].includes(answer.rule) || (answer.rule === 'G2' && item === 'medical-data'), `${answer.rule} ${item}`);
      }
      assert.equal(answer.recipient === 'counterpart', ['G5', 'G16', 'G17'].includes(answer.rule));
      if (!['may-disclose', 'must-assist'].includes(answer.answer)) {
        assert.deepEqual(answer.conditions, []);
        assert.equal(answer.record.justification, null);
      }
    }),
    RUNS,
  );
});

test('every code once, statuses and refs from the table, a reply exactly when someone asked and nothing leaves', () => {
  fc.assert(
    fc.property(situation, config, (input, cfg) => {
      const answer = renderGuideAnswer(decideGuide(input, cfg));
      const codes = answer.grounds.map((g) => g.code);
      assert.equal(new Set(codes).size, codes.length);
      assert.equal(codes[0] === 'professional-secrecy', input.counterpart !== 'the-person');
      for (const g of answer.grounds) assert.equal(g.ref, GROUNDS[g.code].ref);
      const replies = input.initiative === 'asked' && ['must-not-disclose', 'legal-review', 'refer-to-person'].includes(answer.answer);
      assert.equal(answer.standardReply !== null, replies);
      assert.equal(answer.configuration, cfg.id);
      assert.equal(answer.record.log === 'disclosure', answer.record.justification !== null);
      if (answer.answer === 'may-disclose') assert.ok(codes.includes('permission-not-duty'));
    }),
    RUNS,
  );
});

test('no reason, condition, note or standard reply orders a report, in French, Dutch or German', () => {
  fc.assert(
    fc.property(situation, config, fc.constantFrom(...GUIDE_LANGUAGES), (input, cfg, language) => {
      const answer = renderGuideAnswer(decideGuide(input, cfg), language);
      const texts = [...answer.grounds.map((g) => g.reason), ...answer.conditions.map((c) => c.text), answer.record.note];
      if (answer.standardReply) texts.push(answer.standardReply.text);
      for (const text of texts) {
        assert.ok(text.trim() !== '', `${answer.rule}: a text is missing in ${language}`);
        assert.equal(reportOrderIn(text), null, text);
      }
    }),
    RUNS,
  );
});

test('the standard reply neither confirms nor denies: the input cannot say whether the person is known', () => {
  // Nothing in the input describes whether a file exists, and a field that would is refused.
  assert.ok(GUIDE_FIELDS.every((field) => !/known|client|file|exists|dossier/i.test(field)));
  fc.assert(
    fc.property(situation, fc.constantFrom('known', 'isClient', 'fileExists', 'knownToCpas', 'hasFile'), fc.boolean(), (input, field, value) => {
      assert.throws(() => parseGuideInput({ ...input, [field]: value }), new RegExp(`^GuideInputError: ${field}: unknown field$`));
    }),
    { numRuns: 200 },
  );
  // Every reply that mentions being known to the CPAS says it can neither confirm nor deny it.
  const mentions = { fr: /connue? du CPAS/, nl: /bij het OCMW bekend/, de: /dem ÖSHZ bekannt/ } as const;
  const refuses = { fr: /ni confirmer/, nl: /niet (kan )?bevestigen/, de: /(weder|nicht) bestätigen/ } as const;
  fc.assert(
    fc.property(situation, fc.constantFrom(...GUIDE_LANGUAGES), (input, language) => {
      const reply = renderGuideAnswer(decideGuide(input, { id: 'default', externalSharedSecrecy: 'on' }), language).standardReply;
      if (reply !== null && mentions[language].test(reply.text)) assert.match(reply.text, refuses[language]);
    }),
    RUNS,
  );
});
