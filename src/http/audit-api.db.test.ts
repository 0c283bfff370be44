// The audit API end to end: break-glass from refusal to review, the DPO's log views, the person's
// own access view with the secrecy of the measure, and one access-log entry per call that
// returns personal data, in the same transaction.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { appendAccessLog } from '../adapters/db/access-log-store.ts';
import { createApiToken } from '../app/authenticate.ts';
import { assignCase } from '../app/manage-staff.ts';
import { makeNiss } from '../domain/niss.ts';
import { addTestCpas, testContext, type TestCpas } from '../testing/fixtures.ts';
import { createTestDatabase, type TestDatabase } from '../testing/test-database.ts';
import { buildServer } from './server.ts';

let t: TestDatabase;
let app: FastifyInstance;
let namur: TestCpas;
const tokens: Record<string, string> = {};
let personId = '';
let attachmentId = '';
let now = new Date('2026-11-28T10:00:00Z');
const REASON = 'CANARY-reason-5d1e: Mme appelle en détresse, son assistante sociale est absente';
const REPORT = 'CANARY-report-88c2: situation confiée';

const auth = (who: string) => ({ authorization: `Bearer ${tokens[who]}` });
const get = (url: string, who: string) => app.inject({ method: 'GET', url, headers: auth(who) });
const post = (url: string, who: string, payload: object) => app.inject({ method: 'POST', url, headers: auth(who), payload });
const minutes = (n: number) => {
  now = new Date(now.getTime() + n * 60_000);
};

async function logCount(): Promise<number> {
  const [row] = await t.db.ownerTransaction((tx) => tx.query<{ n: number }>('SELECT count(*)::int AS n FROM access_log_entry'));
  return row!.n;
}
async function lastEntries(n: number): Promise<Record<string, unknown>[]> {
  const rows = await t.db.ownerTransaction((tx) => tx.query<{ entry_text: string }>('SELECT entry_text FROM access_log_entry ORDER BY logged_at DESC, seq DESC LIMIT $1', [n]));
  return rows.map((r) => JSON.parse(r.entry_text) as Record<string, unknown>);
}
/** Runs a call and checks it wrote exactly `n` log entries; returns the response and those entries. */
async function logged(n: number, call: () => ReturnType<typeof get>) {
  const before = await logCount();
  const res = await call();
  assert.equal(await logCount(), before + n, `${res.statusCode} ${res.body.slice(0, 200)}`);
  return { res, entries: n > 0 ? await lastEntries(n) : [] };
}

before(async () => {
  t = await createTestDatabase();
  const ctx = testContext(t.db, () => now);
  namur = await addTestCpas(t.db, 'namur');
  for (const [name, actor] of Object.entries(namur.actors)) tokens[name] = (await createApiToken(ctx, actor, 'test')).token;
  app = await buildServer(ctx);
  const created = await post('/api/v1/persons', 'administrative-agent', {
    purpose: 'intake', person: { familyName: 'CANARYFAMILY', givenNames: 'Marie', birthDate: '1979-03-02', niss: makeNiss('1979-03-02', 42) },
  });
  assert.equal(created.statusCode, 201, created.body);
  personId = created.json().personId;
  await assignCase(ctx, namur.actors['head-of-social-service'], { personId, userId: namur.actors['social-worker'].userId, assignedFrom: '2026-01-01' });
  const attachment = await post(`/api/v1/persons/${personId}/attachments`, 'social-worker', {
    purpose: 'case-follow-up', dataClass: 'social-report', fileName: 'rapport.txt', mediaType: 'text/plain', contentBase64: Buffer.from(REPORT).toString('base64'),
  });
  assert.equal(attachment.statusCode, 201, attachment.body);
  attachmentId = attachment.json().attachmentId;
});
after(async () => {
  await app?.close();
  await t?.drop();
});

describe('break-glass through the API', () => {
  let grantId = '';
  const attachmentUrl = () => `/api/v1/attachments/${attachmentId}?purpose=case-follow-up`;

  test('a worker not on the case is refused the report', async () => {
    const { res, entries } = await logged(1, () => get(attachmentUrl(), 'other-social-worker'));
    assert.equal(res.statusCode, 403);
    assert.equal(entries[0]!.outcome, 'denied');
    const file = await get(`/api/v1/persons/${personId}?purpose=case-follow-up`, 'other-social-worker');
    assert.ok(!file.body.includes('CANARY-report'));
  });

  test('a short reason, a purpose that opens no secret data, or a role outside the social service is refused', async () => {
    const url = `/api/v1/persons/${personId}/break-glass`;
    const short = await post(url, 'other-social-worker', { reason: 'urgence', purpose: 'case-follow-up' });
    assert.equal(short.statusCode, 400);
    assert.match(short.json().message, /^reason: /);
    const admin = await post(url, 'other-social-worker', { reason: REASON, purpose: 'administrative-processing' });
    assert.equal(admin.json().code, 'purpose-required');
    const { res } = await logged(1, () => post(url, 'administrative-agent', { reason: REASON, purpose: 'case-follow-up' }));
    assert.equal(res.statusCode, 403);
    const onCase = await post(url, 'social-worker', { reason: REASON, purpose: 'case-follow-up' });
    assert.equal(onCase.statusCode, 409, 'the assigned worker needs no glass to break');
  });

  test('breaking the glass is logged without its reason, and notifies the head of service and the DPO', async () => {
    const { res, entries } = await logged(1, () => post(`/api/v1/persons/${personId}/break-glass`, 'other-social-worker', { reason: REASON, purpose: 'case-follow-up' }));
    assert.equal(res.statusCode, 201, res.body);
    grantId = res.json().grantId;
    assert.equal(res.json().expiresAt, new Date(now.getTime() + 60 * 60_000).toISOString());
    assert.equal(entries[0]!.action, 'break-glass');
    assert.equal(entries[0]!.rule, 'break-glass');
    assert.equal(entries[0]!.person, personId);
    const texts = await t.db.ownerTransaction((tx) => tx.query<{ entry_text: string }>('SELECT entry_text FROM access_log_entry'));
    assert.ok(texts.every((r) => !r.entry_text.includes('CANARY')), 'no reason in the log');
    for (const who of ['head-of-social-service', 'dpo']) {
      const notes = (await get('/api/v1/notifications?unread=true', who)).json().notifications;
      assert.deepEqual(notes.map((n: { kind: string; referenceId: string }) => [n.kind, n.referenceId]), [['break-glass-opened', grantId]], who);
    }
    assert.deepEqual((await get('/api/v1/notifications', 'other-social-worker')).json().notifications, []);
    const again = await post(`/api/v1/persons/${personId}/break-glass`, 'other-social-worker', { reason: REASON, purpose: 'case-follow-up' });
    assert.equal(again.statusCode, 409, 'one live grant at a time');
  });

  test('under the grant the report opens, logged with rule break-glass; for another purpose it does not', async () => {
    const { res, entries } = await logged(1, () => get(attachmentUrl(), 'other-social-worker'));
    assert.equal(res.statusCode, 200);
    assert.equal(res.body, REPORT);
    assert.equal(entries[0]!.rule, 'break-glass');
    assert.equal(entries[0]!.outcome, 'allowed');
    const file = await logged(1, () => get(`/api/v1/persons/${personId}?purpose=case-follow-up`, 'other-social-worker'));
    assert.equal(file.res.json().rule, 'break-glass');
    const other = await get(`/api/v1/attachments/${attachmentId}?purpose=supervision`, 'other-social-worker');
    assert.equal(other.statusCode, 403, 'the grant opens reads for its own purpose only');
  });

  test('the queue lists the grant for the reviewers only, its reason for the head of service only; each look is logged', async () => {
    const { res, entries } = await logged(1, () => get('/api/v1/break-glass', 'dpo'));
    assert.equal(res.statusCode, 200);
    const [grant] = res.json().grants;
    assert.equal(grant.grantId, grantId);
    assert.equal(grant.reason, null, 'the DPO sees no content: the reason is a social note');
    assert.ok(grant.personName?.familyName, 'the policy lets the DPO’s list name the person');
    assert.deepEqual(entries[0]!.classes, ['identity'], 'naming the persons is logged as an identity read');
    const head = await logged(2, () => get('/api/v1/break-glass', 'head-of-social-service'));
    assert.equal(head.res.json().grants[0].reason, REASON);
    assert.deepEqual(head.entries.map((e) => [e.action, e.person, e.classes]), [['read', personId, ['social-notes']], ['read-log', null, ['identity']]], 'newest first: the reason read is logged with the person');
    assert.equal(grant.user.userId, namur.actors['other-social-worker'].userId);
    assert.equal(grant.active, true);
    assert.deepEqual(entries[0]!.details, { count: 1, grants: [grantId], view: 'break-glass-queue' });
    for (const who of ['social-worker', 'other-social-worker', 'administrative-agent', 'it-admin']) {
      const refused = await logged(1, () => get('/api/v1/break-glass', who));
      assert.equal(refused.res.statusCode, 403, who);
      assert.ok(!refused.res.body.includes('CANARY'));
    }
  });

  test('an expired grant no longer opens the report, but stays in the queue until reviewed', async () => {
    minutes(61);
    const { res } = await logged(1, () => get(attachmentUrl(), 'other-social-worker'));
    assert.equal(res.statusCode, 403);
    const queue = (await get('/api/v1/break-glass', 'head-of-social-service')).json().grants;
    assert.deepEqual(queue.map((g: { grantId: string; active: boolean }) => [g.grantId, g.active]), [[grantId, false]]);
  });

  test('a review is final, by a reviewer who is not the grant holder, and empties the queue', async () => {
    const url = `/api/v1/break-glass/${grantId}/review`;
    assert.equal((await post(url, 'other-social-worker', { outcome: 'justified' })).statusCode, 403);
    const noComment = await post(url, 'dpo', { outcome: 'not-justified' });
    assert.equal(noComment.statusCode, 400);
    assert.match(noComment.json().message, /^comment: /);
    const { res, entries } = await logged(1, () => post(url, 'dpo', { outcome: 'justified', comment: 'CANARY-comment-31: urgence avérée' }));
    assert.equal(res.statusCode, 200, res.body);
    assert.deepEqual(entries[0]!.details, { grant: grantId, operation: 'review-break-glass', outcome: 'justified' });
    assert.equal((await post(url, 'head-of-social-service', { outcome: 'not-justified', comment: 'non' })).statusCode, 409);
    assert.deepEqual((await get('/api/v1/break-glass', 'dpo')).json().grants, []);
    const all = (await get('/api/v1/break-glass?all=true', 'dpo')).json().grants;
    assert.equal(all[0].review.outcome, 'justified');
    assert.equal(all[0].review.comment, null, 'the DPO does not read review comments');
    const forHead = (await get('/api/v1/break-glass?all=true', 'head-of-social-service')).json().grants;
    assert.equal(forHead[0].review.comment, 'CANARY-comment-31: urgence avérée');
  });

  test('"not justified" closes a live grant at once', async () => {
    const created = await post('/api/v1/persons', 'administrative-agent', { purpose: 'intake', person: { familyName: 'Sansdossier', givenNames: 'Paul' } });
    const unassigned = created.json().personId;
    const head = await post(`/api/v1/persons/${unassigned}/break-glass`, 'head-of-social-service', { reason: 'Pas de travailleur assigné, situation urgente signalée', purpose: 'case-follow-up' });
    assert.equal(head.statusCode, 201, head.body);
    const opened = await get(`/api/v1/persons/${unassigned}?purpose=case-follow-up`, 'head-of-social-service');
    assert.equal(opened.json().rule, 'break-glass');
    assert.equal((await post(`/api/v1/break-glass/${head.json().grantId}/review`, 'head-of-social-service', { outcome: 'justified' })).statusCode, 403, 'not one’s own grant');
    const review = await post(`/api/v1/break-glass/${head.json().grantId}/review`, 'dpo', { outcome: 'not-justified', comment: 'pas d’urgence' });
    assert.equal(review.statusCode, 200);
    const closed = await get(`/api/v1/persons/${unassigned}?purpose=case-follow-up`, 'head-of-social-service');
    assert.equal(closed.json().rule, 'administrative-staff');
    assert.ok(closed.json().withheld.some((w: { category: string }) => w.category === 'social-notes'));
  });
});

describe('the DPO reads the log', () => {
  test('by person, staff member and period, newest first, one read-log entry per call', async () => {
    const byPerson = await logged(1, () => get(`/api/v1/audit/persons/${personId}`, 'dpo'));
    assert.equal(byPerson.res.statusCode, 200, byPerson.res.body);
    const entries = byPerson.res.json().entries as { seq: number; person: string | null; action: string; userName: string | null }[];
    assert.ok(entries.length >= 8);
    assert.deepEqual(entries.map((e) => e.seq), [...entries.map((e) => e.seq)].sort((a, b) => b - a), 'newest first');
    assert.ok(entries.some((e) => e.action === 'break-glass' && e.userName === 'other-social-worker'));
    assert.ok(entries.every((e) => e.person === personId || e.action === 'search'));
    assert.equal(byPerson.entries[0]!.action, 'read-log');
    assert.equal(byPerson.entries[0]!.person, personId);
    assert.equal(byPerson.entries[0]!.purpose, 'data-protection-audit');

    const staff = await logged(1, () => get(`/api/v1/audit/staff/${namur.actors['other-social-worker'].userId}?limit=2`, 'dpo'));
    const first = staff.res.json();
    assert.equal(first.entries.length, 2);
    const next = (await get(`/api/v1/audit/staff/${namur.actors['other-social-worker'].userId}?limit=2&before=${first.nextBefore}`, 'dpo')).json();
    assert.ok(next.entries[0].seq < first.entries[1].seq, 'the next page is older');

    const period = await logged(1, () => get(`/api/v1/audit/period?from=2026-11-28&to=2026-11-29`, 'dpo'));
    assert.ok(period.res.json().entries.length > 10);
    const empty = (await get('/api/v1/audit/period?from=2020-01-01&to=2020-01-02', 'dpo')).json();
    assert.deepEqual(empty, { entries: [], nextBefore: null });
    assert.equal((await get('/api/v1/audit/period?from=2026-11-29&to=2026-11-28', 'dpo')).statusCode, 400);
  });

  test('nobody else reads the log, and the attempt is logged', async () => {
    for (const who of ['social-worker', 'head-of-social-service', 'directeur-general', 'it-admin']) {
      const { res, entries } = await logged(1, () => get(`/api/v1/audit/persons/${personId}`, who));
      assert.equal(res.statusCode, 403, who);
      assert.equal(entries[0]!.outcome, 'denied');
    }
  });
});

describe("the person's own access view", () => {
  test('lists who consulted the file, withholds authority-request entries, and records the withholding for the DPO', async () => {
    await post('/api/v1/persons/search', 'administrative-agent', { name: 'canaryfamily', purpose: 'intake' });
    await t.db.transaction((tx) => appendAccessLog(tx, {
      cpasId: namur.cpasId, userId: namur.actors['directeur-general'].userId, roles: ['directeur-general'], purpose: 'authority-request', action: 'disclose',
      personId, classes: ['identity', 'domicile-address'], outcome: 'allowed', rule: 'operation', details: { operation: 'mark-sent' },
    }, now));
    const { res, entries } = await logged(1, () => get(`/api/v1/persons/${personId}/access-history`, 'administrative-agent'));
    assert.equal(res.statusCode, 200, res.body);
    const accesses = res.json().accesses as { action: string; purpose: string; staff: { name: string } | null; emergencyAccess: boolean }[];
    assert.ok(accesses.some((a) => a.emergencyAccess && a.staff?.name === 'other-social-worker'), 'the break-glass read is shown');
    assert.ok(accesses.some((a) => a.action === 'search'), 'a search that found the person is shown');
    assert.ok(accesses.every((a) => a.purpose !== 'authority-request' && a.action !== 'disclose'), 'secrecy of the measure');
    assert.ok(!res.body.includes('CANARY-reason') && !res.body.includes('"seq"') && !res.body.includes('withheld'));
    assert.equal(entries[0]!.purpose, 'data-subject-access');
    assert.deepEqual((entries[0]!.details as Record<string, unknown>).withheldForSecrecyOfMeasure, 1);
    const dpoView = (await get(`/api/v1/audit/persons/${personId}`, 'dpo')).json().entries as { action: string }[];
    assert.ok(dpoView.some((e) => e.action === 'disclose'), 'the DPO still sees it');
  });

  test('the social worker on the case may print it; a worker not on the case, the DPO and the director may not', async () => {
    assert.equal((await get(`/api/v1/persons/${personId}/access-history`, 'social-worker')).statusCode, 200);
    for (const who of ['other-social-worker', 'dpo', 'directeur-general', 'council-member']) {
      const { res } = await logged(1, () => get(`/api/v1/persons/${personId}/access-history`, who));
      assert.equal(res.statusCode, 403, who);
    }
    assert.equal((await get('/api/v1/persons/11111111-1111-4111-8111-111111111111/access-history', 'administrative-agent')).statusCode, 404);
  });
});
