// "Today" is the CPAS's calendar day in Europe/Brussels, not the UTC date. Between midnight and
// 01:00 (winter) or 02:00 (summer) Brussels time the UTC date is still yesterday's: an assignment
// that ended yesterday must already stop opening the secret part of the file then. Tested on both
// daylight-saving switches of 2026 (29 March, 25 October) and on an ordinary night.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createPerson } from './create-person.ts';
import { assignCase, listCaseload } from './manage-staff.ts';
import { openPersonFile } from './open-person-file.ts';
import { writeSecretRecord } from './write-secret-record.ts';
import { addTestCpas, testContext, type TestCpas } from '../testing/fixtures.ts';
import { createTestDatabase, type TestDatabase } from '../testing/test-database.ts';

let t: TestDatabase;
let namur: TestCpas;
before(async () => {
  t = await createTestDatabase();
  namur = await addTestCpas(t.db, 'namur');
});
after(() => t.drop());

// [last day of the assignment, an instant just before Brussels midnight, an instant just after it]
const NIGHTS = [
  ['2026-03-28', '2026-03-28T22:30:00Z', '2026-03-28T23:30:00Z'], // 23:30 CET, then 00:30 CET on the day summer time starts
  ['2026-10-24', '2026-10-24T21:30:00Z', '2026-10-24T22:30:00Z'], // 23:30 CEST, then 00:30 CEST on the day winter time starts
  ['2026-10-25', '2026-10-25T22:30:00Z', '2026-10-25T23:30:00Z'], // first winter night: 23:30 CET, then 00:30 CET
  ['2026-07-14', '2026-07-14T21:59:59Z', '2026-07-14T22:00:00Z'], // summer: midnight is 22:00 UTC to the second
] as const;

describe('an assignment that ended yesterday in Brussels opens nothing secret after Brussels midnight', () => {
  for (const [lastDay, justBefore, justAfter] of NIGHTS) {
    test(`assignment until ${lastDay}: open at ${justBefore}, closed at ${justAfter}`, async () => {
      const setup = testContext(t.db, () => new Date('2026-01-05T10:00:00Z'));
      const worker = namur.actors['social-worker'];
      const { personId } = await createPerson(setup, namur.actors['administrative-agent'], { purpose: 'intake', person: { familyName: `Minuit ${lastDay}`, givenNames: 'Test' } });
      await assignCase(setup, namur.actors['head-of-social-service'], { personId, userId: worker.userId, assignedFrom: '2026-01-01', assignedUntil: lastDay });
      await writeSecretRecord(setup, worker, { kind: 'case-note', personId, purpose: 'case-follow-up', sealed: { body: 'confidence' } });

      const at = (iso: string) => testContext(t.db, () => new Date(iso));
      const onLastDay = await openPersonFile(at(justBefore), worker, { personId, purpose: 'case-follow-up' });
      assert.equal(onLastDay.rule, 'assigned-worker', 'still on the case on its last day, Brussels time');
      assert.ok(onLastDay.secret['case-note']?.length, 'the note opens on the last day');
      assert.ok((await listCaseload(at(justBefore), worker)).some((p) => p.personId === personId), 'in the caseload on its last day');

      const nextDay = await openPersonFile(at(justAfter), worker, { personId, purpose: 'case-follow-up' });
      assert.equal(nextDay.secret['case-note'], undefined, 'the note stays sealed the next Brussels day');
      assert.ok(nextDay.withheld.some((w) => w.category === 'social-notes'), 'social notes are withheld');
      assert.ok(!(await listCaseload(at(justAfter), worker)).some((p) => p.personId === personId), 'out of the caseload the next Brussels day');
    });
  }
});

test('a record written without a date, just after Brussels midnight, is dated the Brussels day', async () => {
  const clock = testContext(t.db, () => new Date('2026-03-28T23:30:00Z')); // 00:30 in Brussels on 29 March
  const worker = namur.actors['social-worker'];
  const { personId } = await createPerson(clock, namur.actors['administrative-agent'], { purpose: 'intake', person: { familyName: 'Datation', givenNames: 'Test' } });
  await assignCase(clock, namur.actors['head-of-social-service'], { personId, userId: worker.userId, assignedFrom: '2026-01-01' });
  await writeSecretRecord(clock, worker, { kind: 'social-report', personId, purpose: 'case-follow-up', plain: { language: 'fr' }, sealed: { situation: 'situation' } });
  await writeSecretRecord(clock, worker, { kind: 'piis', personId, purpose: 'case-follow-up', sealed: { objectives: 'objectifs' } });
  const file = await openPersonFile(clock, worker, { personId, purpose: 'case-follow-up' });
  assert.match(file.secret['social-report']![0]!.date, /^2026-03-29/);
  assert.match(file.secret.piis![0]!.date, /^2026-03-29/);
});
