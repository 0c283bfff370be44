// The council's agenda in a real browser (Debian Chromium through playwright-core): the secretariat
// schedules a session of the committee and the worker on the case puts an application on it (with
// the mouse); a council member then, with the keyboard only, lands on the agenda, opens the item,
// is told what is wrong, records the decision, and is refused on every other page of the file and
// on a person who is not on the agenda. axe-core on every page of the agenda in French and Dutch;
// once the président closes the session, the item is refused.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { FIXTURE_PASSWORD } from '../testing/fixture.ts';
import { axeViolations, choosePurpose, freshContext, logIn, type Running, startAll } from './browser.ts';

let run: Running;
let itemUrl = '';
let sessionUrl = '';

before(async () => {
  run = await startAll();
});
after(async () => {
  await run?.close();
});

const freshPage = (lang: 'fr' | 'nl') => freshContext(run.browser, run.baseUrl, lang);

const h1 = (page: Page) => page.locator('h1').innerText();
const mainText = (page: Page) => page.locator('main').innerText();
/** Only the expected 4xx of pages that answer an error on purpose (a form with errors, a refusal). */
const unexpected = (errors: string[]) => errors.filter((e) => !/status of 4\d\d/.test(e));
const BLOCKING = new Set(['serious', 'critical']);
async function blockingViolations(page: Page, label: string): Promise<string[]> {
  return (await axeViolations(page)).filter((v) => BLOCKING.has(v.impact ?? '')).map((v) => `${label}: ${v.id} ${v.nodes[0]?.target.join(' ')}`);
}

describe('the council agenda', { concurrency: false }, () => {
  test('the secretariat schedules a session; the worker on the case places the application from the file (mouse)', async () => {
    const { context, page, errors } = await freshPage('fr');
    await logIn(page, run.baseUrl, 'secretariat@namur');
    await page.getByRole('link', { name: 'Conseil et comité' }).click();
    assert.equal(await h1(page), 'Séances à huis clos');
    await page.getByRole('radio', { name: 'Comité spécial du service social' }).check();
    await page.locator('#meetingDate').fill('17');
    await page.locator('#meetingDate-month').fill('12');
    await page.locator('#meetingDate-year').fill('2026');
    await page.getByRole('button', { name: 'Programmer la séance' }).click();
    assert.match(await page.locator('.govuk-notification-banner').innerText(), /La séance est programmée/);

    await context.clearCookies();
    await page.goto(`${run.baseUrl}/language/fr?back=/login`);
    await logIn(page, run.baseUrl, 'assistant-social@namur');
    await page.goto(`${run.baseUrl}/persons/${run.fixture.namur.persons.elamrani!}`);
    await choosePurpose(page, 'committee-preparation');
    await page.getByRole('link', { name: 'Mettre une demande à l’ordre du jour du conseil ou du comité' }).click();
    assert.equal(await h1(page), 'Mettre une demande à l’ordre du jour');
    await page.getByRole('radio', { name: /Allocation de chauffage/ }).check();
    await page.getByRole('radio', { name: /Comité spécial du service social, 17 décembre 2026/ }).check();
    await page.getByRole('button', { name: 'Mettre à l’ordre du jour' }).click();
    assert.match(await page.locator('.govuk-notification-banner').innerText(), /La demande est à l’ordre du jour/);
    assert.deepEqual(unexpected(errors), []);
    await context.close();
  });

  test('a council member, keyboard only, decides the item and cannot open anything else of the file; axe-clean pages (FR)', async () => {
    const { context, page, errors } = await freshPage('fr');
    const problems: string[] = [];
    const focused = () => page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      return { id: el?.id ?? '', text: (el?.innerText ?? '').replace(/\s+/g, ' ').trim() };
    });
    const tabTo = async (wanted: (el: { id: string; text: string }) => boolean, what: string) => {
      for (let i = 0; i < 150; i++) {
        await page.keyboard.press('Tab');
        if (wanted(await focused())) return;
      }
      assert.fail(`Tab never reached ${what}`);
    };
    const typeInto = async (id: string, text: string) => {
      await tabTo((el) => el.id === id, id);
      await page.keyboard.type(text);
    };
    const follow = async (wanted: (el: { id: string; text: string }) => boolean, what: string) => {
      await tabTo(wanted, what);
      await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
    };

    await page.goto(`${run.baseUrl}/login`);
    await typeInto('login', 'conseillere@namur');
    await typeInto('password', FIXTURE_PASSWORD);
    await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
    assert.equal(await h1(page), 'Séances à huis clos', 'a council member lands on the agenda');
    assert.equal(await page.locator('nav a[href="/search"], nav a[href="/caseload"]').count(), 0);
    problems.push(...await blockingViolations(page, 'agenda'));
    await follow((el) => el.text.startsWith('Comité spécial du service social'), 'the session');
    sessionUrl = page.url();
    problems.push(...await blockingViolations(page, 'session'));
    await follow((el) => el.text === 'Ahmed El Amrani', 'the item');
    itemUrl = page.url();
    assert.equal(await h1(page), 'Point de l’ordre du jour : Ahmed El Amrani');
    const item = await mainText(page);
    assert.match(item, /Chaussée de Louvain/);
    assert.match(item, /Allocation de chauffage/);
    problems.push(...await blockingViolations(page, 'item'));

    // A radio group is one stop of the Tab key; the space bar chooses the focused radio.
    await tabTo((el) => el.id === 'outcome', 'the decision');
    await page.keyboard.press('Space');
    await typeInto('amount', 'deux cents');
    await typeInto('motivation', 'Ménage sans autre ressource de chauffage.');
    await follow((el) => el.text === 'Enregistrer la décision', 'the button');
    assert.match(await page.locator('.govuk-error-summary').innerText(), /Entrez un montant en euros/);
    problems.push(...await blockingViolations(page, 'item, with errors'));
    await tabTo((el) => el.id === 'amount', 'the amount');
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('210');
    await typeInto('periodFrom', '1');
    await typeInto('periodFrom-month', '1');
    await typeInto('periodFrom-year', '2027');
    await follow((el) => el.text === 'Enregistrer la décision', 'the button');
    assert.match(await page.locator('.govuk-notification-banner').innerText(), /La décision est enregistrée/);
    assert.match(await mainText(page), /Ce point est décidé/);

    // Anything else of the file: the file itself, whatever the purpose, the placement page, another person.
    const elamrani = run.fixture.namur.persons.elamrani!;
    await page.goto(`${run.baseUrl}/persons/${elamrani}`);
    await tabTo((el) => el.id === 'purpose', 'the purposes');
    await page.keyboard.press('Space');
    await follow((el) => el.text === 'Ouvrir le dossier', 'open the file');
    assert.equal(await h1(page), 'Accès refusé');
    problems.push(...await blockingViolations(page, 'refusal'));
    for (const path of [`/persons/${elamrani}/agenda`, `/persons/${elamrani}/access-history`]) {
      const response = await page.goto(`${run.baseUrl}${path}`);
      assert.equal(response?.status(), 403, path);
    }
    await page.goto(`${run.baseUrl}/persons/${run.fixture.namur.persons.dubois!}`);
    await choosePurpose(page, 'council-decision');
    assert.equal(await h1(page), 'Accès refusé', 'a person not on the agenda');
    assert.deepEqual(problems, []);
    assert.deepEqual(unexpected(errors), []);
    await context.close();
  });

  test('the agenda in Dutch is axe-clean; once the président closes the session the item is refused', async () => {
    const { context, page, errors } = await freshPage('nl');
    const problems: string[] = [];
    await logIn(page, run.baseUrl, 'conseillere@namur');
    assert.equal(await page.getAttribute('html', 'lang'), 'nl');
    assert.equal(await h1(page), 'Besloten zittingen');
    problems.push(...await blockingViolations(page, 'agenda nl'));
    await page.goto(sessionUrl);
    problems.push(...await blockingViolations(page, 'session nl'));
    await page.goto(itemUrl);
    assert.match(await mainText(page), /Over dit punt is beslist/);
    problems.push(...await blockingViolations(page, 'item nl'));

    await context.clearCookies();
    await page.goto(`${run.baseUrl}/language/nl?back=/login`);
    await logIn(page, run.baseUrl, 'president@namur');
    await page.goto(sessionUrl);
    problems.push(...await blockingViolations(page, 'session with closing nl'));
    await page.getByRole('button', { name: 'De zitting afsluiten' }).click();
    assert.match(await page.locator('.govuk-notification-banner').innerText(), /De zitting is afgesloten/);

    await context.clearCookies();
    await page.goto(`${run.baseUrl}/language/nl?back=/login`);
    await logIn(page, run.baseUrl, 'conseillere@namur');
    const refused = await page.goto(itemUrl);
    assert.equal(refused?.status(), 403);
    assert.equal(await h1(page), 'Toegang geweigerd');
    assert.deepEqual(problems, []);
    assert.deepEqual(unexpected(errors), []);
    await context.close();
  });
});
