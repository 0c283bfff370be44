// Takes screenshots of the main pages in French (CPAS de Namur) and Dutch (OCMW Gent) with the
// browser-test fixture, into docs/screenshots/ (PNG, 1280 px wide, whole page).
// Run: npx tsx scripts/screenshots.ts
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { choosePurpose, logIn, startAll } from '../src/ui/e2e/browser.ts';

const OUT = join(process.cwd(), 'docs', 'screenshots');

interface Cast {
  readonly lang: 'fr' | 'nl';
  readonly cpas: 'namur' | 'gent';
  readonly worker: string;
  /** A social worker who is not on the person's case: breaks the glass. */
  readonly colleague: string;
  readonly agent: string;
  readonly director: string;
  readonly head: string;
  readonly dpo: string;
  readonly secretariat: string;
  readonly councillor: string;
  /** A person with an application still to decide, on the worker's caseload: put on the agenda (the Gent fixture has none). */
  readonly applicant: string | null;
  readonly person: string;
  readonly searchName: string;
}

const CASTS: readonly Cast[] = [
  {
    lang: 'fr', cpas: 'namur', worker: 'assistant-social@namur', colleague: 'assistant-social-2@namur', agent: 'agent@namur', director: 'directrice@namur',
    head: 'responsable@namur', dpo: 'dpo@namur', secretariat: 'secretariat@namur', councillor: 'conseillere@namur', applicant: 'elamrani',
    person: 'dubois', searchName: 'dubois',
  },
  {
    lang: 'nl', cpas: 'gent', worker: 'maatschappelijk-werker@gent', colleague: 'maatschappelijk-werker-2@gent', agent: 'administratief@gent', director: 'directeur@gent',
    head: 'hoofd@gent', dpo: 'dpo@gent', secretariat: 'secretariaat@gent', councillor: 'raadslid@gent', applicant: null,
    person: 'janssens', searchName: 'janssens',
  },
];

const REASONS = {
  fr: 'La personne a appelé en détresse ce matin ; son assistante sociale est en congé jusqu’à lundi.',
  nl: 'De persoon belde vanochtend in nood; zijn maatschappelijk werker is met verlof tot maandag.',
};

const run = await startAll();
mkdirSync(OUT, { recursive: true });
const written: string[] = [];
try {
  for (const cast of CASTS) {
    const context = await run.browser.newContext({ viewport: { width: 1280, height: 800 }, locale: cast.lang === 'fr' ? 'fr-BE' : 'nl-BE' });
    const page = await context.newPage();
    const go = (path: string) => page.goto(`${run.baseUrl}${path}`);
    let index = 0;
    const shoot = async (name: string) => {
      await page.waitForLoadState('load');
      const file = `${cast.lang}-${String(++index).padStart(2, '0')}-${name}.png`;
      await page.screenshot({ path: join(OUT, file), fullPage: true });
      written.push(file);
    };
    const as = async (login: string) => {
      await context.clearCookies();
      await go(`/language/${cast.lang}?back=/login`);
      await logIn(page as Page, run.baseUrl, login);
    };
    const fixture = run.fixture[cast.cpas];
    const personId = fixture.persons[cast.person]!;
    const requestId = fixture.requests.prepared!;

    await go(`/language/${cast.lang}?back=/login`);
    await shoot('login');
    await as(cast.worker);
    await shoot('caseload');
    await go(`/persons/${personId}`);
    await page.locator('input[name="purpose"][value="case-follow-up"]').focus();
    await shoot('purpose');
    await choosePurpose(page, 'case-follow-up');
    await shoot('file-social-worker');
    await go(`/persons/${personId}/social-reports/new`);
    await shoot('social-report-form');

    await as(cast.agent);
    await go('/search');
    await page.locator('#name').fill(cast.searchName);
    await page.locator('input[name="purpose"][value="administrative-processing"]').check();
    await page.locator('form[action="/search"] button[type="submit"]').click();
    await shoot('search-results');
    await page.locator('form[action$="/purpose"] button[type="submit"]').first().click();
    await shoot('file-administrative-agent');

    await as(cast.director);
    await go('/users');
    await shoot('users');
    await go('/accessibility');
    await shoot('accessibility');

    // The register: the list, a request's assessment, the preview of what would leave, and the
    // confirmation step of the signature.
    await go('/requests');
    await shoot('register');
    await go(`/requests/${requestId}/assessment`);
    await shoot('assessment');
    await go(`/requests/${requestId}/letter`);
    await shoot('preview');
    await page.locator(`form[action="/requests/${requestId}/sign/confirm"] button`).click();
    await shoot('sign-confirmation');
    await go('/requests/new');
    await shoot('request-intake');

    // Break-glass by a worker who is not on the case, then the reviewers' and the DPO's views.
    await as(cast.colleague);
    await go(`/persons/${personId}`);
    await choosePurpose(page, 'case-follow-up');
    await shoot('file-not-on-case');
    await go(`/persons/${personId}/break-glass`);
    await page.locator('#reason').fill(REASONS[cast.lang]);
    await shoot('break-glass-dialog');
    await page.locator(`form[action="/persons/${personId}/break-glass"] button[type="submit"]`).click();
    await shoot('file-break-glass');

    await as(cast.head);
    await go('/break-glass');
    await shoot('break-glass-queue');
    await go(`/persons/${personId}/assignments`);
    await shoot('case-assignment');

    // The council: the secretariat schedules a session of the committee, the worker on the case
    // puts an application on it from the file, and a council member opens the item.
    const agendaShots = async (applicant: string) => {
      await as(cast.secretariat);
      await go('/agenda');
      await page.locator('input[name="body"][value="comite-special-service-social"]').check();
      await page.locator('#meetingDate').fill('17');
      await page.locator('#meetingDate-month').fill('12');
      await page.locator('#meetingDate-year').fill('2026');
      await page.locator('form[action="/agenda/sessions"] button[type="submit"]').click();
      await as(cast.worker);
      const applicantId = fixture.persons[applicant]!;
      await go(`/persons/${applicantId}`);
      await choosePurpose(page, 'committee-preparation');
      await go(`/persons/${applicantId}/agenda`);
      if ((await page.locator('input[name="applicationId"]').count()) === 0) throw new Error(`${cast.lang}: ${applicant} has no application to put on the agenda: ${await page.locator('main').innerText()}`);
      await page.locator('input[name="applicationId"]').first().check();
      await page.locator('input[name="sessionId"]').first().check();
      await shoot('agenda-placement');
      await page.locator(`form[action="/persons/${applicantId}/agenda"] button[type="submit"]`).click();
      await as(cast.councillor);
      await go('/agenda');
      await shoot('agenda');
      await page.locator('a[href^="/agenda/sessions/"]').first().click();
      await page.locator('a[href^="/agenda/items/"]').first().click();
      await shoot('agenda-item');
    };
    if (cast.applicant) await agendaShots(cast.applicant);

    await as(cast.dpo);
    await go('/audit');
    await shoot('audit-finder');
    await go(`/audit/persons/${personId}`);
    await shoot('access-log');

    await as(cast.agent);
    await go(`/persons/${personId}`);
    await choosePurpose(page, 'data-subject-access');
    await go(`/persons/${personId}/access-history`);
    await shoot('access-history');
    await context.close();
  }
} finally {
  await run.close();
}
console.log(`${written.length} screenshots in docs/screenshots/:\n${written.map((f) => `  ${f}`).join('\n')}`);
