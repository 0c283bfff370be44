// The register of authority requests and the audit pages in a real browser (Debian Chromium through
// playwright-core): a request is entered with its scanned letter, assessed, matched, prepared by the
// delegated secretariat and signed by the director, and its PDF downloads; a worker who is not on a
// case breaks the glass and the review queue shows it; the DPO finds both the emergency read and
// the reads that prepared the disclosure in the access log. The same flows with the keyboard only
// (in Dutch), and axe-core on every new page in French and Dutch.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { BrowserContext, Page } from 'playwright-core';
import { makeNiss } from '../../domain/niss.ts';
import { axeViolations, choosePurpose, downloadedBytes, freshContext, logIn, type Running, startAll } from './browser.ts';

let run: Running;

before(async () => {
  run = await startAll();
});
after(async () => {
  await run?.close();
});

/** A fresh browser context in a language, failing the test on any console error (a CSP violation). */
const freshPage = (lang: 'fr' | 'nl' = 'fr', options: { javaScriptEnabled?: boolean } = {}) =>
  freshContext(run.browser, run.baseUrl, lang, { acceptDownloads: true, ...options });

/** Logs in again as someone else, in the same context (the language cookie stays). */
async function switchTo(context: BrowserContext, page: Page, login: string): Promise<void> {
  const lang = (await context.cookies()).find((c) => c.name === 'confiance_lang');
  await context.clearCookies();
  if (lang) await context.addCookies([lang]);
  await logIn(page, run.baseUrl, login);
}

const h1 = (page: Page) => page.locator('h1').innerText();
const mainText = (page: Page) => page.locator('main').innerText();
/** Only the expected 4xx of a page that answers an error on purpose (a form with errors). */
const unexpected = (errors: string[]) => errors.filter((e) => !/status of 4\d\d/.test(e));

describe('the register and the audit, with the mouse', () => {
  test('a request is entered, assessed, matched, prepared by the delegate and signed by the director; the PDF downloads', async () => {
    const { context, page, errors } = await freshPage('fr');
    await logIn(page, run.baseUrl, 'directrice@namur');
    await page.getByRole('link', { name: 'Registre des demandes' }).click();
    await page.getByRole('button', { name: 'Enregistrer une demande' }).click();
    assert.equal(await h1(page), 'Enregistrer une demande d’autorité');
    await page.locator('input[name="authorRole"][value="procureur-du-roi"]').check();
    await page.locator('#authorName').fill('Mme A. Lemaire, substitute');
    await page.locator('#authorOffice').fill('Parquet de Namur');
    await page.locator('input[name="channel"][value="letter"]').check();
    await page.locator('#dated').fill('2');
    await page.locator('#dated-month').fill('3');
    await page.locator('#dated-year').fill('2026');
    await page.locator('#reference').fill('NA.12.LL.E2E/26');
    await page.locator('input[name="reasoned"][value="yes"]').check();
    await page.locator('#reasonsText').fill('Enquête du chef de participation aux activités d’un groupe terroriste.');
    await page.locator('#offences').fill('140');
    await page.locator('#subject1-niss').fill(makeNiss('1986-03-27', 212));
    for (const item of ['identity', 'domicile-address', 'aid-decisions', 'social-report']) await page.locator(`input[name="items"][value="${item}"]`).check();
    await page.locator('#letter').setInputFiles({ name: 'requisitoire.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4 réquisitoire') });
    await page.getByRole('button', { name: 'Enregistrer la demande' }).click();
    assert.equal(await h1(page), 'Demande NA.12.LL.E2E/26');
    assert.match(await page.locator('.govuk-notification-banner').innerText(), /La demande a été enregistrée/);
    assert.match(await mainText(page), /requisitoire\.pdf/);
    const requestUrl = page.url();

    await page.getByRole('button', { name: 'Évaluer la demande' }).click();
    assert.equal(await h1(page), 'Évaluation de la demande');
    assert.match(await mainText(page), /Issue : Répondre/);
    assert.match(await page.locator('#item-social-report').innerText(), /Ne pas communiquer[\s\S]*Un rapport social n’est pas un renseignement administratif[\s\S]*R10, R33/);
    await page.getByRole('link', { name: 'Retour à la demande' }).click();
    await page.getByRole('link', { name: 'Rechercher le dossier Personne 1' }).click();
    assert.match(await mainText(page), /1 dossier trouvé/);
    await page.getByRole('radio', { name: 'Dubois, Marie' }).check();
    await page.getByRole('button', { name: 'Confirmer' }).click();
    assert.match(await mainText(page), /Dossier confirmé/);

    await switchTo(context, page, 'secretariat@namur');
    await page.goto(requestUrl);
    await page.getByRole('button', { name: 'Préparer la réponse' }).click();
    assert.equal(await h1(page), 'Projet de réponse');
    const preview = await mainText(page);
    assert.match(preview, /Rue des Tanneries/);
    assert.match(preview, /Ce qui n’est pas communiqué, et pourquoi[\s\S]*Rapports sociaux/);
    assert.doesNotMatch(preview, /Le loyer absorbe/);
    assert.equal(await page.getByRole('button', { name: 'Passer à la signature' }).count(), 0, 'the delegate does not sign');

    await switchTo(context, page, 'directrice@namur');
    await page.goto(requestUrl);
    await page.getByRole('button', { name: 'Relire le projet de réponse' }).click();
    await page.getByRole('button', { name: 'Passer à la signature' }).click();
    assert.equal(await h1(page), 'Confirmer la signature');
    await page.getByRole('button', { name: 'Signer la réponse' }).click();
    assert.match(await page.locator('.govuk-error-summary').innerText(), /Cochez la case/);
    await page.getByRole('checkbox', { name: 'J’ai relu le projet et je le signe au nom du CPAS' }).check();
    await page.getByRole('button', { name: 'Signer la réponse' }).click();
    assert.match(await page.locator('.govuk-notification-banner').innerText(), /La réponse est signée/);

    const link = page.getByRole('link', { name: 'Télécharger la lettre (PDF)' });
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    assert.match(download.suggestedFilename(), /^letter-[0-9a-f-]{36}\.pdf$/);
    assert.equal((await downloadedBytes(download)).subarray(0, 5).toString(), '%PDF-');
    const pdf = await page.request.get(`${run.baseUrl}${await link.getAttribute('href')}`);
    assert.equal(pdf.headers()['content-type'], 'application/pdf');
    const body = await pdf.body();
    assert.ok(body.length > 0 && body.subarray(0, 5).toString() === '%PDF-');
    assert.deepEqual(unexpected(errors), []);
    await context.close();
  });

  test('a worker not on the case breaks the glass (JavaScript off); the queue shows it; the DPO finds both accesses in the log', async () => {
    const { context, page, errors } = await freshPage('fr', { javaScriptEnabled: false });
    const personId = run.fixture.namur.persons.dubois!;
    await logIn(page, run.baseUrl, 'assistant-social-2@namur');
    await page.goto(`${run.baseUrl}/persons/${personId}`);
    await choosePurpose(page, 'case-follow-up');
    assert.equal(await h1(page), 'Dossier de Marie Dubois');
    assert.match(await page.locator('.app-social').innerText(), /Rapports sociaux : Non accessible pour vous/);
    await page.getByRole('button', { name: 'Demander un accès d’urgence' }).click();
    assert.equal(await h1(page), 'Demander un accès d’urgence');
    await page.locator('#reason').fill('La personne a appelé en détresse ; son assistante sociale est absente.');
    await page.getByRole('button', { name: 'Ouvrir l’accès d’urgence' }).click();
    assert.equal(await h1(page), 'Dossier de Marie Dubois');
    assert.match(await page.locator('.app-emergency').innerText(), /Accès d’urgence jusqu’au/);
    assert.match(await page.locator('.app-social').innerText(), /Le loyer absorbe l’essentiel des allocations familiales/);

    await switchTo(context, page, 'responsable@namur');
    await page.getByRole('link', { name: 'Accès d’urgence' }).click();
    const queue = await mainText(page);
    assert.match(queue, /Julien Marchal, le/);
    assert.match(queue, /La personne a appelé en détresse/);

    await switchTo(context, page, 'dpo@namur');
    assert.equal(await h1(page), 'Journal des accès', 'the DPO lands on the access log');
    await page.getByRole('link', { name: 'Accès d’urgence' }).click();
    // The queue names the person to the DPO, who may see who it is (never the file).
    await page.getByRole('link', { name: 'Dossier de Marie Dubois' }).first().click();
    assert.equal(await h1(page), 'Dossier de Marie Dubois');
    const rows = await page.locator('main tbody tr').allInnerTexts();
    assert.ok(rows.some((r) => /Julien Marchal/.test(r) && /Consultation/.test(r) && /Accès d’urgence/.test(r) && /Toute la partie sociale|Rapports sociaux/.test(r)), 'the report read under break-glass');
    assert.ok(rows.some((r) => /Sarah Collin/.test(r) && /Préparation de la réponse/.test(r) && /Traitement d’une demande d’une autorité/.test(r)), 'the reads that prepared the disclosure');
    assert.deepEqual(unexpected(errors), []);
    await context.close();
  });
});

describe('the same flows with the keyboard only (in Dutch)', () => {
  const focused = (page: Page) => page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    return { id: el?.id ?? '', name: el?.getAttribute('name') ?? '', value: (el as HTMLInputElement | null)?.value ?? '', text: (el?.innerText ?? '').replace(/\s+/g, ' ').trim() };
  });
  type Focused = Awaited<ReturnType<typeof focused>>;
  const tabTo = async (page: Page, wanted: (el: Focused) => boolean, what: string) => {
    for (let i = 0; i < 200; i++) {
      await page.keyboard.press('Tab');
      if (wanted(await focused(page))) return;
    }
    assert.fail(`Tab never reached ${what}`);
  };
  const byId = (id: string) => (el: Focused) => el.id === id;
  const byText = (text: string) => (el: Focused) => el.text === text;
  const typeInto = async (page: Page, id: string, text: string) => {
    await tabTo(page, byId(id), id);
    await page.keyboard.type(text);
  };
  const keyboardLogIn = async (context: BrowserContext, page: Page, login: string) => {
    const lang = (await context.cookies()).find((c) => c.name === 'confiance_lang');
    await context.clearCookies();
    if (lang) await context.addCookies([lang]);
    await page.goto(`${run.baseUrl}/login`);
    await typeInto(page, 'login', login);
    await typeInto(page, 'password', 'fixture-password-2026');
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => !url.pathname.startsWith('/login'));
  };
  const press = async (page: Page, text: string) => {
    await tabTo(page, byText(text), text);
    await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
  };

  test('record, assess, match, prepare, sign; break the glass, review it; the DPO finds both accesses', async () => {
    const { context, page, errors } = await freshPage('nl');
    const { gent } = run.fixture;
    await keyboardLogIn(context, page, 'directeur@gent');
    await press(page, 'Register van vorderingen');
    await press(page, 'Een vordering registreren');
    // A radio group is one stop of the Tab key; the space bar chooses the focused radio.
    await tabTo(page, byId('authorRole'), 'the author');
    await page.keyboard.press('Space');
    await tabTo(page, byId('channel'), 'the channel');
    await page.keyboard.press('Space');
    await typeInto(page, 'dated', '9');
    await page.keyboard.press('Tab');
    await page.keyboard.type('3');
    await page.keyboard.press('Tab');
    await page.keyboard.type('2026');
    await typeInto(page, 'reference', 'GE.12.LB.TOETS/26');
    await tabTo(page, byId('reasoned'), 'reasoned');
    await page.keyboard.press('Space');
    await typeInto(page, 'offences', '140');
    await typeInto(page, 'subject1-niss', makeNiss('1971-05-09', 33));
    await tabTo(page, byId('items'), 'the first item');
    await page.keyboard.press('Space');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Space');
    await press(page, 'De vordering registreren');
    assert.equal(await h1(page), 'Vordering GE.12.LB.TOETS/26');
    const requestUrl = page.url();
    await press(page, 'De vordering beoordelen');
    assert.match(await mainText(page), /Uitkomst: Antwoorden/);
    await press(page, 'Terug naar de vordering');
    await press(page, 'Het dossier zoeken Persoon 1');
    await tabTo(page, (el) => el.name === 'personId', 'the files found');
    await page.keyboard.press('Space');
    await press(page, 'Bevestigen');
    assert.match(await mainText(page), /Dossier bevestigd/);

    await keyboardLogIn(context, page, 'secretariaat@gent');
    await page.goto(requestUrl);
    await press(page, 'Het antwoord voorbereiden');
    assert.equal(await h1(page), 'Ontwerpantwoord');
    assert.match(await mainText(page), /Sint-Pietersnieuwstraat/);

    await keyboardLogIn(context, page, 'directeur@gent');
    await page.goto(requestUrl);
    await press(page, 'Het ontwerpantwoord nalezen');
    await press(page, 'Naar de ondertekening');
    await tabTo(page, byId('confirm'), 'the confirmation');
    await page.keyboard.press('Space');
    await press(page, 'Het antwoord ondertekenen');
    assert.match(await page.locator('.govuk-notification-banner').innerText(), /Het antwoord is ondertekend/);
    await tabTo(page, byText('De brief downloaden (PDF)'), 'the PDF link');
    const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
    assert.equal((await downloadedBytes(download)).subarray(0, 5).toString(), '%PDF-');

    const personId = gent.persons.janssens!;
    await keyboardLogIn(context, page, 'maatschappelijk-werker-2@gent');
    await page.goto(`${run.baseUrl}/persons/${personId}`);
    await tabTo(page, (el) => el.name === 'purpose', 'the purpose choices');
    await page.keyboard.press('Space');
    await press(page, 'Dossier openen');
    await press(page, 'Noodtoegang vragen');
    await typeInto(page, 'reason', 'De persoon belde in nood; zijn maatschappelijk werker is afwezig.');
    await press(page, 'De noodtoegang openen');
    assert.match(await page.locator('.app-emergency').innerText(), /Noodtoegang tot/);
    assert.match(await page.locator('.app-social').innerText(), /vier schuldeisers/);

    await keyboardLogIn(context, page, 'hoofd@gent');
    await press(page, 'Noodtoegang');
    assert.match(await mainText(page), /Tom Jacobs, op/);
    await tabTo(page, (el) => el.name === 'outcome', 'the review outcome');
    await page.keyboard.press('Space');
    await tabTo(page, (el) => el.name === 'comment', 'the comment');
    await page.keyboard.type('Noodgeval bevestigd.');
    await press(page, 'Het nazicht registreren');
    assert.match(await page.locator('.govuk-notification-banner').innerText(), /Het nazicht is geregistreerd/);

    await keyboardLogIn(context, page, 'dpo@gent');
    assert.equal(await h1(page), 'Toegangslogboek');
    // The DPO finds the person by name, then opens their log (keyboard only).
    await typeInto(page, 'name', 'Janssens');
    await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
    await tabTo(page, (el) => el.text.startsWith('Logboek bekijken') && el.text.includes('Jan Janssens'), 'the link to the person found');
    await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
    const rows = await page.locator('main tbody tr').allInnerTexts();
    assert.ok(rows.some((r) => /Tom Jacobs/.test(r) && /Raadpleging/.test(r) && /Noodtoegang/.test(r)), 'the read under break-glass');
    assert.ok(rows.some((r) => /Eva Willems/.test(r) && /Voorbereiding van het antwoord/.test(r)), 'the reads that prepared the disclosure, in words');
    assert.deepEqual(unexpected(errors), []);
    await context.close();
  });
});

// The two languages run side by side: most of the time is axe's work inside the browser.
describe('accessibility of the new pages (axe-core, WCAG 2.1 A and AA rules)', { concurrency: true }, () => {
  const BLOCKING = new Set(['serious', 'critical']);
  const CASTS = {
    fr: { cpas: 'namur', director: 'directrice@namur', worker: 'assistant-social@namur', colleague: 'assistant-social-2@namur', dpo: 'dpo@namur', head: 'responsable@namur', agent: 'agent@namur', person: 'elamrani' },
    nl: { cpas: 'gent', director: 'directeur@gent', worker: 'maatschappelijk-werker@gent', colleague: 'maatschappelijk-werker-2@gent', dpo: 'dpo@gent', head: 'hoofd@gent', agent: 'administratief@gent', person: 'yilmaz' },
  } as const;

  for (const lang of ['fr', 'nl'] as const) {
    test(`every new page in ${lang === 'fr' ? 'French' : 'Dutch'}`, async () => {
      const cast = CASTS[lang];
      const fixture = run.fixture[cast.cpas];
      const problems: string[] = [];
      const pages: string[] = [];
      const { context, page, errors } = await freshPage(lang);
      const go = (path: string) => page.goto(`${run.baseUrl}${path}`);
      const visit = async (label: string, action?: () => Promise<unknown>) => {
        if (action) await action();
        await page.waitForLoadState('load');
        assert.equal(await page.getAttribute('html', 'lang'), lang, label);
        pages.push(label);
        const started = Date.now();
        const violations = await axeViolations(page);
        if (process.env.AXE_TIMING) console.log(`  axe ${lang} ${label}: ${Date.now() - started} ms`);
        for (const v of violations) {
          const line = `${label}: ${v.impact} ${v.id} (${v.nodes.length}) ${v.nodes[0]?.target.join(' ')}`;
          if (BLOCKING.has(v.impact ?? '')) problems.push(line);
          else console.log(`  note: ${line}`);
        }
      };
      const submit = (action: string) => page.locator(`form[action="${action}"] button[type="submit"]`).first().click();
      const prepared = fixture.requests.prepared!;
      const received = fixture.requests.received!;
      const personId = fixture.persons[cast.person]!;

      await logIn(page, run.baseUrl, cast.director);
      // Error summaries are one component, checked here on the largest form and on the queue, whose
      // fields are named by grant; the other forms' errors use the same markup (round 1 checked it).
      await visit('register', () => go('/requests'));
      await visit('intake form', () => go('/requests/new'));
      await visit('intake form, with errors', () => submit('/requests'));
      await visit('request', () => go(`/requests/${received}`));
      await visit('assessment (legal review)', () => submit(`/requests/${received}/assess`));
      await visit('matching a person to a file', () => go(`/requests/${received}/subjects/1`));
      await visit('refusal confirmation', () => go(`/requests/${received}/refuse`));
      await visit('assessment (answer)', () => go(`/requests/${prepared}/assessment`));
      await visit('request with a draft', () => go(`/requests/${prepared}`));
      await visit('preview of the answer', () => go(`/requests/${prepared}/letter`));
      await visit('signature confirmation', () => submit(`/requests/${prepared}/sign/confirm`));
      await visit('standard reply to an oral request', () => go('/requests/standard-reply'));

      await switchTo(context, page, cast.worker);
      await visit('forward a request', () => go('/requests/new'));
      await visit('request forwarded', () => go('/requests/forwarded'));

      await switchTo(context, page, cast.colleague);
      await visit('file with the emergency offer', async () => {
        await go(`/persons/${personId}`);
        await choosePurpose(page, 'case-follow-up');
      });
      await visit('break-glass dialog', () => go(`/persons/${personId}/break-glass`));
      await visit('file under break-glass', async () => {
        await page.locator('#reason').fill(lang === 'fr' ? 'Urgence : la personne a appelé en détresse ce matin.' : 'Noodgeval: de persoon belde vanochtend in nood.');
        await submit(`/persons/${personId}/break-glass`);
      });

      await switchTo(context, page, cast.head);
      await visit('break-glass queue', () => go('/break-glass'));
      await visit('break-glass queue, with errors', () => page.locator('form[action^="/break-glass/"] button[type="submit"]').first().click());

      await switchTo(context, page, cast.dpo);
      await visit('access log search');
      await visit('access log by person', () => go(`/audit/persons/${personId}`));
      await visit('access log by staff member', () => go(`/audit/staff/${fixture.actors[cast.colleague.split('@')[0]!]!.userId}`));
      // A period before the fixture: the table of entries is checked on the two pages above.
      await visit('access log by period', () => go('/audit/period?from=2026-01-01&to=2026-01-31'));

      await switchTo(context, page, cast.agent);
      await visit('who consulted this file', async () => {
        await go(`/persons/${personId}`);
        await choosePurpose(page, 'data-subject-access');
        await go(`/persons/${personId}/access-history`);
      });

      assert.deepEqual(problems, [], `serious or critical violations:\n${problems.join('\n')}`);
      assert.ok(pages.length >= 23, `checked ${pages.length} pages`);
      assert.deepEqual(unexpected(errors), []);
      await context.close();
    });
  }
});

test('reflow: at 320 CSS pixels wide (400 % zoom) no new page scrolls sideways', async () => {
  const { context, page } = await freshPage('fr');
  await page.setViewportSize({ width: 320, height: 640 });
  const { namur } = run.fixture;
  const widths: Record<string, number> = {};
  const measure = async (label: string, path: string) => {
    await page.goto(`${run.baseUrl}${path}`);
    widths[label] = await page.evaluate(() => document.documentElement.scrollWidth);
  };
  await logIn(page, run.baseUrl, 'directrice@namur');
  await measure('register', '/requests');
  await measure('intake', '/requests/new');
  await measure('assessment', `/requests/${namur.requests.prepared}/assessment`);
  await measure('preview', `/requests/${namur.requests.prepared}/letter`);
  await switchTo(context, page, 'dpo@namur');
  await measure('access log', `/audit/persons/${namur.persons.dubois}`);
  await measure('break-glass queue', '/break-glass?all=1');
  for (const [label, width] of Object.entries(widths)) assert.ok(width <= 320, `${label}: ${width} px`);
  await context.close();
});
