// Every query of the stores filters by cpas_id (docs/scaling.md): a representative workload (the
// page fixture built through the use cases, then every page reachable from the home page of a
// member of each role, files opened for each purpose, searches) runs on a database that records
// each statement; each distinct one is then planned (EXPLAIN) and every scan of a distributed
// table must constrain that table's cpas_id. Only the tables of distribution.ts are exempt.
// Without the filter, a statement would rely on ids never colliding across CPAS, reach every
// shard on Citus, and a mistake in it would show one CPAS the rows of another.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { buildServer } from '../../http/server.ts';
import { searchPersons } from '../../app/search-persons.ts';
import { testContext } from '../../testing/fixtures.ts';
import { type LoggedStatement, recordingDatabase, statementsWithoutCpas } from '../../testing/query-log.ts';
import { createTestDatabase, type TestDatabase } from '../../testing/test-database.ts';
import { buildFixture, type Fixture, FIXTURE_PASSWORD } from '../../ui/testing/fixture.ts';
import { PageClient, urlsOf } from '../../ui/testing/page-client.ts';
import { LOCAL_TABLES, REFERENCE_TABLES } from './distribution.ts';

const EXEMPT = new Set([...Object.keys(REFERENCE_TABLES), ...Object.keys(LOCAL_TABLES)]);
const LOGINS = ['assistant-social@namur', 'responsable@namur', 'agent@namur', 'directrice@namur', 'dpo@namur', 'president@namur', 'secretariat@namur'];
/** Links not followed: leaving the session, switching language, and files (PDF, attachments) whose bytes add no query. */
const NOT_FOLLOWED = /^\/(logout|language|assets|static)|\.(css|js|svg|png|ico|pdf)$|\/download\b/;
const PAGES_PER_LOGIN = 60;

let t: TestDatabase;
let app: FastifyInstance;
let fx: Fixture;
const log: LoggedStatement[] = [];

before(async () => {
  t = await createTestDatabase();
  const ctx = testContext(recordingDatabase(t.db, log), () => new Date('2026-11-28T10:00:00Z'));
  fx = await buildFixture(ctx);
  app = await buildServer(ctx);
  const worker = fx.namur.actors['assistant-social']!;
  for (const query of [{ name: 'dubo' }, { niss: '86032721229' }, { birthDate: '1986-03-27' }]) {
    await searchPersons(ctx, worker, { ...query, limit: 20, purpose: 'case-follow-up' });
  }
  for (const login of LOGINS) await crawl(login);
});
after(async () => {
  await app?.close();
  await t?.drop();
});

/** Opens each fixture file for each purpose, then follows the same-site links breadth first. */
async function crawl(login: string): Promise<void> {
  const client = new PageClient(app);
  assert.equal((await client.logIn(login, FIXTURE_PASSWORD)).status, 303, login);
  for (const personId of Object.values(fx.namur.persons)) {
    for (const purpose of ['case-follow-up', 'administrative-processing']) await client.openFile(personId, purpose);
  }
  const queue = ['/'];
  const visited = new Set<string>();
  while (queue.length && visited.size < PAGES_PER_LOGIN) {
    const url = queue.shift()!;
    if (visited.has(url)) continue;
    visited.add(url);
    const page = await client.get(url);
    for (const link of page.location ? [page.location] : page.status === 200 ? urlsOf(page.body) : []) {
      const path = link.split('#')[0]!;
      if (path.startsWith('/') && !path.startsWith('//') && !NOT_FOLLOWED.test(path) && !visited.has(path)) queue.push(path);
    }
  }
}

test('the workload reached the file, the log, the staff and the register', async () => {
  const scanned = new Set<string>();
  await t.db.ownerTransaction((tx) => statementsWithoutCpas(tx, log, EXEMPT, scanned));
  for (const table of ['person', 'person_address', 'case_note', 'social_report', 'case_assignment', 'access_log_entry', 'access_log_head',
    'staff_user', 'staff_session', 'api_token', 'cpas_data_key', 'break_glass_grant', 'authority_request', 'request_subject', 'request_disclosure']) {
    assert.ok(scanned.has(table), `no statement of the workload read ${table} (read: ${[...scanned].sort().join(', ')})`);
  }
  const distributed = [...scanned].filter((table) => !EXEMPT.has(table));
  assert.ok(distributed.length >= 30, `distributed tables read: ${distributed.length}`);
  assert.ok(new Set(log.map((s) => s.sql)).size >= 90, `distinct statements: ${new Set(log.map((s) => s.sql)).size}`);
});

test('every statement of the workload constrains cpas_id on every distributed table it scans', async () => {
  const findings = await t.db.ownerTransaction((tx) => statementsWithoutCpas(tx, log, EXEMPT));
  assert.deepEqual(findings.map((f) => `${f.tables.join(', ')}: ${f.sql.replace(/\s+/g, ' ').slice(0, 300)}`), []);
});

test('a planted statement without the filter is found, and the same one with it is not', async () => {
  const personId = fx.namur.persons.dubois!;
  const planted: LoggedStatement[] = [
    { sql: 'SELECT family_name FROM person WHERE person_id = $1', params: [personId] },
    { sql: 'SELECT n.body_enc FROM case_note n JOIN person p USING (person_id) WHERE p.cpas_id = $1', params: [fx.namur.cpasId] },
    { sql: 'UPDATE person SET phone = NULL WHERE niss = $1', params: ['86032721229'] },
  ];
  const found = await t.db.ownerTransaction((tx) => statementsWithoutCpas(tx, planted, EXEMPT));
  assert.deepEqual(found.map((f) => f.tables), [['person'], ['case_note'], ['person']]);
  const fixed: LoggedStatement[] = [
    { sql: 'SELECT family_name FROM person WHERE cpas_id = $1 AND person_id = $2', params: [fx.namur.cpasId, personId] },
    { sql: 'SELECT n.body_enc FROM case_note n JOIN person p USING (cpas_id, person_id) WHERE p.cpas_id = $1', params: [fx.namur.cpasId] },
    { sql: 'SELECT code FROM cpas WHERE code = $1', params: ['namur'] },
  ];
  assert.deepEqual(await t.db.ownerTransaction((tx) => statementsWithoutCpas(tx, fixed, EXEMPT)), []);
});
