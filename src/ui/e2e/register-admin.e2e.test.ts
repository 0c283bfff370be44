// The register's administration in a real browser (Debian Chromium): the legal service (a delegate)
// proposes the 2024 Code pénal's confirmed articles, the director confirms with the keyboard only,
// and a request citing the 2024 code is then answered instead of going to legal review; the
// statistics page shows no count between 1 and 4; axe-core finds no serious or critical violation on
// the statistics, settings and delegations pages in French and Dutch. With CONFIANCE_SCREENSHOTS=1
// it writes docs/screenshots/*-4x-register-*.png.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { axeViolations, freshContext, logIn, type Running, startAll } from './browser.ts';

let run: Running;
before(async () => {
  run = await startAll();
});
after(async () => {
  await run?.close();
});

const SHOTS = process.env.CONFIANCE_SCREENSHOTS === '1' ? join(process.cwd(), 'docs', 'screenshots') : null;
if (SHOTS) mkdirSync(SHOTS, { recursive: true });
const shoot = async (page: Page, lang: string, name: string) => {
  if (SHOTS) await page.screenshot({ path: join(SHOTS, `${lang}-4x-register-${name}.png`), fullPage: true });
};

const freshPage = (lang: 'fr' | 'nl') => freshContext(run.browser, run.baseUrl, lang, { deviceScaleFactor: SHOTS ? 2 : 1 });
const mainText = (page: Page) => page.locator('main').innerText();

/** Tabs to the element and presses Enter: no mouse. */
async function pressByKeyboard(page: Page, selector: string) {
  for (let i = 0; i < 80; i++) {
    await page.keyboard.press('Tab');
    if (await page.locator(selector).evaluate((el) => el === document.activeElement)) {
      await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
      return;
    }
  }
  throw new Error(`${selector} is not reachable with the Tab key`);
}

describe('the register’s administration in the browser', () => {
  test('the legal service proposes the 2024 articles, the director confirms by keyboard, and a request citing them is answered', async () => {
    const { context, page } = await freshPage('fr');
    await logIn(page, run.baseUrl, 'secretariat@namur');
    await page.goto(`${run.baseUrl}/requests/settings`);
    await page.locator('#decisionRef').fill('Avis du service juridique du 12 mai 2026, réf. SJ/2026/14');
    await page.locator('#articles').fill('400, 401bis');
    await page.locator('#articlesSource').fill('Justel, texte consolidé vérifié le 12 mai 2026');
    await page.getByRole('button', { name: 'Proposer' }).click();
    assert.match(await mainText(page), /La proposition est enregistrée/);
    await shoot(page, 'fr', '01-settings-proposed');

    await context.clearCookies();
    await logIn(page, run.baseUrl, 'directrice@namur');
    await page.goto(`${run.baseUrl}/requests/settings`);
    await pressByKeyboard(page, 'form[action$="/confirm"] button');
    assert.match(await mainText(page), /La proposition est confirmée/);
    assert.match(await mainText(page), /400, 401bis/);
    await shoot(page, 'fr', '02-settings-confirmed');

    await page.goto(`${run.baseUrl}/requests/new`);
    await page.locator('input[name="authorRole"][value="procureur-du-roi"]').check();
    await page.locator('input[name="channel"][value="letter"]').check();
    await page.locator('#dated').fill('2');
    await page.locator('#dated-month').fill('11');
    await page.locator('#dated-year').fill('2026');
    await page.locator('#reference').fill('NA.12.LL.2024/26');
    await page.locator('input[name="reasoned"][value="yes"]').check();
    await page.locator('#offences').fill('art. 400 CP 2024');
    await page.locator('#subject1-name').fill('Sophie Gérard');
    await page.locator('input[name="items"][value="identity"]').check();
    await page.getByRole('button', { name: 'Enregistrer la demande' }).click();
    await page.getByRole('button', { name: 'Évaluer la demande' }).click();
    assert.match(await mainText(page), /Issue : Répondre/);
    await context.close();
  });

  for (const [lang, login] of [['fr', 'directrice@namur'], ['nl', 'directeur@gent']] as const) {
    test(`statistics, settings and delegations in ${lang}: no count between 1 and 4, axe clean`, async () => {
      const { context, page } = await freshPage(lang);
      await logIn(page, run.baseUrl, login);
      for (const [path, name] of [['/requests/statistics', 'statistics'], ['/requests/settings', 'settings'], ['/requests/delegates', 'delegations']] as const) {
        await page.goto(`${run.baseUrl}${path}`);
        const serious = (await axeViolations(page)).filter((v) => v.impact === 'serious' || v.impact === 'critical');
        assert.deepEqual(serious.map((v) => v.id), [], `${lang} ${path}`);
        if (name === 'statistics') {
          const cells = await page.locator('td.govuk-table__cell--numeric, text.app-chart__value').allTextContents();
          assert.ok(cells.length > 20);
          for (const cell of cells) assert.ok(!/^[1-4]$/.test(cell.trim()), `${lang}: a count between 1 and 4: ${cell}`);
        }
        await shoot(page, lang, `0${['statistics', 'settings', 'delegations'].indexOf(name) + 3}-${name}`);
      }
      await context.close();
    });
  }
});
