// Case assignment and the DPO's person finder in a real browser, keyboard only: the head of
// social service finds a person and assigns the case to a social worker, who then has it in
// their caseload; the DPO finds a person by name and reads the log about them; and axe-core on
// the new pages in French and Dutch, with no serious or critical violation.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { axeViolations, freshContext, logIn, type Running, startAll } from './browser.ts';
import { FIXTURE_PASSWORD } from '../testing/fixture.ts';

let run: Running;

before(async () => {
  run = await startAll();
});
after(async () => {
  await run?.close();
});

const freshPage = () => freshContext(run.browser, run.baseUrl, null);

/** Tab (and only Tab) until the focused element is the one wanted. */
function keyboard(page: Page) {
  const focused = () => page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    return { id: el?.id ?? '', text: el?.innerText?.trim() ?? '' };
  });
  const tabTo = async (wanted: (el: Awaited<ReturnType<typeof focused>>) => boolean, what: string) => {
    for (let i = 0; i < 120; i++) {
      await page.keyboard.press('Tab');
      if (wanted(await focused())) return;
    }
    assert.fail(`Tab never reached ${what}`);
  };
  const logInWith = async (login: string) => {
    await page.goto(`${run.baseUrl}/login`);
    await tabTo((el) => el.id === 'login', 'the login field');
    await page.keyboard.type(login);
    await page.keyboard.press('Tab');
    await page.keyboard.type(FIXTURE_PASSWORD);
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => !url.pathname.startsWith('/login'));
  };
  return { tabTo, logInWith, focused };
}

describe('keyboard only', () => {
  test('the head of social service assigns a case; the worker then has it in their caseload', async () => {
    const { context, page, errors } = await freshPage();
    const { tabTo, logInWith } = keyboard(page);
    await logInWith('responsable@namur');
    await tabTo((el) => el.text === 'Attribution des dossiers', 'the navigation link');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/assignments$/);
    await tabTo((el) => el.id === 'name', 'the name field');
    await page.keyboard.type('martin');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#found');
    await tabTo((el) => el.text.startsWith('Attributions') && el.text.includes('Jean-Pierre Martin'), 'the person found');
    await page.keyboard.press('Enter');
    await page.waitForSelector('h1:text("Attributions du dossier de Jean-Pierre Martin")');
    await tabTo((el) => el.id === 'userId', 'the worker choice');
    // A closed select takes the first letters of an option, as any select does.
    await page.keyboard.type('Camille');
    await tabTo((el) => el.text === 'Attribuer le dossier', 'the assign button');
    await page.keyboard.press('Enter');
    await page.waitForSelector('.govuk-notification-banner');
    assert.match(await page.locator('.govuk-notification-banner').innerText(), /Le dossier a été attribué/);
    assert.match(await page.locator('main').innerText(), /Camille Lambert/);
    await context.clearCookies();

    await logInWith('assistant-social@namur');
    assert.equal(new URL(page.url()).pathname, '/caseload');
    await tabTo((el) => el.text === 'Martin, Jean-Pierre', 'the new case in the caseload');
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('the DPO finds a person by name and reads the log about them', async () => {
    const { context, page, errors } = await freshPage();
    const { tabTo, logInWith } = keyboard(page);
    await logInWith('dpo@namur');
    assert.equal(new URL(page.url()).pathname, '/audit');
    await tabTo((el) => el.id === 'name', 'the name field of the finder');
    await page.keyboard.type('dubois');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#found');
    assert.match(await page.locator('#found').innerText(), /Dubois, Marie\s+27 mars 1986/);
    assert.doesNotMatch(await page.locator('#found').innerText(), /\d{2}\.\d{2}\.\d{2}-\d{3}\.\d{2}/, 'no national number');
    await tabTo((el) => el.text.startsWith('Voir le journal') && el.text.includes('Marie Dubois'), 'the link to the log');
    await page.keyboard.press('Enter');
    await page.waitForURL(new RegExp(`/audit/persons/${run.fixture.namur.persons.dubois}$`));
    assert.equal(await page.locator('h1').innerText(), 'Dossier de Marie Dubois');
    assert.deepEqual(errors, []);
    await context.close();
  });
});

describe('accessibility of the new pages (axe-core, WCAG 2.1 A and AA rules)', { concurrency: true }, () => {
  const BLOCKING = new Set(['serious', 'critical']);
  for (const lang of ['fr', 'nl'] as const) {
    test(`in ${lang === 'fr' ? 'French' : 'Dutch'}`, async () => {
      const problems: string[] = [];
      const { context, page, errors } = await freshPage();
      const go = (path: string) => page.goto(`${run.baseUrl}${path}`);
      const visit = async (label: string, action: () => Promise<unknown>) => {
        await action();
        await page.waitForLoadState('load');
        assert.equal(await page.getAttribute('html', 'lang'), lang, label);
        for (const v of await axeViolations(page)) {
          const line = `${label}: ${v.impact} ${v.id} (${v.nodes.length}) ${v.nodes[0]?.target.join(' ')}`;
          if (BLOCKING.has(v.impact ?? '')) problems.push(line);
          else console.log(`  note: ${line}`);
        }
      };
      const as = async (login: string) => {
        await context.clearCookies();
        await go(`/language/${lang}?back=/login`);
        await logIn(page, run.baseUrl, login);
      };
      const { namur } = run.fixture;
      const submit = (action: string) => page.locator(`form[action="${action}"] button[type="submit"]`).first().click();

      await as('responsable@namur');
      await visit('assignments', () => go('/assignments'));
      await visit('assignments, finder with an error', () => submit('/assignments/search'));
      await visit('assignments, persons found', async () => {
        await page.locator('#name').fill('du');
        await submit('/assignments/search');
      });
      await visit('a person’s assignments', () => go(`/persons/${namur.persons.gerard}/assignments`));
      await visit('a person’s assignments, with errors', () => submit(`/persons/${namur.persons.gerard}/assignments`));
      await visit('the break-glass queue', () => go('/break-glass?all=1'));
      await as('directrice@namur');
      await visit('a person’s assignments, as a proposer', () => go(`/persons/${namur.persons.gerard}/assignments`));
      await as('dpo@namur');
      await visit('access log, finder with an error', async () => {
        await go('/audit');
        await submit('/audit/person');
      });
      await visit('access log, persons found', async () => {
        await page.locator('#name').fill('du');
        await submit('/audit/person');
      });
      assert.deepEqual(problems, []);
      assert.deepEqual(errors.filter((e) => !/status of 4\d\d/.test(e)), []);
      await context.close();
    });
  }
});
