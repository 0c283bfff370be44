// What the browser tests and the screenshot script share: a server on a random port over a fresh
// PGlite database with the UI fixture, and Debian's Chromium driven by playwright-core.
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { AxeBuilder } from '@axe-core/playwright';
import { type Browser, type BrowserContext, type BrowserContextOptions, chromium, type Download, type Page } from 'playwright-core';
import { buildServer } from '../../http/server.ts';
import { testContext } from '../../testing/fixtures.ts';
import { createTestDatabase, type TestDatabase } from '../../testing/test-database.ts';
import { buildFixture, type Fixture, FIXTURE_PASSWORD } from '../testing/fixture.ts';
import { CHROMIUM, CHROMIUM_ARGS } from './chromium.ts';

export { CHROMIUM, CHROMIUM_ARGS };

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
  // The test runner shares one Chromium between the test files (CONFIANCE_BROWSER_WS): each file
  // works in its own contexts (no cookie or storage crosses), and close() only disconnects.
  // Alone, a file launches its own; playwright-core gives every launch a fresh, temporary profile.
  const shared = process.env.CONFIANCE_BROWSER_WS;
  const browser = shared ? await chromium.connect(shared) : await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
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

/** The bytes of a finished download, read through playwright (a shared, connected browser keeps no local path). */
export async function downloadedBytes(download: Download): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of await download.createReadStream()) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/**
 * axe-core's WCAG 2.1 A and AA rules on the page as it is now; only violations are described (axe
 * spends most of its time describing what passed). Legacy mode runs axe in the page in one call:
 * the default mode opens a blank page for every run to merge results across cross-origin frames,
 * which no page of ours has, and took 2 to 3 times as long for the same result.
 */
export async function axeViolations(page: Page) {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .options({ resultTypes: ['violations'] }).setLegacyMode(true).analyze();
  return result.violations;
}

/**
 * A fresh browser context (no cookies), in a language when one is given, collecting the console's
 * errors: a test that asserts none fails on a CSP violation or a script error.
 */
export async function freshContext(
  browser: Browser, baseUrl: string, lang: 'fr' | 'nl' | null, options: BrowserContextOptions = {},
): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...options });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  if (lang) await page.goto(`${baseUrl}/language/${lang}?back=/login`);
  return { context, page, errors };
}
