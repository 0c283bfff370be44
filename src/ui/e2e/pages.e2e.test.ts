// The web application in a real browser (Debian Chromium through playwright-core): a social worker
// writes a report and reads it back, with JavaScript off; an administrative agent opens the same
// person and the page holds no trace of the report; the same flow with the keyboard only; and
// axe-core on every page in French and Dutch, with no serious or critical violation.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { axeViolations, choosePurpose, freshContext, logIn, type Running, startAll } from './browser.ts';

let run: Running;
const CANARY = `CANARY-e2e-${Date.now()}: confié en entretien`;

before(async () => {
  run = await startAll();
});
after(async () => {
  await run?.close();
});

/** A fresh browser context (no cookies), failing the test on any console error, e.g. a CSP violation. */
const freshPage = (options: { javaScriptEnabled?: boolean } = {}) => freshContext(run.browser, run.baseUrl, null, options);

const socialText = (page: Page) => page.locator('.app-social').innerText();

describe('the main flow', () => {
  test('a social worker writes a social report and reads it back (JavaScript off)', async () => {
    const { context, page, errors } = await freshPage({ javaScriptEnabled: false });
    const personId = run.fixture.namur.persons.dubois!;
    await logIn(page, run.baseUrl, 'assistant-social@namur');
    assert.equal(new URL(page.url()).pathname, '/caseload');
    await page.getByRole('link', { name: 'Dubois, Marie' }).click();
    assert.equal(await page.locator('h1').innerText(), 'Pourquoi ouvrez-vous ce dossier ?');
    await choosePurpose(page, 'case-follow-up');
    assert.equal(await page.locator('h1').innerText(), 'Dossier de Marie Dubois');
    await page.getByRole('button', { name: 'Rédiger un rapport social' }).click();
    await page.locator('#situation').fill(CANARY);
    await page.locator('#assessment').fill('Évaluation de test.');
    await page.getByRole('button', { name: 'Enregistrer le rapport' }).click();
    assert.equal(new URL(page.url()).pathname, `/persons/${personId}`);
    assert.match(await page.locator('.govuk-notification-banner').innerText(), /Le rapport social a été enregistré/);
    assert.match(await socialText(page), new RegExp(CANARY));
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('an administrative agent opens the same person: no trace of the report', async () => {
    const { context, page, errors } = await freshPage();
    await logIn(page, run.baseUrl, 'agent@namur');
    await page.goto(`${run.baseUrl}/search`);
    await page.locator('#name').fill('dubois');
    await page.locator('input[name="purpose"][value="administrative-processing"]').check();
    await page.getByRole('button', { name: 'Rechercher' }).click();
    await page.getByRole('button', { name: 'Ouvrir le dossier de Marie Dubois' }).click();
    assert.equal(await page.locator('h1').innerText(), 'Dossier de Marie Dubois');
    const html = await page.content();
    assert.ok(!html.includes('CANARY') && !html.includes('Évaluation de test'), 'no content of the report');
    const withReports = await socialText(page);
    assert.match(withReports, /Rapports sociaux : Non accessible pour vous/);
    // Nor a count: the social part reads the same as for a person without any record.
    await page.goto(`${run.baseUrl}/persons/${run.fixture.namur.persons.martin}`);
    await choosePurpose(page, 'administrative-processing');
    assert.equal(await page.locator('h1').innerText(), 'Dossier de Jean-Pierre Martin');
    assert.equal(await socialText(page), withReports);
    assert.equal(await page.evaluate(() => document.body.classList.contains('govuk-frontend-supported')), true, 'GOV.UK Frontend initialised from its file');
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('keyboard only: log in, open a file, write a case note, read it back', async () => {
    const { context, page, errors } = await freshPage();
    const focused = () => page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      return { tag: el?.tagName ?? '', id: el?.id ?? '', name: el?.getAttribute('name') ?? '', value: (el as HTMLInputElement | null)?.value ?? '', text: el?.innerText?.trim() ?? '' };
    });
    const tabTo = async (wanted: (el: Awaited<ReturnType<typeof focused>>) => boolean, what: string) => {
      for (let i = 0; i < 80; i++) {
        await page.keyboard.press('Tab');
        if (wanted(await focused())) return;
      }
      assert.fail(`Tab never reached ${what}`);
    };
    await page.goto(`${run.baseUrl}/login`);
    await tabTo((el) => el.text === 'Aller au contenu principal', 'the skip link');
    await tabTo((el) => el.id === 'login', 'the login field');
    await page.keyboard.type('assistant-social@namur');
    await page.keyboard.press('Tab');
    assert.equal((await focused()).id, 'password');
    await page.keyboard.type('fixture-password-2026');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/caseload$/);
    await tabTo((el) => el.text === 'Gérard, Sophie', 'the person in the caseload');
    await page.keyboard.press('Enter');
    await page.waitForSelector('input[name="purpose"]');
    await tabTo((el) => el.name === 'purpose', 'the purpose choices');
    // Radios are chosen with the arrow keys or the space bar, as with any radio group.
    await page.keyboard.press('Space');
    await tabTo((el) => el.text === 'Ouvrir le dossier', 'the submit button');
    await page.keyboard.press('Enter');
    await page.waitForSelector('h1:text("Dossier de Sophie Gérard")');
    await tabTo((el) => el.text === 'Ajouter une note', 'the add-note button');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#body');
    await tabTo((el) => el.id === 'body', 'the note field');
    await page.keyboard.type('Note tapée au clavier seulement.');
    await tabTo((el) => el.text === 'Enregistrer la note', 'the save button');
    await page.keyboard.press('Enter');
    await page.waitForSelector('.govuk-notification-banner');
    assert.match(await socialText(page), /Note tapée au clavier seulement\./);
    assert.deepEqual(errors, []);
    await context.close();
  });
});

// The two languages run side by side: most of the time is axe's work inside the browser.
describe('accessibility (axe-core, WCAG 2.1 A and AA rules)', { concurrency: true }, () => {
  const BLOCKING = new Set(['serious', 'critical']);

  async function check(page: Page, label: string, report: string[]): Promise<void> {
    for (const v of await axeViolations(page)) {
      const line = `${label}: ${v.impact} ${v.id} (${v.nodes.length}) ${v.nodes[0]?.target.join(' ')}`;
      if (BLOCKING.has(v.impact ?? '')) report.push(line);
      else console.log(`  note: ${line}`);
    }
  }

  for (const lang of ['fr', 'nl'] as const) {
    test(`every page in ${lang === 'fr' ? 'French' : 'Dutch'}`, async () => {
      const problems: string[] = [];
      const pages: string[] = [];
      const { context, page, errors } = await freshPage();
      const visit = async (label: string, action?: () => Promise<unknown>) => {
        if (action) await action();
        await page.waitForLoadState('load');
        assert.equal(await page.getAttribute('html', 'lang'), lang, label);
        pages.push(label);
        await check(page, label, problems);
      };
      const go = (path: string) => page.goto(`${run.baseUrl}${path}`);
      const { namur } = run.fixture;
      await go(`/language/${lang}?back=/login`);
      await visit('log in');
      await visit('log in, with errors', () => page.locator('form[action="/login"] button[type="submit"]').click());
      await visit('accessibility statement', () => go('/accessibility'));
      await visit('page not found', () => go('/no-such-page'));
      await visit('activate an account', () => go('/activate'));
      await visit('activate an account, with errors', () => page.locator('form[action="/activate"] button[type="submit"]').click());

      await logIn(page, run.baseUrl, 'assistant-social@namur');
      await visit('caseload');
      await visit('purpose question', () => go(`/persons/${namur.persons.dubois}/purpose`));
      await visit('purpose question, with an error', () => page.locator('form[action$="/purpose"] button[type="submit"]').click());
      await visit('file (social worker)', () => choosePurpose(page, 'case-follow-up'));
      await visit('social report form', () => go(`/persons/${namur.persons.dubois}/social-reports/new`));
      await visit('social report form, with errors', async () => {
        await page.locator('#writtenOn').fill('');
        await page.locator('form[action$="/social-reports"] button[type="submit"]').click();
      });
      await visit('case note form', () => go(`/persons/${namur.persons.dubois}/case-notes/new`));
      await visit('search', () => go('/search'));
      await visit('search, with errors', () => page.locator('form[action="/search"] button[type="submit"]').click());
      await visit('access refused', () => go('/users'));
      await visit('search results', async () => {
        await go('/search');
        await page.locator('#name').fill('du');
        await page.locator('input[name="purpose"][value="case-follow-up"]').check();
        await page.locator('form[action="/search"] button[type="submit"]').click();
      });
      await context.clearCookies();
      await go(`/language/${lang}?back=/login`);

      await logIn(page, run.baseUrl, 'agent@namur');
      await visit('file (administrative agent, social part withheld)', async () => {
        await go(`/persons/${namur.persons.dubois}`);
        await choosePurpose(page, 'administrative-processing');
      });
      await context.clearCookies();
      await go(`/language/${lang}?back=/login`);

      await logIn(page, run.baseUrl, 'directrice@namur');
      await visit('users and roles', () => go('/users'));
      await visit('add a user', () => go('/users/new'));
      await visit('add a user, with errors', () => page.locator('form[action="/users"] button[type="submit"]').click());
      await visit('account created, its activation code', async () => {
        await page.locator('#displayName').fill(`E2E ${lang}`);
        await page.locator('#username').fill(`e2e-${lang}`);
        await page.locator('input[name="roles"][value="social-worker"]').check();
        await page.locator('form[action="/users"] button[type="submit"]').click();
      });
      await context.clearCookies();
      await go(`/language/${lang}?back=/login`);

      await logIn(page, run.baseUrl, 'responsable@namur');
      await visit('confirmations', () => go('/confirmations'));
      await visit('role confirmed, its code', () => page.locator('form[action^="/confirmations/roles/"] button[type="submit"]').first().click());

      assert.deepEqual(problems, [], `serious or critical violations:\n${problems.join('\n')}`);
      assert.ok(pages.length >= 18, `checked ${pages.length} pages`);
      assert.deepEqual(errors.filter((e) => !/status of 40\d/.test(e)), []);
      await context.close();
    });
  }
});

test('reflow: at 320 CSS pixels wide (400 % zoom) no page scrolls sideways', async () => {
  const { context, page } = await freshPage();
  await page.setViewportSize({ width: 320, height: 640 });
  const widths: Record<string, number> = {};
  const measure = async (label: string) => {
    widths[label] = await page.evaluate(() => document.documentElement.scrollWidth);
  };
  await page.goto(`${run.baseUrl}/login`);
  await measure('log in');
  await logIn(page, run.baseUrl, 'assistant-social@namur');
  await measure('caseload');
  await page.goto(`${run.baseUrl}/persons/${run.fixture.namur.persons.dubois}`);
  await choosePurpose(page, 'case-follow-up');
  await measure('file');
  await page.goto(`${run.baseUrl}/persons/${run.fixture.namur.persons.dubois}/social-reports/new`);
  await measure('report form');
  await page.goto(`${run.baseUrl}/search`);
  await measure('search');
  for (const [label, width] of Object.entries(widths)) assert.ok(width <= 320, `${label}: ${width} px`);
  await context.close();
});
