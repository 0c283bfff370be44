// Throughput under concurrency: N staff sessions (one API token each) send the realistic mix over
// HTTP on 127.0.0.1 (autocannon): search by NISS, open a file, write a case note, the caseload, the
// register of authority requests. Beside it, in the same run and at the same concurrency, the same
// mix as bare SQL statements (no HTTP, no policy, no log, no encryption) on a pool of the same size.
// The ratio is the figure: what the policy, the log, the sealing and the HTTP layer cost together.
// Where the time goes is printed after each run (bench/stages.ts): per transaction, the wait for a
// connection, the statements, the log append, Node's work and the commit; per route, server time.
// Usage: npx tsx bench/load.ts [--engine pglite|postgres] [--sessions 50,200] [--seconds 10] [--persons 1000]
//          [--pool 8] [--commit-delay 0]   (PostgreSQL: pool size; commit_delay in µs for the bench database)
import { randomBytes, randomUUID } from 'node:crypto';
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
// autocannon ships no types: the little used here is typed in bench/autocannon.d.ts.
import autocannon from 'autocannon';
import { openPostgres, type Database, type Tx } from '../src/adapters/db/database.ts';
import { insertAssignment } from '../src/adapters/db/stores/assignment-store.ts';
import { insertStaff } from '../src/adapters/db/stores/staff-store.ts';
import { createApiToken } from '../src/app/authenticate.ts';
import { createPerson } from '../src/app/create-person.ts';
import { makeNiss } from '../src/domain/niss.ts';
import type { Actor } from '../src/domain/roles.ts';
import { buildServer } from '../src/http/server.ts';
import { benchOptions, count, engineOption } from './options.ts';
import { emptyStages, routeRows, stagedDatabase, STAGE_HEADER, stageRows, timeRoutes, topStatements } from './stages.ts';
import { percentile, printTable } from './support.ts';

const { values: options } = benchOptions(
  'npx tsx bench/load.ts [--engine pglite|postgres] [--sessions 50,200] [--seconds 10] [--persons 1000] [--pool 8] [--commit-delay 0]',
  { engine: 'pglite', sessions: '50,200', seconds: '10', persons: '1000', pool: '8', 'commit-delay': '0' },
);
const engine = engineOption(options.engine);
process.env.CONFIANCE_TEST_ENGINE = engine;
const SESSIONS = options.sessions.split(',').map((s) => count('sessions', s));
const SECONDS = count('seconds', options.seconds);
const PERSONS = count('persons', options.persons);
const POOL = count('pool', options.pool);
const COMMIT_DELAY = options['commit-delay'] === '0' ? 0 : count('commit-delay', options['commit-delay']);
const PER_WORKER = 5;

const { createTestDatabase } = await import('../src/testing/test-database.ts');
const { addTestCpas, testContext } = await import('../src/testing/fixtures.ts');

const t = await createTestDatabase();
// Group commit for this database only (commit_delay needs a superuser; the server keeps its own).
if (t.url && COMMIT_DELAY) await t.db.ownerTransaction((tx) => tx.query(`ALTER DATABASE ${t.name} SET commit_delay = ${COMMIT_DELAY}`));
// The server's pool (8 connections in production unless configured); PGlite is one connection whatever is asked.
const pooled: Database = t.url ? await openPostgres(t.url, POOL) : t.db;
const httpStages = emptyStages();
const bareStages = emptyStages();
const db = stagedDatabase(pooled, httpStages);
const bareDb = stagedDatabase(pooled, bareStages);
const ctx = testContext(db, () => new Date());
const namur = await addTestCpas(db, 'namur');
const agent = namur.actors['administrative-agent'];
console.log(`setting up ${PERSONS} persons and ${Math.max(...SESSIONS)} social workers on ${engine}...`);
const persons: { personId: string; niss: string }[] = [];
// Twice: the bare-SQL mix writes notes with random bytes for a body, which the real file must never meet.
for (let i = 0; i < 2 * PERSONS; i++) {
  const birth = `${1950 + (i % 50)}-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`;
  const niss = makeNiss(birth, 1 + Math.floor(i / 600) % 998);
  const { personId } = await createPerson(ctx, agent, { purpose: 'intake', person: { familyName: `Charge${i}`, givenNames: 'Test', niss } });
  persons.push({ personId, niss });
}
interface Session { actor: Actor; token: string; persons: typeof persons; twins: typeof persons }
const sessions: Session[] = [];
for (let i = 0; i < Math.max(...SESSIONS); i++) {
  const actor: Actor = { cpasId: namur.cpasId, userId: randomUUID(), roles: ['social-worker'] };
  const mine = Array.from({ length: PER_WORKER }, (_, k) => persons[(i * PER_WORKER + k) % PERSONS]!);
  const twins = mine.map((_, k) => persons[PERSONS + ((i * PER_WORKER + k) % PERSONS)]!);
  await db.ownerTransaction(async (tx) => {
    await insertStaff(tx, { cpasId: actor.cpasId, userId: actor.userId, username: `sw${i}`, displayName: `SW ${i}`, language: 'fr', passwordHash: null, roles: ['social-worker'] });
    for (const p of [...mine, ...twins]) await insertAssignment(tx, { cpasId: actor.cpasId, assignmentId: randomUUID(), personId: p.personId, userId: actor.userId, assignedFrom: '2020-01-01', assignedUntil: null });
  });
  sessions.push({ actor, token: (await createApiToken(ctx, actor, 'load')).token, persons: mine, twins });
}
const dg = (await createApiToken(ctx, namur.actors['directeur-general'], 'load')).token;

// The first failures of a run, shown after it (a bench's database holds synthetic data only).
const failures: string[] = [];
const app = await buildServer(ctx);
const routes = timeRoutes(app);
app.addHook('onError', async (request, _reply, error) => {
  if (failures.length < 5) failures.push(`${request.method} ${request.routeOptions.url}: ${error.message}\n`);
});
await app.listen({ host: '127.0.0.1', port: 0 });
const { port } = app.server.address() as { port: number };
/** One request of each step, answered 2xx, before any figure: a mix that fails measures refusals. */
async function checkMix(s: Session) {
  const p = s.persons[0]!;
  const auth = (token: string) => ({ authorization: `Bearer ${token}` });
  const json = (token: string) => ({ ...auth(token), 'content-type': 'application/json' });
  const answers = [
    await app.inject({ method: 'POST', url: '/api/v1/persons/search', headers: json(s.token), payload: { niss: p.niss, purpose: 'case-follow-up' } }),
    await app.inject({ url: `/api/v1/persons/${p.personId}?purpose=case-follow-up`, headers: auth(s.token) }),
    await app.inject({ method: 'POST', url: `/api/v1/persons/${p.personId}/case-notes`, headers: json(s.token), payload: { body: NOTE, purpose: 'case-follow-up' } }),
    await app.inject({ url: '/api/v1/caseload', headers: auth(s.token) }),
    await app.inject({ url: '/api/v1/requests', headers: auth(dg) }),
    await app.inject({ url: `/api/v1/persons/${p.personId}?purpose=case-follow-up`, headers: auth(s.token) }),
  ];
  answers.forEach((a, i) => {
    if (a.statusCode >= 300) throw new Error(`${MIX[i] ?? 'open again'}: ${a.statusCode} ${a.body.slice(0, 200)}`);
  });
}
const NOTE = 'Entretien de suivi: démarches convenues, prochain rendez-vous fixé. '.repeat(4);

/** The mix, one step per request, in the order each session cycles through. */
const MIX = ['search', 'open', 'note', 'caseload', 'register'] as const;

/**
 * How busy this process was: CPU ms per request (server, client and driver together: one process)
 * and the share of time the event loop was busy. Near 100 %, requests wait for Node, not the database.
 */
function nodeUse(): (requests: number) => string {
  const cpu = process.cpuUsage();
  const loop = performance.eventLoopUtilization();
  return (requests) => {
    const used = process.cpuUsage(cpu);
    const busy = performance.eventLoopUtilization(loop).utilization;
    return `${((used.user + used.system) / 1000 / Math.max(1, requests)).toFixed(2)} ms, loop ${(busy * 100).toFixed(0)}%`;
  };
}

async function overHttp(connections: number, seconds = SECONDS) {
  let next = 0;
  const node = nodeUse();
  const result = await autocannon({
    url: `http://127.0.0.1:${port}`,
    connections,
    duration: seconds,
    requests: MIX.map((step) => ({
      setupRequest: (req: autocannon.Request, context: Record<string, unknown>) => {
        context.session ??= sessions[next++ % connections]!;
        const s = context.session as Session;
        const p = s.persons[Math.floor(Math.random() * s.persons.length)]!;
        const headers = { authorization: `Bearer ${step === 'register' ? dg : s.token}`, 'content-type': 'application/json' };
        switch (step) {
          case 'search': return { ...req, method: 'POST', path: '/api/v1/persons/search', headers, body: JSON.stringify({ niss: p.niss, purpose: 'case-follow-up' }) };
          case 'open': return { ...req, method: 'GET', path: `/api/v1/persons/${p.personId}?purpose=case-follow-up`, headers: { authorization: headers.authorization } };
          case 'note': return { ...req, method: 'POST', path: `/api/v1/persons/${p.personId}/case-notes`, headers, body: JSON.stringify({ body: NOTE, purpose: 'case-follow-up' }) };
          case 'caseload': return { ...req, method: 'GET', path: '/api/v1/caseload', headers: { authorization: headers.authorization } };
          case 'register': return { ...req, method: 'GET', path: '/api/v1/requests', headers: { authorization: headers.authorization } };
        }
      },
    })),
  });
  const bad = result.non2xx + result.errors + result.timeouts;
  if (bad > 0) console.log(`${connections} sessions: answers by status ${JSON.stringify(result.statusCodeStats)}, ${result.errors} errors, ${result.timeouts} timeouts\n${failures.join('')}`);
  return { perSecond: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, bad, node: node(result.requests.total) };
}

/** The same five steps as bare SQL: the rows each needs, the note inserted with random bytes for its sealed body. */
const BARE: Record<(typeof MIX)[number], (tx: Tx, s: Session, p: (typeof persons)[number]) => Promise<unknown>> = {
  search: (tx, s, p) => tx.query('SELECT person_id, family_name, given_names, birth_date, niss FROM person WHERE cpas_id = $1 AND niss = $2', [s.actor.cpasId, p.niss]),
  open: async (tx, s, p) => {
    await tx.query('SELECT * FROM person WHERE cpas_id = $1 AND person_id = $2', [s.actor.cpasId, p.personId]);
    await tx.query('SELECT * FROM person_address WHERE cpas_id = $1 AND person_id = $2', [s.actor.cpasId, p.personId]);
    await tx.query('SELECT * FROM household_member WHERE cpas_id = $1 AND person_id = $2', [s.actor.cpasId, p.personId]);
    await tx.query('SELECT * FROM case_note WHERE cpas_id = $1 AND person_id = $2 ORDER BY written_at DESC LIMIT 50', [s.actor.cpasId, p.personId]);
  },
  note: (tx, s, p) => tx.query('INSERT INTO case_note (cpas_id, note_id, person_id, author_user_id, body_enc) VALUES ($1, $2, $3, $4, $5)',
    [s.actor.cpasId, randomUUID(), p.personId, s.actor.userId, randomBytes(Buffer.byteLength(NOTE) + 40)]),
  caseload: (tx, s) => tx.query(`SELECT p.person_id, p.family_name, p.given_names FROM case_assignment a JOIN person p USING (cpas_id, person_id)
    WHERE a.cpas_id = $1 AND a.user_id = $2 AND a.assigned_from <= current_date AND (a.assigned_until IS NULL OR a.assigned_until >= current_date)`, [s.actor.cpasId, s.actor.userId]),
  register: (tx, s) => tx.query('SELECT * FROM authority_request WHERE cpas_id = $1 ORDER BY received DESC LIMIT 100', [s.actor.cpasId]),
};

async function bareSql(connections: number) {
  const node = nodeUse();
  const latencies: number[] = [];
  const end = Date.now() + SECONDS * 1000;
  await Promise.all(Array.from({ length: connections }, async (_, i) => {
    const s = sessions[i]!;
    for (let step = 0; Date.now() < end; step++) {
      const p = s.twins[Math.floor(Math.random() * s.twins.length)]!;
      const start = performance.now();
      await bareDb.ownerTransaction((tx) => BARE[MIX[step % MIX.length]!](tx, s, p));
      latencies.push(performance.now() - start);
    }
  }));
  latencies.sort((a, b) => a - b);
  return { perSecond: latencies.length / SECONDS, p50: percentile(latencies, 50), p99: percentile(latencies, 99), node: node(latencies.length) };
}

const rows: string[][] = [];
try {
  await checkMix(sessions[0]!);
  // Warm-up, not counted: the first seconds compile the server's hot paths and fill the pool and
  // the caches; without it the first configuration measured pays for all of them.
  await overHttp(Math.min(...SESSIONS), 3);
  failures.length = 0;
  for (const n of SESSIONS) {
    const load = () => loadavg()[0]!.toFixed(1);
    Object.assign(bareStages, emptyStages());
    const bare = await bareSql(n);
    const bareLoad = load();
    Object.assign(httpStages, emptyStages());
    routes.clear();
    const http = await overHttp(n);
    printTable(`${n} sessions: where the time goes, mean ms per transaction`, [STAGE_HEADER, stageRows('HTTP mix', httpStages), stageRows('bare SQL', bareStages)]);
    printTable(`${n} sessions: server time per route (ms)`, [['route', 'requests', 'p50', 'p99'], ...routeRows(routes)]);
    printTable(`${n} sessions: statements of the HTTP mix by total time`, topStatements(httpStages));
    rows.push([`${n} sessions`, `${Math.round(http.perSecond)}/s`, `${Math.round(bare.perSecond)}/s`, (bare.perSecond / http.perSecond).toFixed(2),
      `${http.p50} / ${http.p99} ms`, `${bare.p50.toFixed(1)} / ${bare.p99.toFixed(1)} ms`, http.node, bare.node, String(http.bad), `${bareLoad} / ${load()}`]);
  }
} finally {
  await app.close();
  if (pooled !== t.db) await pooled.close();
  await t.drop();
}
console.log(`\nload mix (${MIX.join(', ')}) on ${engine}, ${SECONDS} s each, pool ${POOL}, commit_delay ${COMMIT_DELAY} µs, Node ${process.version}`);
printTable(`load mix on ${engine}`, [['', 'HTTP mix', 'bare SQL', 'ratio', 'HTTP p50 / p99', 'bare p50 / p99', 'Node CPU/req, HTTP', 'Node CPU/tx, bare', 'non-2xx', 'load avg (bare / http)'], ...rows]);
