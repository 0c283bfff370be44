// A request through the whole register: intake by a social worker (who then loses sight of it),
// assessment, matching, preparation by a delegate, signature by the directeur général, sending.
// Every state change names who and when; every read of a file is in the access log with purpose
// 'authority-request'; what is withheld carries its reason and source.
import { addDays, todayIn } from '../../domain/calendar-date.ts';
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { TestCpas } from '../../testing/fixtures.ts';
import { openRegisterWorld, prosecutorRequest, seedPersonFile, type SeededPerson } from '../../testing/requests.ts';
import type { TestDatabase } from '../../testing/test-database.ts';
import type { AppContext } from '../context.ts';
import { assessRecordedRequest } from './assess-request.ts';
import { delegateRegister } from './delegate-register.ts';
import { findSubjectCandidates } from './find-subject-candidates.ts';
import { listRegister } from './list-register.ts';
import { markSent } from './mark-sent.ts';
import { matchSubject } from './match-subject.ts';
import { prepareDisclosure } from './prepare-disclosure.ts';
import { readDisclosure } from './read-disclosure.ts';
import { readRequest } from './read-request.ts';
import { readRequestAttachment } from './read-request-attachment.ts';
import { recordRequest } from './record-request.ts';
import { renderRequestLetter } from './render-letter.ts';
import { signDisclosure } from './sign-disclosure.ts';

let t: TestDatabase;
let ctx: AppContext;
let namur: TestCpas;
let person: SeededPerson;

before(async () => {
  ({ t, ctx, namur, person } = await openRegisterWorld());
});
after(() => t.drop());

async function registerLog(): Promise<{ action: string; person_id: string | null; outcome: string; text: string }[]> {
  const rows = await t.db.ownerTransaction((tx) =>
    tx.query<{ action: string; person_id: string | null; entry_text: string }>(
      `SELECT action, person_id, entry_text FROM access_log_entry WHERE cpas_id = $1 ORDER BY seq`,
      [namur.cpasId],
    ),
  );
  return rows
    .map((r) => ({ action: r.action, person_id: r.person_id, text: r.entry_text, outcome: (JSON.parse(r.entry_text) as { outcome: string }).outcome }))
    .filter((r) => r.text.includes('"purpose":"authority-request"'));
}

test('a request goes from intake to sent, each step recorded with who and when', async () => {
  const worker = namur.actors['social-worker'];
  const dg = namur.actors['directeur-general'];
  const agent = namur.actors['administrative-agent'];

  const recorded = await recordRequest(ctx, worker, {
    request: prosecutorRequest([person.niss], ['identity', 'domicile-address', 'aid-decisions', 'social-report', 'medical-data']),
    reference: 'NA.12.LL.777/26',
    answerBy: '2026-03-16',
    reasonsText: 'Enquête du chef de participation aux activités d\'un groupe terroriste.',
    letter: { fileName: 'requisitoire.pdf', mediaType: 'application/pdf', content: Buffer.from('%PDF-1.4 scanned letter') },
  });
  assert.equal(recorded.forwarded, true, 'a social worker forwards: the request leaves their sight');
  assert.equal(recorded.standardReply, null);
  await assert.rejects(readRequest(ctx, worker, { requestId: recorded.requestId }), { code: 'forbidden' });

  const [line] = await listRegister(ctx, dg);
  assert.equal(line?.requestId, recorded.requestId);
  assert.equal(line?.dueOn, '2026-03-16', 'the date the request names');
  assert.equal(line?.state, 'received');

  const detail = await readRequest(ctx, dg, { requestId: recorded.requestId });
  assert.match(detail.reasonsText ?? '', /groupe terroriste/, 'the reasons come back from their seal');
  assert.equal(detail.attachments.length, 1);
  const scan = await readRequestAttachment(ctx, dg, { requestId: recorded.requestId, attachmentId: detail.attachments[0]!.attachmentId });
  assert.equal(scan.content.toString(), '%PDF-1.4 scanned letter');
  const sealed = await t.db.ownerTransaction((tx) => tx.query<{ content_enc: Buffer }>('SELECT content_enc FROM request_attachment'));
  assert.ok(!sealed[0]!.content_enc.toString('latin1').includes('scanned letter'), 'the scan is stored sealed');

  const assessed = await assessRecordedRequest(ctx, dg, { requestId: recorded.requestId });
  assert.equal(assessed.state, 'assessed');
  assert.equal(assessed.assessment.outcome, 'answer');
  assert.equal(assessed.settingsVersion, 0, 'the defaults decided');

  const { candidates, criteria } = await findSubjectCandidates(ctx, dg, { requestId: recorded.requestId, position: 1 });
  assert.deepEqual(criteria, ['niss']);
  assert.deepEqual(candidates.map((c) => c.personId), [person.personId]);
  await matchSubject(ctx, dg, { requestId: recorded.requestId, position: 1, personId: person.personId });

  await assert.rejects(prepareDisclosure(ctx, agent, { requestId: recorded.requestId }), { code: 'forbidden' }, 'not yet delegated');
  await delegateRegister(ctx, dg, { userId: agent.userId, grant: true, validUntil: addDays(todayIn(ctx.now), 90) });
  const draft = await prepareDisclosure(ctx, agent, { requestId: recorded.requestId });
  assert.deepEqual(draft.disclosed.map((i) => i.item), ['identity', 'domicile-address', 'aid-decisions']);
  assert.deepEqual(draft.withheld.map((i) => i.item), ['social-report', 'medical-data']);
  for (const item of draft.withheld) {
    assert.equal(item.decision, 'withhold');
    assert.ok(item.reason.length > 20 && /R10/.test(item.ref), `${item.item} says why, with its source`);
  }
  assert.ok(draft.content.kind === 'answer');
  const data = draft.content.subjects[0]!.data;
  assert.equal(data.identity?.person?.[0]?.family_name, person.familyName);
  assert.equal(data.identity?.person?.[0]?.niss, person.niss);
  assert.deepEqual(data['domicile-address']?.person_address?.map((a) => a.kind), ['domicile'], 'only the domicile, not the earlier address');
  assert.equal(data['aid-decisions']?.decision?.[0]?.amount_cents, 126_385);
  assert.ok(!('motivation' in (data['aid-decisions']?.decision?.[0] ?? {})), 'the motivation is another category');
  assert.ok(!JSON.stringify(draft.content).includes('CANARY'), 'no secret in the draft');
  assert.match(draft.sha256, /^[0-9a-f]{64}$/);

  const reviewed = await readDisclosure(ctx, dg, { requestId: recorded.requestId });
  assert.equal(reviewed.sha256, draft.sha256);
  const preview = await renderRequestLetter(ctx, dg, { requestId: recorded.requestId });
  assert.equal(preview.signed, false);
  assert.equal(preview.pdf.subarray(0, 5).toString(), '%PDF-');

  const signed = await signDisclosure(ctx, dg, { requestId: recorded.requestId, sha256: reviewed.sha256 });
  assert.equal(signed.signatoryRole, 'directeur-general');
  const sent = await markSent(ctx, agent, { requestId: recorded.requestId });
  assert.equal(sent.state, 'sent');

  const final = await readRequest(ctx, dg, { requestId: recorded.requestId });
  assert.deepEqual(
    final.history.map((h) => [h.fromState, h.toState, h.changedBy]),
    [
      [null, 'received', worker.userId],
      ['received', 'assessed', dg.userId],
      ['assessed', 'prepared', agent.userId],
      ['prepared', 'signed', dg.userId],
      ['signed', 'sent', agent.userId],
    ],
  );
  assert.ok(final.history.every((h) => h.changedAt instanceof Date));
  assert.equal(final.letter?.sha256, draft.sha256);
  assert.equal(final.letter?.signedBy, dg.userId);
  assert.ok(final.letter?.sentAt);
  assert.equal(final.subjects[0]?.matchedBy, dg.userId, 'the match names who confirmed it');

  const log = await registerLog();
  const onPerson = log.filter((e) => e.person_id === person.personId && e.outcome === 'allowed').map((e) => e.action);
  assert.ok(onPerson.includes('update'), 'matching (the file\'s national number was compared)');
  assert.ok(onPerson.includes('read'), 'preparing and reviewing read the file');
  assert.ok(onPerson.includes('disclose'), 'sending is the disclosure');
  const searches = log.filter((e) => e.action === 'search');
  assert.equal(searches.length, 1);
  assert.ok(searches[0]!.text.includes(person.personId), 'the search names what it found, never the search terms');
  assert.ok(!log.some((e) => e.text.includes(person.niss)), 'no national number in the log');
  const denied = log.filter((e) => e.outcome === 'denied');
  assert.equal(denied.length, 2, 'the worker\'s attempt to read and the agent\'s before delegation are on record');
});

test('a valid request cannot be refused, nor a disclosure prepared before every person is matched', async () => {
  const dg = namur.actors['directeur-general'];
  const { requestId } = await recordRequest(ctx, dg, { request: prosecutorRequest([person.niss], ['identity']) });
  await assessRecordedRequest(ctx, dg, { requestId });
  await assert.rejects(prepareDisclosure(ctx, dg, { requestId }), { code: 'invalid-state', message: /matched/ });
  const { refuseRequest } = await import('./refuse-request.ts');
  await assert.rejects(refuseRequest(ctx, dg, { requestId }), { code: 'invalid-state' }, 'R19: refusing a valid request is fined');
  await assert.rejects(matchSubject(ctx, dg, { requestId, position: 1, personId: (await seedPersonFile(ctx, namur)).personId }), {
    code: 'invalid-input',
    message: /national number/,
  }, 'a file with another national number is not the person named');
  await matchSubject(ctx, dg, { requestId, position: 1, personId: null });
  const draft = await prepareDisclosure(ctx, dg, { requestId });
  assert.ok(draft.content.kind === 'answer' && draft.content.subjects[0]!.file === 'none');
  assert.deepEqual(draft.content.subjects[0]!.data, {}, 'no file, no data');
});
