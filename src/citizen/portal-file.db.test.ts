// The person's own pages through the portal, logged in through the real local provider: only
// administrative data (canaries planted in every secret field of the person never appear in any
// response, nor the authority's request about them); the same pages for someone the CPAS does not
// know; no id or parameter reaches another person's data; every view logged with the person as actor.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import fc from 'fast-check';
import { parseEntry } from '../domain/access-log-view.ts';
import { pdfTestSkip, pdfText } from '../testing/pdf-text.ts';
import { type Fetched, type PortalWorld, startPortalWorld, TestBrowser } from './testing/portal-world.ts';
import { keepTogether } from '../ui/i18n/index.ts';

let world: PortalWorld;
let known: TestBrowser;
let unknown: TestBrowser;
const PAGES = ['/citizen', '/citizen/file', '/citizen/accesses', '/citizen/accesses.pdf', '/citizen/requests'];

before(async () => {
  world = await startPortalWorld();
  known = new TestBrowser();
  await known.logIn(world.baseUrl, 1);
  unknown = new TestBrowser();
  await unknown.logIn(world.baseUrl, 2);
});
after(() => world.close());

const textOf = (r: Fetched) => r.body;
async function visible(browser: TestBrowser, path: string): Promise<{ status: number; text: string }> {
  if (path.endsWith('.pdf')) {
    const response = await fetch(`${world.baseUrl}${path}`, { headers: { cookie: [...browser.cookies].map(([k, v]) => `${k}=${v}`).join('; ') } });
    const bytes = Buffer.from(await response.arrayBuffer());
    return { status: response.status, text: pdfTestSkip() ? bytes.toString('latin1') : pdfText(bytes) };
  }
  const r = await browser.fetch(`${world.baseUrl}${path}`);
  return { status: r.status, text: textOf(r) };
}

function assertNothingSecret(where: string, text: string): void {
  for (const canary of [...world.planted.canaries, ...world.planted.authorityTraces, ...world.planted.otherCanaries]) {
    assert.ok(!text.includes(canary), `${where} shows "${canary}"`);
  }
  assert.ok(!text.includes(world.planted.personId), `${where} shows an internal id`);
}

describe('what the person sees', () => {
  test('my file: identity, addresses, household, contact, account, applications and decisions', async () => {
    const { status, text } = await visible(known, '/citizen/file');
    assert.equal(status, 200);
    for (const expected of ['Dubois', 'Marie', world.planted.niss, 'Rue de Fer', 'Rue des Brasseurs', 'Léa', 'p@example.org', 'BE68539007547034',
      'Revenu d’intégration', 'Accordée', '1263,85']) {
      assert.ok(text.replace(/\s/g, '').includes(expected.replace(/\s/g, '')), `my file shows ${expected}`);
    }
  });

  test('who consulted my file: staff by role and service, break-glass marked, no names by default, newest first', async () => {
    const { status, text } = await visible(known, '/citizen/accesses');
    assert.equal(status, 200);
    assert.match(text, new RegExp(`${keepTogether('Assistant·e social·e')} \\(Service social\\)`));
    assert.match(text, new RegExp(`${keepTogether('Agent·e administratif·ve')} \\(Administration\\)`));
    assert.match(text, /Accès d’urgence/);
    assert.ok(!text.includes('other-social-worker'), 'no staff name');
    const times = [...text.matchAll(/<th scope="row" class="govuk-table__header">([^<]+)<\/th>/g)].map((m) => m[1]!);
    assert.ok(times.length >= 4);
  });

  test('no page and no PDF shows any secret content, the authority request, or another person', { skip: pdfTestSkip() }, async () => {
    for (const path of PAGES) {
      const { status, text } = await visible(known, path);
      assert.equal(status, 200, path);
      assertNothingSecret(path, text);
    }
    const pdf = await visible(known, '/citizen/accesses.pdf');
    assert.match(pdf.text, /Assistant·e social·e/);
  });

  test('every view is logged with the person as actor, and the withheld authority entries are counted', async () => {
    await visible(known, '/citizen/file');
    await visible(known, '/citizen/accesses');
    const rows = await world.db.db.ownerTransaction((tx) => tx.query<{ entry_text: string }>(
      'SELECT entry_text FROM access_log_entry WHERE cpas_id = $1 AND person_id = $2 ORDER BY seq', [world.cpas.cpasId, world.planted.personId]));
    const own = rows.map((r) => parseEntry(r.entry_text)).filter((e) => e.actor === 'person');
    assert.ok(own.some((e) => e.details.view === 'citizen-file' && e.user === null && e.rule === 'own-file' && e.roles.length === 0));
    const history = own.filter((e) => e.details.view === 'citizen-access-history');
    assert.ok(history.length > 0);
    assert.ok(Number(history.at(-1)!.details.withheldForSecrecyOfMeasure) > 0, 'the omission is logged');
    assert.ok(own.every((e) => !e.classes.some((c) => ['social-report', 'social-notes', 'medical-data', 'piis', 'opinions'].includes(c))));
  });
});

describe('no existence oracle', () => {
  test('someone the CPAS does not know gets the same statuses and the same page structure, with nothing in it', async () => {
    for (const path of PAGES) {
      const a = await visible(known, path);
      const b = await visible(unknown, path);
      assert.equal(b.status, a.status, path);
      if (!path.endsWith('.pdf')) {
        const headings = (s: string) => [...s.matchAll(/<h[12][^>]*>([^<]*)</g)].map((m) => m[1]);
        assert.deepEqual(headings(b.text), headings(a.text), `${path}: same headings`);
      }
      assertNothingSecret(path, b.text);
      assert.ok(!b.text.includes('Dubois'));
    }
  });

  test('answer times are of the same order of magnitude', async () => {
    const median = async (browser: TestBrowser) => {
      const times: number[] = [];
      for (let i = 0; i < 7; i++) {
        const started = performance.now();
        await browser.fetch(`${world.baseUrl}/citizen/file`);
        times.push(performance.now() - started);
      }
      return times.sort((x, y) => x - y)[3]!;
    };
    const [k, u] = [await median(known), await median(unknown)];
    assert.ok(u < k * 10 && k < u * 10, `known ${k.toFixed(1)} ms, unknown ${u.toFixed(1)} ms`);
  });

  test('the person of another CPAS with the same national number is never shown', async () => {
    const { text } = await visible(known, '/citizen/file');
    assert.ok(!text.includes('Homonyme'));
  });
});

describe('no id or parameter reaches another person', () => {
  test('any path or query naming another person shows only the own file or nothing', async () => {
    const ids = [world.planted.otherPersonId, world.planted.foreignPersonId, world.planted.otherNiss, world.other.cpasId];
    await fc.assert(fc.asyncProperty(
      fc.constantFrom('/citizen/file', '/citizen/accesses', '/citizen', '/citizen/file/', '/citizen/accesses/', '/citizen/person/'),
      fc.constantFrom('personId', 'person', 'id', 'niss', 'cpas', 'cpasId', 'subject'),
      fc.constantFrom(...ids),
      fc.boolean(),
      async (path, key, id, inPath) => {
        const url = inPath ? `${path.replace(/\/?$/, '/')}${id}` : `${path}?${key}=${encodeURIComponent(id)}`;
        const r = await known.fetch(`${world.baseUrl}${url}`);
        assert.ok(r.status === 200 || r.status === 404, `${url}: ${r.status}`);
        for (const canary of [...world.planted.otherCanaries, 'Homonyme']) assert.ok(!r.body.includes(canary), `${url} shows ${canary}`);
      },
    ), { numRuns: 60 });
  });

  test('a session cookie moved to another CPAS id opens nothing', async () => {
    const cookie = known.cookies.get('confiance_citizen')!;
    const forged = new TestBrowser();
    forged.cookies.set('confiance_citizen', `${world.other.cpasId}${cookie.slice(cookie.indexOf('.'))}`);
    const r = await forged.fetch(`${world.baseUrl}/citizen/file`);
    assert.equal(r.status, 303);
    assert.equal(r.location, `${world.baseUrl}/citizen?session=expired`);
  });
});

describe('what my CPAS may and may not share', () => {
  test('in French, Dutch, German and English, full and easy to read, with the legal points and the DPO', async () => {
    const legal = { fr: 'Autorité de protection des données', nl: 'Gegevensbeschermingsautoriteit', de: 'Datenschutzbehörde', en: 'Data Protection Authority' };
    for (const [lang, authority] of Object.entries(legal)) {
      const browser = new TestBrowser();
      await browser.fetch(`${world.baseUrl}/citizen/language/${lang}`);
      const full = await browser.fetch(`${world.baseUrl}/citizen/sharing`);
      assert.equal(full.status, 200);
      assert.match(full.body, new RegExp(`<html lang="${lang}"`));
      for (const point of ['46bis/1', '44/2019', '458', authority, world.options.dpoContact, '15', '16', '21']) assert.ok(full.body.includes(point), `${lang}: ${point}`);
      const easy = await browser.fetch(`${world.baseUrl}/citizen/sharing/easy`);
      assert.equal(easy.status, 200);
      assert.ok(easy.body.includes(world.options.dpoContact));
      assert.ok(easy.body.length < full.body.length, `${lang}: the easy version is shorter`);
    }
  });
});

describe('rights requests in the portal', () => {
  const form = (browser: TestBrowser, fields: Record<string, string>) => browser.fetch(`${world.baseUrl}/citizen/requests`, fields);
  const tokenOf = async (browser: TestBrowser) => /name="_csrf" value="([^"]+)"/.exec((await browser.fetch(`${world.baseUrl}/citizen/requests`)).body)![1]!;

  test('a request is sent with the CSRF token, listed with its deadline; without the token it is refused', async () => {
    assert.equal((await form(known, { kind: 'copy', statement: '' })).status, 403, 'no CSRF token');
    const sent = await form(known, { _csrf: await tokenOf(known), kind: 'copy', statement: '' });
    assert.equal(sent.status, 303);
    const page = await known.fetch(`${world.baseUrl}/citizen/requests?sent=1`);
    assert.match(page.body, /Une copie de mes rapports sociaux/);
    assert.match(page.body, /Réponse au plus tard le/);
  });

  test('bad input: 400 naming the field, never echoing a forged kind', async () => {
    const r = await form(known, { _csrf: await tokenOf(known), kind: '<script>evil-kind</script>', statement: '' });
    assert.equal(r.status, 400);
    assert.match(r.body, /href="#kind"/);
    assert.ok(!r.body.includes('evil-kind'));
    const s = await form(known, { _csrf: await tokenOf(known), kind: 'correction', statement: '' });
    assert.equal(s.status, 400);
    assert.match(s.body, /href="#statement"/);
  });

  test('someone the CPAS does not know sees the same answers, and nothing is recorded', async () => {
    assert.equal((await form(unknown, { _csrf: await tokenOf(unknown), kind: 'copy', statement: '' })).status, 303);
    const page = await unknown.fetch(`${world.baseUrl}/citizen/requests?sent=1`);
    assert.equal(page.status, 200);
    assert.ok(!page.body.includes('Réponse au plus tard le'));
  });

  test('a copy id that is not an approved copy of mine, or not an id at all, is not found', async () => {
    for (const id of [world.planted.otherPersonId, 'not-a-uuid', "1' OR '1'='1"]) {
      const r = await known.fetch(`${world.baseUrl}/citizen/requests/${encodeURIComponent(id)}/copy.pdf`);
      assert.equal(r.status, 404, id);
    }
  });
});
