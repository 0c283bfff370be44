import { test } from 'node:test';
import assert from 'node:assert/strict';
import { citeIn, FRENCH_MARKERS } from './citations.ts';
import { DEFAULT_ITEM_TREATMENT, ITEM_CATEGORIES } from './items.ts';
import { refOf, RULES } from './rules.ts';

const SOURCES = [...ITEM_CATEGORIES.map((c) => DEFAULT_ITEM_TREATMENT[c].ref), ...RULES.map((r) => refOf(r.id))];

test('every source the assessment cites reads in Dutch and German legal abbreviations, no French word left', () => {
  for (const lang of ['nl', 'de'] as const) {
    for (const source of SOURCES) {
      const cited = citeIn(lang, source);
      for (const marker of FRENCH_MARKERS) assert.ok(!cited.includes(marker), `${lang}: "${marker}" left in "${cited}"`);
    }
  }
});

test('the usual citations, as a Dutch-speaking lawyer writes them', () => {
  assert.equal(citeIn('nl', 'R9: art. 46bis/1 §1 CIC; C.C. 44/2019, B.11 et B.23.1'), 'R9: art. 46bis/1 §1 Sv.; GwH nr. 44/2019, B.11 en B.23.1');
  assert.equal(citeIn('nl', 'art. 458 C. pén.'), 'art. 458 Sw.');
  assert.equal(citeIn('fr', 'art. 458 C. pén.'), 'art. 458 C. pén.');
});
