// What every page test starts from: a fresh database with the page fixture, the server over it,
// and a browser-like client logged in as a fixture account.
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { buildServer } from '../../http/server.ts';
import type { AppContext } from '../../app/context.ts';
import { testContext } from '../../testing/fixtures.ts';
import { createTestDatabase, type TestDatabase } from '../../testing/test-database.ts';
import { buildFixture, type Fixture, FIXTURE_PASSWORD } from './fixture.ts';
import { PageClient } from './page-client.ts';

export interface UiWorld {
  t: TestDatabase;
  ctx: AppContext;
  app: FastifyInstance;
  fx: Fixture;
  close(): Promise<void>;
}

export async function openUiWorld(now: () => Date): Promise<UiWorld> {
  const t = await createTestDatabase();
  const ctx = testContext(t.db, now);
  const fx = await buildFixture(ctx);
  const app = await buildServer(ctx);
  return {
    t, ctx, app, fx,
    async close() {
      await app.close();
      await t.drop();
    },
  };
}

export async function logInAs(app: FastifyInstance, login: string): Promise<PageClient> {
  const client = new PageClient(app);
  const res = await client.logIn(login, FIXTURE_PASSWORD);
  assert.equal(res.status, 303, `log-in of ${login}`);
  return client;
}
