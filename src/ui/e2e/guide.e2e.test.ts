// The guide « Puis-je parler ? » in a real browser (Debian Chromium through playwright-core): the
// police phone call ends on the standard reply; grave and current danger ends on must-assist with
// 112; a 458bis case recorded from a file appears in the file and, as a suppressed count, in the
// DPO's view; the police call again with the keyboard only, in Dutch; axe-core on every guide page
// in French and Dutch. With CONFIANCE_SCREENSHOTS=1 it also writes docs/screenshots/*-2x-guide-*.png.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { choosePurpose, freshContext, logIn, type Running, startAll } from './browser.ts';

let run: Running;
before(async () => {
  run = await startAll();
});
after(async () => {
  await run?.close();
});

const SHOTS = process.env.CONFIANCE_SCREENSHOTS === '1' ? join(process.cwd(), 'docs', 'screenshots') : null;
if (SHOTS) mkdirSync(SHOTS, { recursive: true });

const freshPage = (lang: 'fr' | 'nl') => freshContext(run.browser, run.baseUrl, lang, { deviceScaleFactor: SHOTS ? 2 : 1 });

const shoot = async (page: Page, lang: string, name: string) => {
  if (SHOTS) await page.screenshot({ path: join(SHOTS, `${lang}-2x-guide-${name}.png`), fullPage: true });
};
const h1 = (page: Page) => page.locator('h1').innerText();
const mainText = (page: Page) => page.locator('main').innerText();
const unexpected = (errors: string[]) => errors.filter((e) => !/status of 4\d\d/.test(e));

/** Answers one question with the mouse: a radio, or the listed checkboxes, then "continue". */
async function answer(page: Page, step: string, value: string | string[]) {
  await page.locator(`input[name="step"][value="${step}"]`).waitFor({ state: 'attached' });
  for (const v of Array.isArray(value) ? value : [value]) await page.locator(`input[name="${step}"][value="${v}"]`).check();
  await Promise.all([page.waitForNavigation(), page.locator('form[action="/guide"] .app-guide-continue').click()]);
}

const POLICE_CALL: [string, string | string[]][] = [
  ['danger', 'none'], ['initiative', 'asked'], ['counterpart', 'police'], ['channel', 'phone'], ['instrument', 'none'],
  ['offence', 'other'], ['consent', 'none'], ['items', ['client-status']],
];
const CHILD_458BIS: [string, string | string[]][] = [
  ['danger', 'serious-indications-other-victims'], ['endangered', 'minor'], ['canProtect', 'no'], ['initiative', 'own-initiative'],
  ['counterpart', 'procureur-du-roi'], ['channel', 'letter'], ['instrument', 'none'], ['offence', '458bis-offence'], ['consent', 'none'],
  ['items', ['identity', 'social-notes']],
];

describe('the guide with the mouse (French)', () => {
  test('the police phone call ends on the standard reply, and nothing offers to report', async () => {
    const { context, page, errors } = await freshPage('fr');
    await logIn(page, run.baseUrl, 'assistant-social@namur');
    await page.getByRole('link', { name: 'Puis-je parler ?' }).click();
    assert.equal(await h1(page), 'Quelqu’un est-il en danger ?');
    await shoot(page, 'fr', '01-danger');
    for (const [step, value] of POLICE_CALL) {
      if (step === 'counterpart') await shoot(page, 'fr', '02-counterpart');
      await answer(page, step, value);
    }
    assert.equal(await h1(page), 'Vous ne pouvez rien communiquer : le secret professionnel s’applique.');
    const reply = await page.locator('#standard-reply').innerText();
    assert.match(reply, /je ne peux ni confirmer ni démentir qu’une personne est connue du CPAS/);
    assert.equal(new URL(page.url()).search, '', 'no answer in the address');
    assert.equal(await page.getByRole('button', { name: /signal|dénonc/i }).count(), 0);
    await shoot(page, 'fr', '03-police-call-reply');
    assert.deepEqual(unexpected(errors), []);
    await context.close();
  });

  test('grave and current danger ends on must-assist with 112', async () => {
    const { context, page, errors } = await freshPage('fr');
    await logIn(page, run.baseUrl, 'agent@namur');
    await page.goto(`${run.baseUrl}/guide`);
    await answer(page, 'danger', 'grave-and-current');
    await answer(page, 'items', ['identity', 'domicile-address', 'medical-data', 'aid-decisions']);
    assert.match(await h1(page), /Vous devez porter secours : appelez le 112/);
    const text = await mainText(page);
    assert.match(text, /Appelez le 112 maintenant/);
    assert.match(text, /Ce qui peut être communiqué\s+Identité[^\n]*\s+Adresse du domicile\s+Des informations de santé/);
    assert.doesNotMatch(text.split('Ce qui peut être communiqué')[1]!.split('Conditions')[0]!, /Les aides accordées/);
    await shoot(page, 'fr', '04-must-assist');
    assert.deepEqual(unexpected(errors), []);
    await context.close();
  });

  test('a 458bis case recorded from the file is in its history and counted in the DPO’s disclosure view', async () => {
    const { context, page, errors } = await freshPage('fr');
    const personId = run.fixture.namur.persons.elamrani!;
    await logIn(page, run.baseUrl, 'assistant-social@namur');
    await page.goto(`${run.baseUrl}/persons/${personId}`);
    await choosePurpose(page, 'case-follow-up');
    await page.getByRole('link', { name: /Puis-je parler \? Consulter le guide/ }).click();
    for (const [step, value] of CHILD_458BIS) await answer(page, step, value);
    assert.equal(await h1(page), 'Vous pouvez communiquer, si vous le décidez, uniquement à : le procureur du Roi.');
    assert.ok(await page.locator('input[name="ground"][value="458bis"]').isChecked());
    await page.locator('#recipient').fill('Parquet de Namur, section famille');
    await page.locator('#shared').fill('Identité et ce que l’enfant a confié ; conditions de l’article 458bis vérifiées.');
    await shoot(page, 'fr', '05-458bis-record');
    await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Noter dans le dossier' }).click()]);
    assert.match(await page.locator('.govuk-notification-banner').innerText(), /Ce que vous avez fait a été noté dans le dossier/);
    const record = await page.locator('.app-guide-record').first().innerText();
    assert.match(record, /Communication du[\s\S]*Informer le procureur du Roi \(art\. 458bis\)[\s\S]*Parquet de Namur, section famille/);

    await context.clearCookies();
    await page.goto(`${run.baseUrl}/language/fr?back=/login`);
    await logIn(page, run.baseUrl, 'dpo@namur');
    await page.getByRole('link', { name: 'Communications notées' }).click();
    const view = await mainText(page);
    assert.match(view, /Informer le procureur du Roi \(art\. 458bis\)\s+< 5/);
    assert.doesNotMatch(view, /Parquet de Namur|confié/);
    await shoot(page, 'fr', '06-disclosures-dpo');
    assert.deepEqual(unexpected(errors), []);
    await context.close();
  });
});

describe('the guide with the keyboard only (Dutch)', () => {
  test('the police phone call, from the navigation to the standard reply', async () => {
    const { context, page, errors } = await freshPage('nl');
    await logIn(page, run.baseUrl, 'maatschappelijk-werker@gent');
    const focused = () => page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      return { name: el?.getAttribute('name') ?? '', value: (el as HTMLInputElement | null)?.value ?? '', text: (el?.innerText ?? '').trim() };
    });
    const tabTo = async (wanted: (el: Awaited<ReturnType<typeof focused>>) => boolean, what: string) => {
      for (let i = 0; i < 120; i++) {
        await page.keyboard.press('Tab');
        if (wanted(await focused())) return;
      }
      assert.fail(`Tab never reached ${what}`);
    };
    await tabTo((el) => el.text === 'Mag ik spreken?', 'the navigation entry');
    await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
    for (const [step, value] of POLICE_CALL) {
      const wanted = Array.isArray(value) ? value[0]! : value;
      if (step === 'items') {
        // Each checkbox is its own Tab stop.
        await tabTo((el) => el.name === step && el.value === wanted, wanted);
      } else {
        // A radio group is one Tab stop; the arrow keys move within it.
        await tabTo((el) => el.name === step, step);
        for (let i = 0; i < 30 && (await focused()).value !== wanted; i++) await page.keyboard.press('ArrowDown');
      }
      assert.equal((await focused()).value, wanted, step);
      await page.keyboard.press('Space');
      await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
    }
    assert.equal(await h1(page), 'U mag niets meedelen: het beroepsgeheim geldt.');
    assert.match(await page.locator('#standard-reply').innerText(), /ik kan niet bevestigen noch ontkennen dat iemand bij het OCMW bekend is/);
    await shoot(page, 'nl', '01-police-call-reply');
    assert.deepEqual(unexpected(errors), []);
    await context.close();
  });
});

describe('accessibility of the guide (axe-core, WCAG 2.1 A and AA)', { concurrency: true }, () => {
  for (const lang of ['fr', 'nl'] as const) {
    test(`every guide page in ${lang === 'fr' ? 'French' : 'Dutch'}`, async () => {
      const cast = lang === 'fr'
        ? { worker: 'assistant-social@namur', dpo: 'dpo@namur', person: run.fixture.namur.persons.gerard! }
        : { worker: 'maatschappelijk-werker@gent', dpo: 'dpo@gent', person: run.fixture.gent.persons.yilmaz! };
      const { context, page, errors } = await freshPage(lang);
      const problems: string[] = [];
      const check = async (label: string) => {
        await page.waitForLoadState('load');
        assert.equal(await page.getAttribute('html', 'lang'), lang, label);
        const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).options({ resultTypes: ['violations'] }).analyze();
        for (const v of result.violations) {
          if (v.impact === 'serious' || v.impact === 'critical') problems.push(`${label}: ${v.impact} ${v.id} ${v.nodes[0]?.target.join(' ')}`);
        }
      };
      await logIn(page, run.baseUrl, cast.worker);
      await page.goto(`${run.baseUrl}/guide`);
      await check('danger question');
      await Promise.all([page.waitForNavigation(), page.locator('.app-guide-continue').click()]);
      await check('question with an error');
      await answer(page, 'danger', 'none');
      await answer(page, 'initiative', 'asked');
      await check('counterpart question');
      for (const [step, value] of POLICE_CALL.slice(2)) await answer(page, step, value);
      await check('standard reply');
      await page.goto(`${run.baseUrl}/guide`);
      await answer(page, 'danger', 'grave-and-current');
      await answer(page, 'items', ['identity']);
      await check('must-assist');
      await page.goto(`${run.baseUrl}/persons/${cast.person}`);
      await choosePurpose(page, 'case-follow-up');
      await page.goto(`${run.baseUrl}/persons/${cast.person}/guide`);
      for (const [step, value] of CHILD_458BIS) await answer(page, step, value);
      await check('permission with the record form');
      if (lang === 'nl') await shoot(page, 'nl', '02-458bis-record');
      await context.clearCookies();
      await page.goto(`${run.baseUrl}/language/${lang}?back=/login`);
      await logIn(page, run.baseUrl, cast.dpo);
      await page.goto(`${run.baseUrl}/guide/disclosures`);
      await check('disclosures view');
      assert.deepEqual(problems, []);
      assert.deepEqual(unexpected(errors), []);
      await context.close();
    });
  }
});
