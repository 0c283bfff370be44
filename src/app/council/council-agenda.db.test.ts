// The agenda of the council and the committee, end to end through the use cases: the secretariat
// schedules a session, the worker on the case places an application, members read the item's
// classes (R31) and decide, the session closes. Every refusal named by issue 10 is checked, with
// its access-log entry: a member outside the item, on the file's other pages, after the closing;
// staff deciding in the council's place; placement by someone not on the case.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { addHouseholdMember, submitApplication } from '../add-person-records.ts';
import { createPerson } from '../create-person.ts';
import { openPersonFile } from '../open-person-file.ts';
import { searchPersons } from '../search-persons.ts';
import { writeSecretRecord } from '../write-secret-record.ts';
import { agendaDecisionInput } from '../../domain/council.ts';
import { DomainError } from '../../domain/errors.ts';
import { PURPOSE_IDS } from '../../domain/purposes.ts';
import { addTestCpas, assignConfirmed, testContext, type TestCpas } from '../../testing/fixtures.ts';
import { createTestDatabase, type TestDatabase } from '../../testing/test-database.ts';
import { closeCouncilSession } from './close-council-session.ts';
import { createCouncilSession } from './create-council-session.ts';
import { decideAgendaItem } from './decide-agenda-item.ts';
import { listCouncilSessions } from './list-council-sessions.ts';
import { openAgendaItem } from './open-agenda-item.ts';
import { openCouncilSession } from './open-council-session.ts';
import { placeOnAgenda } from './place-on-agenda.ts';
import { prepareAgendaPlacement } from './prepare-agenda-placement.ts';

let t: TestDatabase;
let namur: TestCpas;
let gent: TestCpas;
let personId = '';
let otherPersonId = '';
let applicationId = '';
let secondApplicationId = '';
let sessionId = '';
let itemId = '';
const ctx = () => testContext(t.db);
const SECRET = 'CANARY-council-7f3 : la personne a confié une dépendance';
const DECISION = { outcome: 'granted', amountCents: 126317, periodFrom: '2026-12-01', periodTo: '2027-05-31', motivation: 'Conditions remplies (art. 3 loi du 26 mai 2002).' } as const;

const refused = (work: Promise<unknown>, code: string) =>
  assert.rejects(work, (error: unknown) => error instanceof DomainError && error.code === code);
/** Namur's access log, in order. */
const entries = () =>
  t.db.ownerTransaction((tx) => tx.query<{ entry_text: string }>('SELECT entry_text FROM access_log_entry WHERE cpas_id = $1 ORDER BY seq', [namur.cpasId]))
    .then((rows) => rows.map((r) => JSON.parse(r.entry_text) as { user: string; person: string | null; outcome: string; rule: string; action: string; classes: string[]; purpose: string; details: Record<string, unknown> }));
const application = (kind: 'revenu-integration' | 'aide-sociale-financiere') => ({ kind, submittedOn: '2026-11-02', channel: 'desk', communicated: {} }) as const;

before(async () => {
  t = await createTestDatabase();
  namur = await addTestCpas(t.db, 'namur');
  gent = await addTestCpas(t.db, 'gent');
  const desk = namur.actors['administrative-agent'];
  ({ personId } = await createPerson(ctx(), desk, { purpose: 'intake', person: { familyName: 'Lambert', givenNames: 'Sophie', phone: '+32470000000' } }));
  ({ personId: otherPersonId } = await createPerson(ctx(), desk, { purpose: 'intake', person: { familyName: 'Dubois', givenNames: 'Marc' } }));
  await addHouseholdMember(ctx(), desk, { personId, purpose: 'intake', member: { familyName: 'Lambert', givenNames: 'Zoé', relationship: 'child', validFrom: '2020-01-01' } });
  ({ applicationId } = await submitApplication(ctx(), desk, { personId, purpose: 'intake', application: application('revenu-integration') }));
  ({ applicationId: secondApplicationId } = await submitApplication(ctx(), desk, { personId, purpose: 'intake', application: application('aide-sociale-financiere') }));
  await assignConfirmed(ctx(), namur, { personId, userId: namur.actors['social-worker'].userId });
  await writeSecretRecord(ctx(), namur.actors['social-worker'], { personId, purpose: 'case-follow-up', kind: 'case-note', sealed: { body: SECRET } });
});
after(() => t.drop());

test('the secretariat schedules a session; the worker on the case places an application on it', async () => {
  await refused(createCouncilSession(ctx(), namur.actors['council-member'], { body: 'comite-special-service-social', meetingDate: '2026-12-03' }), 'forbidden');
  ({ sessionId } = await createCouncilSession(ctx(), namur.actors['administrative-agent'], { body: 'comite-special-service-social', meetingDate: '2026-12-03' }));
  const choices = await prepareAgendaPlacement(ctx(), namur.actors['social-worker'], { personId });
  assert.deepEqual(choices.applications.map((a) => a.applicationId).sort(), [applicationId, secondApplicationId].sort());
  assert.deepEqual(choices.sessions.map((s) => s.sessionId), [sessionId]);
  ({ itemId } = await placeOnAgenda(ctx(), namur.actors['social-worker'], { personId, placement: { sessionId, applicationId } }));
  await refused(placeOnAgenda(ctx(), namur.actors['head-of-social-service'], { personId, placement: { sessionId, applicationId } }), 'conflict');
  assert.deepEqual((await prepareAgendaPlacement(ctx(), namur.actors['social-worker'], { personId })).applications.map((a) => a.applicationId), [secondApplicationId]);
  const [session] = await listCouncilSessions(ctx(), namur.actors['council-member']);
  assert.deepEqual([session?.items, session?.decided], [1, 0]);
});

test('placing is refused, and logged, to anyone but the worker on the case and the head of social service', async () => {
  const before = (await entries()).length;
  for (const role of ['other-social-worker', 'administrative-agent', 'council-member', 'president', 'directeur-general', 'dpo', 'it-admin'] as const) {
    await refused(placeOnAgenda(ctx(), namur.actors[role], { personId, placement: { sessionId, applicationId: secondApplicationId } }), 'forbidden');
    await refused(prepareAgendaPlacement(ctx(), namur.actors[role], { personId }), 'forbidden');
  }
  const denied = (await entries()).slice(before);
  assert.equal(denied.length, 14);
  assert.deepEqual(denied.filter((e) => !(e.outcome === 'denied' && e.person === personId && e.purpose === 'committee-preparation')), []);
  await assert.rejects(placeOnAgenda(ctx(), gent.actors['head-of-social-service'], { personId, placement: { sessionId, applicationId: secondApplicationId } }), DomainError);
});

test('a member sees the session\'s persons and, on the item, the classes of R31 only, each read logged on the person', async () => {
  const member = namur.actors['council-member'];
  const view = await openCouncilSession(ctx(), member, { sessionId });
  assert.deepEqual(view.items.map((i) => [i.familyName, i.applicationKind, i.decided]), [['Lambert', 'revenu-integration', false]]);
  const item = await openAgendaItem(ctx(), member, { itemId });
  assert.deepEqual(Object.keys(item.administrative).sort(), ['aid-decisions', 'application-data', 'decision-motivation', 'domicile-address', 'household-composition', 'identity']);
  assert.ok(!JSON.stringify(item).includes('+32470000000') && !JSON.stringify(item).includes('CANARY'), 'no contact details, no social notes');
  const logged = (await entries()).filter((e) => e.user === member.userId && e.person === personId && e.purpose === 'council-decision');
  assert.deepEqual(logged.map((e) => [e.outcome, e.rule, e.purpose, e.details.view]), [
    ['allowed', 'council-agenda', 'council-decision', 'agenda'], ['allowed', 'council-agenda', 'council-decision', 'agenda-item'],
  ]);
  // The secretariat sees the session, never who is on it.
  assert.deepEqual((await openCouncilSession(ctx(), namur.actors['administrative-agent'], { sessionId })).items, []);
});

test('outside the item a member is refused: the same person\'s file for any purpose, another person, the search, another CPAS', async () => {
  const member = namur.actors['council-member'];
  for (const purpose of PURPOSE_IDS) await refused(openPersonFile(ctx(), member, { personId, purpose }), 'forbidden');
  await refused(openPersonFile(ctx(), member, { personId: otherPersonId, purpose: 'council-decision' }), 'forbidden');
  await refused(searchPersons(ctx(), member, { name: 'Lambert', limit: 10, purpose: 'council-decision' }), 'forbidden');
  await refused(openAgendaItem(ctx(), gent.actors['council-member'], { itemId }), 'not-found');
  await refused(openAgendaItem(ctx(), namur.actors['social-worker'], { itemId }), 'forbidden');
  const denied = (await entries()).filter((e) => e.user === member.userId && e.outcome === 'denied' && e.person === personId && e.action === 'read' && e.details.view !== 'agenda-placement');
  assert.equal(denied.length, PURPOSE_IDS.length);
});

test('the member records the decision; it is in the file; staff cannot decide in the council\'s place; no second decision', async () => {
  for (const role of ['social-worker', 'head-of-social-service', 'administrative-agent', 'directeur-general', 'dpo'] as const) {
    await refused(decideAgendaItem(ctx(), namur.actors[role], { itemId, decision: DECISION }), 'forbidden');
  }
  const { decisionId } = await decideAgendaItem(ctx(), namur.actors['council-member'], { itemId, decision: DECISION });
  await refused(decideAgendaItem(ctx(), namur.actors.president, { itemId, decision: { ...DECISION, outcome: 'refused', amountCents: null } }), 'invalid-state');
  const file = await openPersonFile(ctx(), namur.actors['social-worker'], { personId, purpose: 'case-follow-up' });
  const decisions = file.administrative['aid-decisions'] as { decisionId: string; body: string; decidedOn: string; outcome: string; amountCents: number; applicationId: string }[];
  assert.deepEqual(decisions.map((d) => [d.decisionId, d.body, d.decidedOn, d.outcome, d.amountCents, d.applicationId]), [
    [decisionId, 'comite-special-service-social', '2026-12-03', 'granted', 126317, applicationId],
  ]);
  const applications = file.administrative['application-data'] as { applicationId: string; status: string }[];
  assert.equal(applications.find((a) => a.applicationId === applicationId)?.status, 'decided');
  const written = (await entries()).filter((e) => e.action === 'create' && e.details.record === decisionId);
  assert.deepEqual(written.map((e) => [e.outcome, e.rule, e.classes]), [['allowed', 'council-agenda', ['aid-decisions', 'decision-motivation']]]);
});

test('once the session is closed: no decision, no access through the agenda, and only the président or the directeur général closes', async () => {
  const { itemId: undecided } = await placeOnAgenda(ctx(), namur.actors['head-of-social-service'], { personId, placement: { sessionId, applicationId: secondApplicationId } });
  await refused(closeCouncilSession(ctx(), namur.actors['council-member'], { sessionId }), 'forbidden');
  await refused(closeCouncilSession(ctx(), namur.actors['administrative-agent'], { sessionId }), 'forbidden');
  await closeCouncilSession(ctx(), namur.actors.president, { sessionId });
  await refused(closeCouncilSession(ctx(), namur.actors['directeur-general'], { sessionId }), 'invalid-state');
  const member = namur.actors['council-member'];
  await refused(openAgendaItem(ctx(), member, { itemId }), 'forbidden');
  await refused(decideAgendaItem(ctx(), member, { itemId: undecided, decision: DECISION }), 'forbidden');
  assert.deepEqual((await openCouncilSession(ctx(), member, { sessionId })).items, []);
  assert.deepEqual(await listCouncilSessions(ctx(), member), []);
  await refused(placeOnAgenda(ctx(), namur.actors['social-worker'], { personId, placement: { sessionId, applicationId: secondApplicationId } }), 'invalid-state');
  const [row] = await t.db.ownerTransaction((tx) => tx.query<{ n: number }>('SELECT count(*)::int AS n FROM decision WHERE application_id = $1', [secondApplicationId]));
  assert.equal(row?.n, 0);
});

test('the decision schema: a refusal carries no amount, a period ends after it starts, a motivation is given', () => {
  const issues = (input: unknown) => {
    const parsed = agendaDecisionInput.safeParse(input);
    return parsed.success ? [] : parsed.error.issues.map((i) => i.path.join('.'));
  };
  assert.deepEqual(issues(DECISION), []);
  assert.deepEqual(issues({ ...DECISION, outcome: 'refused' }), ['amountCents']);
  assert.deepEqual(issues({ ...DECISION, periodTo: '2026-11-30' }), ['periodTo']);
  assert.deepEqual(issues({ ...DECISION, periodFrom: null }), ['periodFrom']);
  assert.deepEqual(issues({ ...DECISION, motivation: '  ' }), ['motivation']);
  assert.deepEqual(issues({ ...DECISION, amountCents: -1 }), ['amountCents']);
  assert.deepEqual(issues({ ...DECISION, outcome: 'maybe' }), ['outcome']);
  assert.deepEqual(issues({ ...DECISION, extra: 1 }), ['']);
});
