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
  readonly agent: string;
  readonly director: string;
  readonly person: string;
  readonly searchName: string;
}

const CASTS: readonly Cast[] = [
  { lang: 'fr', cpas: 'namur', worker: 'assistant-social@namur', agent: 'agent@namur', director: 'directrice@namur', person: 'dubois', searchName: 'dubois' },
  { lang: 'nl', cpas: 'gent', worker: 'maatschappelijk-werker@gent', agent: 'administratief@gent', director: 'directeur@gent', person: 'janssens', searchName: 'janssens' },
];

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
    const personId = run.fixture[cast.cpas].persons[cast.person]!;

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
    await shoot('users');
    await go('/accessibility');
    await shoot('accessibility');
    await context.close();
  }
} finally {
  await run.close();
}
console.log(`${written.length} screenshots in docs/screenshots/:\n${written.map((f) => `  ${f}`).join('\n')}`);
