// The register's statistics page: the yearly figures as SVG charts with a table beside each, the
// same "< 5" suppression as the CSV (no count between 1 and 4 anywhere on the page), the CSV and
// JSON downloads, a bad year refused naming the field without echoing it, and nobody outside the
// register's readers.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { logInAs, openUiWorld, type UiWorld } from './testing/ui-world.ts';

let app: FastifyInstance;
let world: UiWorld;
const clock = new Date('2026-11-28T09:00:00Z');
before(async () => {
  world = await openUiWorld(() => clock);
  ({ app } = world);
});
after(() => world?.close());

const as = (login: string) => logInAs(app, login);

/** Every figure the page prints: table cells and chart labels. */
function figuresOf(body: string): string[] {
  const cells = [...body.matchAll(/<td class="govuk-table__cell govuk-table__cell--numeric">([^<]*)<\/td>/g)].map((m) => m[1]!);
  const bars = [...body.matchAll(/<text [^>]*class="app-chart__value">([^<]*)<\/text>/g)].map((m) => m[1]!);
  return [...cells, ...bars];
}

describe('statistics page', () => {
  test('charts with a table beside each, no count between 1 and 4, downloads for the readers of the register', async () => {
    for (const login of ['directrice@namur', 'president@namur', 'dpo@namur']) {
      const client = await as(login);
      const page = await client.get('/requests/statistics?year=2026');
      assert.equal(page.status, 200, login);
      assert.match(page.body, /<svg class="app-chart" role="img" aria-labelledby="stat-outcomes-chart-title stat-outcomes-chart-desc"/);
      assert.match(page.body, /<table class="govuk-table"/);
      const figures = figuresOf(page.body);
      assert.ok(figures.length >= 40, `${login}: every table is shown (${figures.length} figures)`);
      for (const figure of figures) {
        assert.ok(!/^[1-4]$/.test(figure.trim()), `${login}: a count between 1 and 4 is shown: ${figure}`);
      }
      assert.ok(figures.some((f) => f.includes('&lt; 5')), 'the fixture has small counts, shown as < 5');
      const csv = await client.get('/requests/statistics.csv?year=2026');
      assert.equal(csv.status, 200);
      assert.match(String(csv.headers['content-type']), /^text\/csv/);
      assert.ok(csv.body.startsWith('year,table,key,count\n'));
      for (const line of csv.body.trim().split('\n').slice(1)) assert.ok(!/,[1-4]$/.test(line), line);
      const json = await client.get('/requests/statistics.json?year=2026');
      assert.equal(JSON.parse(json.body).year, 2026);
    }
  });

  test('a bad year is refused, naming the field and not echoing it; a delegate and the social service are refused', async () => {
    const director = await as('directrice@namur');
    for (const year of ['abc', '1999', '2999', '2026<script>']) {
      const page = await director.get(`/requests/statistics?year=${encodeURIComponent(year)}`);
      assert.equal(page.status, 400, year);
      assert.match(page.body, /Année/);
      assert.ok(!page.body.includes('abc') && !page.body.includes('2999') && !page.body.includes('2026&lt;script'), 'the value is not echoed');
    }
    for (const login of ['assistant-social@namur', 'secretariat@namur', 'agent@namur']) {
      const page = await (await as(login)).get('/requests/statistics');
      assert.equal(page.status, 403, login);
    }
  });
});
