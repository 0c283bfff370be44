// Every page of every demo role, in French and in Dutch, read as its reader does: no internal
// camelCase key, no ISO timestamp, no untranslated dictionary key, no English word. The crawl
// follows the links from the home page (src/ui/testing/crawl.ts); the scanner is
// src/ui/testing/page-language.ts. The last test plants a raw key in one page and checks that the
// crawl finds it there, so this test can fail.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { DEMO_PASSWORD, loadDemo } from '../app/load-demo.ts';
import { DEMO_SEED } from '../cli/demo.ts';
import { generateDemo } from '../demo/generate.ts';
import { buildServer } from '../http/server.ts';
import { testContext } from '../testing/fixtures.ts';
import { createTestDatabase, type TestDatabase } from '../testing/test-database.ts';
import { fr } from './i18n/fr.ts';
import { LANG_COOKIE } from './plugin.ts';
import { crawl } from './testing/crawl.ts';
import { PageClient } from './testing/page-client.ts';
import { languageProblems } from './testing/page-language.ts';

let t: TestDatabase;
let app: FastifyInstance;
let logins: { login: string; roles: string[] }[];

before(async () => {
  t = await createTestDatabase();
  const ctx = testContext(t.db, () => new Date('2026-11-30T15:14:37Z'));
  ({ logins } = await loadDemo(ctx, generateDemo(DEMO_SEED, 6)));
  app = await buildServer(ctx);
});
after(async () => {
  await app?.close();
  await t?.drop();
});

// The access log by period is reached through a form; its address is a plain GET, as a DPO bookmarks it.
const START = ['/', '/audit/period?from=2026-11-01&to=2026-11-30'];

async function loggedIn(login: string, lang: 'fr' | 'nl'): Promise<PageClient> {
  const client = new PageClient(app);
  const res = await client.logIn(login, DEMO_PASSWORD);
  assert.equal(res.status, 303, `log-in of ${login}`);
  client.cookies.set(LANG_COOKIE, lang);
  return client;
}

async function problemsOf(login: string, lang: 'fr' | 'nl', limits?: { perKind: number; pages: number }) {
  const pages = await crawl(await loggedIn(login, lang), START, limits);
  if (process.env.CRAWL_DEBUG) console.log(login, lang, pages.map((p) => `${p.url}`).join(' '));
  return { pages, problems: pages.flatMap((p) => languageProblems(p.body, lang).map((problem) => `${lang} ${login} ${p.url}: ${problem.kind} "${problem.text}"`)) };
}

test('every page of every demo role, in French and in Dutch, speaks the reader’s language', async () => {
  const accounts = logins.filter((l) => /@(namur|gent)$/.test(l.login));
  const roles = new Set(accounts.flatMap((a) => a.roles));
  assert.ok(roles.has('council-member') && roles.has('it-admin') && roles.has('dpo'), 'every role is crawled');
  const found: string[] = [];
  let crawled = 0;
  for (const { login } of accounts) {
    for (const lang of ['fr', 'nl'] as const) {
      const { pages, problems } = await problemsOf(login, lang);
      assert.ok(pages.length >= 2, `${login} reaches pages`);
      crawled += pages.length;
      found.push(...problems);
    }
  }
  assert.ok(crawled > 100, `${crawled} pages crawled`);
  const distinct = [...new Set(found)];
  assert.equal(distinct.length, 0, `\n${distinct.join('\n')}`);
});

test('the scan can fail: a raw key planted in one page is found on that page', async () => {
  const dictionary = fr as Record<string, unknown>;
  const original = dictionary['caseload.title'];
  dictionary['caseload.title'] = 'caseloadTitle 2026-11-30T15:14:37.114Z log.title the';
  try {
    const { problems } = await problemsOf('social-worker@namur', 'fr', { perKind: 1, pages: 5 });
    const onCaseload = problems.filter((p) => p.includes(' /caseload: '));
    for (const kind of ['camel-case-key "caseloadTitle"', 'iso-timestamp "2026-11-30T15:14:37.114Z"', 'dictionary-key "log.title"', 'english-word "the"']) {
      assert.ok(onCaseload.some((p) => p.endsWith(kind)), `${kind} in ${onCaseload.join('\n')}`);
    }
  } finally {
    dictionary['caseload.title'] = original;
  }
});
