// The citizen portal in a real browser (Debian Chromium through playwright-core), logging in
// through the real local OpenID Connect provider: keyboard only, a person sees their administrative
// data and not one byte of the canaries planted in every secret field, sees the accesses made by
// the test's staff (break-glass marked) but not the sealed authority request, and downloads the
// PDF; axe-core with no serious or critical violation on every portal page in French and Dutch;
// screenshots into docs/screenshots.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { AxeBuilder } from '@axe-core/playwright';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS } from '../ui/e2e/browser.ts';
import { type PortalWorld, startPortalWorld } from './testing/portal-world.ts';
import { keepTogether } from '../ui/i18n/index.ts';

let world: PortalWorld;
let browser: Browser;

before(async () => {
  world = await startPortalWorld();
  browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
});
after(async () => {
  await browser?.close();
  await world?.close();
});

async function freshPage(lang: 'fr' | 'nl' = 'fr'): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: lang === 'fr' ? 'fr-BE' : 'nl-BE', extraHTTPHeaders: { 'accept-language': lang } });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (message) => {
    // Expected: the provider has no favicon, and a failed log-in page answers 400 on purpose.
    const url = message.location().url;
    if (url.endsWith('/favicon.ico') || url.includes('/citizen/callback')) return;
    if (message.type() === 'error') errors.push(`${message.text()} ${url}`);
  });
  page.on('pageerror', (error) => errors.push(error.message));
  return { context, page, errors };
}

function assertNothingSecret(where: string, text: string): void {
  for (const canary of [...world.planted.canaries, ...world.planted.authorityTraces, ...world.planted.otherCanaries]) {
    assert.ok(!text.includes(canary), `${where} shows "${canary}"`);
  }
}

describe('a person logs in and reads their file (keyboard only)', () => {
  test('log in through the provider, my file, who consulted it, the PDF', async () => {
    const { context, page, errors } = await freshPage();
    const focused = () => page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      return { id: el?.id ?? '', text: el?.innerText?.trim() ?? '', value: (el as HTMLInputElement | null)?.value ?? '' };
    });
    const tabTo = async (wanted: (el: Awaited<ReturnType<typeof focused>>) => boolean, what: string) => {
      for (let i = 0; i < 60; i++) {
        await page.keyboard.press('Tab');
        if (wanted(await focused())) return;
      }
      assert.fail(`Tab never reached ${what}`);
    };
    await page.goto(`${world.baseUrl}/citizen`);
    await tabTo((el) => el.text === 'Aller au contenu principal', 'the skip link');
    await tabTo((el) => el.id === 'citizen-login', 'the log-in button');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#demo-login');
    // The provider's page: the first demo citizen is chosen; Tab to the button.
    await tabTo((el) => el.id === 'demo-login', 'the provider’s log-in button');
    await page.keyboard.press('Enter');
    await page.waitForURL(`${world.baseUrl}/citizen`);
    await tabTo((el) => el.text === 'Mon dossier', 'my file');
    await page.keyboard.press('Enter');
    await page.waitForSelector('h1:text("Mon dossier")');
    const file = await page.content();
    for (const expected of ['Dubois', world.planted.niss, 'Rue de Fer', 'Revenu d’intégration']) assert.ok(file.includes(expected), expected);
    assertNothingSecret('my file', file);
    await tabTo((el) => el.text === 'Qui a consulté mon dossier', 'who consulted my file');
    await page.keyboard.press('Enter');
    await page.waitForSelector('h1:text("Qui a consulté mon dossier")');
    // page.content() writes the no-break spaces that keep a role name whole as &nbsp;.
    const accesses = (await page.content()).replace(/&nbsp;/g, '\u00a0');
    assert.match(accesses, new RegExp(`${keepTogether('Assistant·e social·e')} \\(Service social\\)`));
    assert.match(accesses, /Accès d’urgence/);
    assertNothingSecret('who consulted my file', accesses);
    await tabTo((el) => el.text === 'Télécharger la liste (PDF)', 'the PDF link');
    const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
    const pdf = readFileSync((await download.path())!);
    assert.equal(pdf.subarray(0, 5).toString(), '%PDF-');
    // Changing a parameter reaches nobody else.
    await page.goto(`${world.baseUrl}/citizen/file?personId=${world.planted.otherPersonId}`);
    assert.ok((await page.content()).includes('Dubois'));
    assertNothingSecret('my file with a forged parameter', await page.content());
    assert.deepEqual(errors, []);
    await context.close();
  });
});

describe('accessibility (axe-core, WCAG 2.1 A and AA rules) and screenshots', { concurrency: true }, () => {
  const BLOCKING = new Set(['serious', 'critical']);
  const PAGES = [
    ['31-citizen-welcome', '/citizen', false],
    ['32-citizen-home', '/citizen', true],
    ['33-citizen-file', '/citizen/file', true],
    ['34-citizen-accesses', '/citizen/accesses', true],
    ['35-citizen-sharing', '/citizen/sharing', true],
    ['36-citizen-sharing-easy', '/citizen/sharing/easy', true],
    ['37-citizen-requests', '/citizen/requests', true],
    ['38-citizen-login-failed', '/citizen/callback?state=x&code=y', false],
  ] as const;

  for (const lang of ['fr', 'nl'] as const) {
    test(`every portal page in ${lang === 'fr' ? 'French' : 'Dutch'}`, async () => {
      const { context, page, errors } = await freshPage(lang);
      const problems: string[] = [];
      for (const [name, path, loggedIn] of PAGES) {
        if (loggedIn && !(await context.cookies()).some((c) => c.name === 'confiance_citizen')) {
          await page.goto(`${world.baseUrl}/citizen/login`);
          await page.click('#demo-login');
          await page.waitForURL(`${world.baseUrl}/citizen`);
        }
        await page.goto(`${world.baseUrl}${path}`);
        assert.equal(await page.getAttribute('html', 'lang'), lang);
        const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
        for (const v of result.violations) {
          if (BLOCKING.has(v.impact ?? '')) problems.push(`${name}: ${v.impact} ${v.id} ${v.nodes[0]?.target.join(' ')}`);
        }
        await page.screenshot({ path: `docs/screenshots/${lang}-${name}.png`, fullPage: true });
      }
      assert.deepEqual(problems, []);
      assert.deepEqual(errors, []);
      await context.close();
    });
  }
});
