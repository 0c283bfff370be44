import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  catalogueOf,
  DEFAULT_OFFENCE_CATALOGUE_SETTINGS,
  editionOf,
  formatOffenceReference,
  InvalidArticleError,
  NEW_BOOK_II_FROM,
  normaliseArticle,
  parseOffenceReference,
  TITLE_IERTER_ARTICLES,
  type OffenceCode,
} from './offences.ts';

test('article numbers are normalised the way requests write them', () => {
  const cases: [string, string][] = [
    ['140', '140'],
    ['140 bis', '140bis'],
    ['140bis', '140bis'],
    ['Art. 140bis', '140bis'],
    ['art 140 bis', '140bis'],
    ['Article 140sexies', '140sexies'],
    ['140BIS', '140bis'],
    ['137§1', '137'],
    ['137 §1', '137'],
    ['137, § 1er', '137'],
    ['137 § 2, 3°', '137'],
    ['137, al. 2', '137'],
    ['  141ter ', '141ter'],
    ['140\u00a0quinquies', '140quinquies'],
    ['433quinquiesdecies', '433quinquiesdecies'],
  ];
  for (const [written, normalised] of cases) assert.equal(normaliseArticle(written), normalised, written);
});

test('things that are not one article number are rejected, not guessed', () => {
  for (const text of ['', 'radicalisation', 'terrorisme', '140 foo', '137 à 141ter', '137-141', 'bis', '0140', '1e3', '140,141', '1402024', '140 Sv.', '140 CIC']) {
    assert.throws(() => parseOffenceReference(text), (error: unknown) => {
      assert.ok(error instanceof InvalidArticleError, text);
      assert.equal(error.text, text);
      assert.match(error.message, /not an article of the Code pénal/);
      return true;
    });
  }
});

test('references are read with the edition of the Code pénal they write, in French, Dutch and German', () => {
  const cases: [string, string, OffenceCode | null][] = [
    ['art. 140 Sw. 1867', '140', '1867'],
    ['art. 140 C. pén. (1867)', '140', '1867'],
    ['art. 140 CP 2024', '140', '2024'],
    ['Art. 140bis C.P. 2024', '140bis', '2024'],
    ['art. 140 du Code pénal de 1867', '140', '1867'],
    ['art. 140 van het Strafwetboek van 1867', '140', '1867'],
    ['art. 140 StGB 1867', '140', '1867'],
    ['art. 137, §1, 2° C. pén. (1867)', '137', '1867'],
    ['140 ancien Code pénal', '140', '1867'],
    ['art. 140 oud Sw.', '140', '1867'],
    ['140 nieuw Strafwetboek', '140', '2024'],
    ['140 (2024)', '140', '2024'],
    ['140bis (1867)', '140bis', '1867'],
    // The code without its edition says nothing about which code: still ambiguous after the switch.
    ['140 Sw.', '140', null],
    ['art. 140 C. pén.', '140', null],
    ['140', '140', null],
  ];
  for (const [written, article, code] of cases) {
    assert.deepEqual(parseOffenceReference(written), { article, code }, written);
    assert.deepEqual(parseOffenceReference(formatOffenceReference({ article, code })), { article, code }, `canonical ${written}`);
  }
  // Contradictions and editions on a bare configuration article are rejected.
  assert.throws(() => parseOffenceReference('140 ancien Code pénal 2024'), InvalidArticleError);
  assert.throws(() => parseOffenceReference('140 nieuw Sw. 1867'), InvalidArticleError);
  assert.throws(() => normaliseArticle('140 CP 2024'), InvalidArticleError);
});

test('the 1867 catalogue is Title Ierter; the 2024 catalogue is empty and unreviewed until the legal service confirms it', () => {
  const old = catalogueOf('1867', DEFAULT_OFFENCE_CATALOGUE_SETTINGS);
  assert.equal(old.reviewed, true);
  assert.deepEqual(
    old.articles,
    ['137', '138', '139', '140', '140bis', '140ter', '140quater', '140quinquies', '140sexies', '140septies', '141'],
  );
  assert.deepEqual(old.articles, [...TITLE_IERTER_ARTICLES]);
  // 141bis (armed forces) and 141ter (fundamental rights) are in the title but define no offence.
  assert.deepEqual(old.notOffences, ['141bis', '141ter']);
  const unreviewed = catalogueOf('2024', DEFAULT_OFFENCE_CATALOGUE_SETTINGS);
  assert.equal(unreviewed.reviewed, false);
  assert.deepEqual(unreviewed.articles, []);
  const confirmed = catalogueOf('2024', {
    newBookIIFrom: NEW_BOOK_II_FROM,
    newBookII: { id: 'namur-livre2-2026-05', articles: ['400'], source: 'Service juridique, décision du 12/05/2026' },
  });
  assert.deepEqual([confirmed.id, confirmed.reviewed, confirmed.articles], ['namur-livre2-2026-05', true, ['400']]);
});

test('the edition of a reference: written, else declared, else 1867 before the switch, else none (ambiguous)', () => {
  const settings = DEFAULT_OFFENCE_CATALOGUE_SETTINGS;
  assert.equal(NEW_BOOK_II_FROM, '2026-04-08', 'the law: two years after the Moniteur of 8 April 2024');
  const bare = { article: '140', code: null };
  assert.equal(editionOf(bare, undefined, '2026-04-07', settings), '1867');
  assert.equal(editionOf(bare, undefined, NEW_BOOK_II_FROM, settings), null);
  assert.equal(editionOf(bare, '1867', '2030-01-01', settings), '1867');
  assert.equal(editionOf(bare, '2024', '2026-01-01', settings), '2024');
  assert.equal(editionOf({ article: '140', code: '1867' }, undefined, '2031-01-01', settings), '1867');
  assert.equal(editionOf({ article: '140', code: '2024' }, '1867', '2031-01-01', settings), '2024');
  const postponed = { ...settings, newBookIIFrom: '2026-09-01' };
  assert.equal(editionOf(bare, undefined, '2026-08-31', postponed), '1867');
  assert.equal(editionOf(bare, undefined, '2026-09-01', postponed), null);
});
