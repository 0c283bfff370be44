// What the browser tests and the screenshot script share: a server on a random port over a fresh
// PGlite database with the UI fixture, and Debian's Chromium driven by playwright-core.
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { type Browser, chromium, type Page } from 'playwright-core';
import { buildServer } from '../../http/server.ts';
import { testContext } from '../../testing/fixtures.ts';
import { createTestDatabase, type TestDatabase } from '../../testing/test-database.ts';
import { buildFixture, type Fixture, FIXTURE_PASSWORD } from '../testing/fixture.ts';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

export interface Running {
  readonly baseUrl: string;
  readonly fixture: Fixture;
  readonly app: FastifyInstance;
  readonly browser: Browser;
  close(): Promise<void>;
}

export async function startAll(): Promise<Running> {
  const database: TestDatabase = await createTestDatabase();
  const ctx = testContext(database.db, () => new Date());
  const fixture = await buildFixture(ctx);
  const app = await buildServer(ctx);
  await app.listen({ host: '127.0.0.1', port: 0 });
  const { port } = app.server.address() as AddressInfo;
  // playwright-core's launch gives every run a fresh, temporary profile directory.
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    fixture,
    app,
    browser,
    async close() {
      await browser.close();
      await app.close();
      await database.drop();
    },
  };
}

/** Logs in through the form, as a person would. */
export async function logIn(page: Page, baseUrl: string, login: string): Promise<void> {
  await page.goto(`${baseUrl}/login`);
  await page.locator('#login').fill(login);
  await page.locator('#password').fill(FIXTURE_PASSWORD);
  await page.locator('form[action="/login"] button[type="submit"]').click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
}

/** Chooses a purpose on the purpose question and opens the file. */
export async function choosePurpose(page: Page, purpose: string): Promise<void> {
  await page.locator(`input[name="purpose"][value="${purpose}"]`).check();
  await page.locator('form[action$="/purpose"] button[type="submit"]').click();
}
