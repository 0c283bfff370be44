// The register's statistics: counting, suppression of small counts, and that no suppressed count
// can be recovered from the table's total and its other cells (checked by brute force, not by the
// interval reasoning the implementation uses).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { AUTHOR_ROLES, CHANNELS } from './assess.ts';
import { ITEM_CATEGORIES } from './items.ts';
import { REGISTER_STATES } from './register-state.ts';
import {
  COMPLEMENTARY,
  countYear,
  requestStatistics,
  SMALL,
  statisticsCsv,
  suppressTable,
  type Cell,
  type StatisticsRecord,
} from './statistics.ts';

const record = (patch: Partial<StatisticsRecord> = {}): StatisticsRecord => ({
  received: '2026-03-04',
  authorRole: 'procureur-du-roi',
  channel: 'letter',
  state: 'sent',
  items: [{ item: 'identity', decision: 'disclose' }, { item: 'social-report', decision: 'withhold' }],
  ...patch,
});

test('counts a year by author, channel and outcome; items only once a request is closed', () => {
  const counts = countYear([
    record(),
    record({ state: 'refused', authorRole: 'police', channel: 'phone' }),
    record({ state: 'assessed' }),
    record({ received: '2025-12-31' }),
  ], 2026);
  assert.equal(counts['received-by-author-role']['procureur-du-roi'], 2);
  assert.equal(counts['received-by-author-role'].police, 1);
  assert.equal(counts['received-by-channel'].phone, 1);
  assert.deepEqual(counts.outcomes, { answered: 1, refused: 1, 'returned-for-completion': 0, pending: 1 });
  assert.equal(counts['items-disclosed'].identity, 1, 'the refusal disclosed nothing');
  assert.equal(counts['items-withheld'].identity, 1, 'what a refusal was asked for is withheld');
  assert.equal(counts['items-withheld']['social-report'], 2);
});

test('1 to 4 shows as "< 5", 0 stays 0, and a lone small cell is not left computable from the total', () => {
  const table = suppressTable('outcomes', { answered: 12, refused: 3, 'returned-for-completion': 0, pending: 7 });
  assert.deepEqual(table.cells, { answered: 12, refused: SMALL, 'returned-for-completion': 0, pending: COMPLEMENTARY });
  assert.equal(table.total, 22);
  const small = suppressTable('outcomes', { answered: 2, refused: 0, 'returned-for-completion': 0, pending: 0 });
  assert.deepEqual(small.cells, { answered: SMALL, refused: 0, 'returned-for-completion': 0, pending: 0 });
  assert.equal(small.total, SMALL);
  const solvable = suppressTable('outcomes', { answered: 4, refused: 4, 'returned-for-completion': 0, pending: 0 });
  assert.equal(solvable.withheld, true, '4 + 4 = 8 would give both cells back');
  assert.equal(solvable.total, null);
});

const isSmallNumber = (cell: Cell) => typeof cell === 'number' && cell >= 1 && cell <= 4;

const records = fc.array(
  fc.record({
    received: fc.constantFrom('2025-06-01', '2026-01-15', '2026-11-30'),
    authorRole: fc.constantFrom(...AUTHOR_ROLES),
    channel: fc.constantFrom(...CHANNELS),
    state: fc.constantFrom(...REGISTER_STATES),
    items: fc.option(
      fc.array(fc.record({ item: fc.constantFrom(...ITEM_CATEGORIES), decision: fc.constantFrom('disclose' as const, 'withhold' as const) }), { maxLength: 6 }),
      { nil: null },
    ),
  }),
  { maxLength: 80 },
);

test('property: no published cell or total is a count from 1 to 4, in JSON or CSV', () => {
  fc.assert(
    fc.property(records, (recs) => {
      const stats = requestStatistics(recs, 2026);
      for (const table of stats.tables) {
        assert.ok(!isSmallNumber(table.total), `${table.name} total`);
        for (const [key, cell] of Object.entries(table.cells)) assert.ok(!isSmallNumber(cell), `${table.name}.${key}`);
      }
      for (const line of statisticsCsv(stats).trim().split('\n').slice(1)) {
        assert.doesNotMatch(line.split(',')[3]!, /^[1-4]$/, line);
      }
    }),
    { numRuns: 300 },
  );
});

/** Every value a cell could hold, given how it is shown: a number, "< 5", "≥ 5" (capped for the search). */
const CAP = 14;
const candidates = (cell: Cell): number[] =>
  typeof cell === 'number' ? [cell] : cell === SMALL ? [1, 2, 3, 4] : Array.from({ length: CAP - 4 }, (_, i) => i + 5);

test('property: every suppressed cell keeps at least two values consistent with what is published', () => {
  const smallTables = fc.array(fc.nat({ max: 9 }), { minLength: 2, maxLength: 4 });
  fc.assert(
    fc.property(smallTables, (values) => {
      const counts = Object.fromEntries(values.map((v, i) => [`k${i}`, v]));
      const table = suppressTable('outcomes', counts);
      if (table.withheld) return;
      const keys = Object.keys(counts);
      const totals = typeof table.total === 'number' ? [table.total] : table.total === SMALL ? [1, 2, 3, 4] : [0];
      // Enumerate every assignment of the cells consistent with their display and a published total.
      const possible = keys.map(() => new Set<number>());
      const walk = (i: number, chosen: number[]) => {
        if (i === keys.length) {
          if (totals.includes(chosen.reduce((s, v) => s + v, 0))) chosen.forEach((v, j) => possible[j]!.add(v));
          return;
        }
        for (const v of candidates(table.cells[keys[i]!]!)) walk(i + 1, [...chosen, v]);
      };
      walk(0, []);
      keys.forEach((key, i) => {
        if (typeof table.cells[key] !== 'number') assert.ok(possible[i]!.size >= 2, `${key} of ${JSON.stringify(values)} is recoverable`);
      });
    }),
    { numRuns: 400 },
  );
});

test('the CSV has one line per cell and total, with fixed vocabularies only', () => {
  const csv = statisticsCsv(requestStatistics([record()], 2026));
  const lines = csv.trim().split('\n');
  assert.equal(lines[0], 'year,table,key,count');
  assert.equal(lines.length, 1 + AUTHOR_ROLES.length + CHANNELS.length + 4 + 2 * ITEM_CATEGORIES.length + 5);
  assert.ok(lines.every((l) => /^(year|2026),[a-z-]+,[a-z-]+,(count|\d+|< 5|≥ 5|withheld)$/.test(l)), csv);
});
