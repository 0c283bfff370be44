// `users add`, `users confirm-first-head` and `users activate` on a test database: the operator
// bootstraps a CPAS's first head of social service, the holder activates; nobody gets a password
// from the command line, and the demo loader is the only path that gives roles at once, logged as such.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { logIn } from '../app/authenticate.ts';
import type { AppContext } from '../app/context.ts';
import { loadDemo } from '../app/load-demo.ts';
import { readAccessLog } from '../app/read-access-log.ts';
import { registerCpas } from '../app/register-cpas.ts';
import { generateDemo } from '../demo/generate.ts';
import type { DomainError } from '../domain/errors.ts';
import { captureIo } from '../testing/capture-io.ts';
import { testContext } from '../testing/fixtures.ts';
import { createTestDatabase, type TestDatabase } from '../testing/test-database.ts';
import { runUsersActivate } from './users-activate.ts';
import { runUsersAdd, runUsersConfirmFirstHead } from './users-add.ts';

let t: TestDatabase;
let ctx: AppContext;
before(async () => {
  t = await createTestDatabase();
  ctx = testContext(t.db);
  await registerCpas(t.db, { code: 'arlon', name: 'CPAS d’Arlon', region: 'wallonie', languages: ['fr'], defaultLanguage: 'fr', street: 'Rue 1', postalCode: '6700', municipality: 'Arlon' });
});
after(() => t.drop());

const codeIn = (text: string, label: string) => new RegExp(`${label}[^:]*: ([0-9A-Z-]{23})`).exec(text)?.[1];

test('the operator adds a head of social service: no password, an activation code, the role waits; the bootstrap confirmation and the holder make it effective', async () => {
  const added = captureIo(ctx);
  assert.equal(await runUsersAdd(['--cpas', 'arlon', '--username', 'head', '--name', 'Head', '--roles', 'head-of-social-service,administrative-agent'], added.io), 0);
  assert.match(added.out.stdout, /roles in effect: administrative-agent/);
  assert.match(added.out.stdout, /waiting for a head of social service to confirm: head-of-social-service/);
  const activation = codeIn(added.out.stdout, 'activation code');
  assert.ok(activation, added.out.stdout);
  await assert.rejects(logIn(ctx, 'head@arlon', activation), (e: DomainError) => e.code === 'unauthenticated', 'the code is no password');

  const confirmed = captureIo(ctx);
  assert.equal(await runUsersConfirmFirstHead(['--cpas', 'arlon', '--username', 'head'], confirmed.io), 0);
  const confirmation = codeIn(confirmed.out.stdout, 'confirmation code');
  assert.ok(confirmation);

  const activated = captureIo(ctx);
  assert.equal(await runUsersActivate(['--login', 'head@arlon'], activated.io, async () => `${activation}\nholder-chosen-2026\n${confirmation}\n`), 0);
  assert.match(activated.out.stdout, /roles in effect: administrative-agent, head-of-social-service/);
  const session = await logIn(ctx, 'head@arlon', 'holder-chosen-2026');
  assert.deepEqual([...session.actor.roles].sort(), ['administrative-agent', 'head-of-social-service']);

  // Once a head exists, the operator confirms nothing more: the heads do, in the application.
  assert.equal(await runUsersAdd(['--cpas', 'arlon', '--username', 'second', '--name', 'Second', '--roles', 'head-of-social-service'], captureIo(ctx).io), 0);
  await assert.rejects(runUsersConfirmFirstHead(['--cpas', 'arlon', '--username', 'second'], captureIo(ctx).io), (e: DomainError) => e.code === 'forbidden');
});

test('bad input and unknown options are refused, naming the option, before anything is written', async () => {
  await assert.rejects(runUsersAdd(['--cpas', 'arlon', '--username', 'x1', '--name', 'X', '--roles', 'dpo', '--password-stdin'], captureIo(ctx).io), (e: DomainError) => e.field === '--password-stdin');
  await assert.rejects(runUsersAdd(['--cpas', 'arlon', '--username', 'X!', '--name', 'X', '--roles', 'dpo'], captureIo(ctx).io), (e: DomainError) => e.field === '--username');
  await assert.rejects(runUsersActivate(['--login', 'head@arlon', '--code', 'ABC'], captureIo(ctx).io, async () => ''), (e: DomainError) => e.field === '--code');
  await assert.rejects(runUsersActivate(['--login', 'head@arlon'], captureIo(ctx).io, async () => 'wrong-code\nshort\n'), (e: DomainError) => e.field === 'stdin newPassword');
  await assert.rejects(runUsersActivate(['--login', 'head@arlon'], captureIo(ctx).io, async () => 'wrong-code\nlong-enough-password\n'), (e: DomainError) => e.code === 'unauthenticated');
});

test('the demo gives every demo account its roles at once, on its own path, and logs each as such', async () => {
  const { logins } = await loadDemo(ctx, generateDemo(7, 2));
  const first = logins.find((l) => l.roles.includes('social-worker'))!;
  const session = await logIn(ctx, first.login, 'demo-confiance-2026');
  assert.ok(session.actor.roles.includes('social-worker'));
  const dpoLogin = logins.find((l) => l.login.endsWith(first.login.slice(first.login.indexOf('@'))) && l.roles.includes('dpo'))!;
  const dpo = (await logIn(ctx, dpoLogin.login, 'demo-confiance-2026')).actor;
  const log = await readAccessLog(ctx, dpo, { filter: { kind: 'period', from: new Date('2026-01-01T00:00:00Z'), to: new Date('2027-01-01T00:00:00Z') }, limit: 500 });
  const seeded = log.entries.filter((e) => e.details.operation === 'create-user' && e.details.path === 'demo' && e.details.bypass === 'separation-of-duties');
  assert.equal(seeded.length, logins.filter((l) => l.login.endsWith(dpoLogin.login.slice(dpoLogin.login.indexOf('@')))).length);
});
