import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  ARTICLE_46BIS1_IN_FORCE,
  DEFAULT_OFFENCE_CATALOGUE_SETTINGS,
  InvalidArticleError,
  NEW_BOOK_II_FROM,
  normaliseArticle,
  offenceCatalogueFor,
  offenceCatalogueVersions,
  TITLE_IERTER_ARTICLES,
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
  for (const text of ['', 'radicalisation', 'terrorisme', '140 foo', '137 à 141ter', '137-141', 'bis', '0140', '1e3', '140,141']) {
    assert.throws(() => normaliseArticle(text), (error: unknown) => {
      assert.ok(error instanceof InvalidArticleError, text);
      assert.equal(error.text, text);
      assert.match(error.message, /not an article number of the Code pénal/);
      return true;
    });
  }
});

test('the first version is Title Ierter, from the entry into force of art. 46bis/1 to the new Book II', () => {
  const [first, second, ...more] = offenceCatalogueVersions(DEFAULT_OFFENCE_CATALOGUE_SETTINGS);
  assert.equal(more.length, 0);
  assert.ok(first && second);
  assert.equal(first.validFrom, '2017-09-01');
  assert.equal(first.validUntil, NEW_BOOK_II_FROM);
  assert.equal(first.reviewed, true);
  assert.deepEqual(first.articles, [...TITLE_IERTER_ARTICLES]);
  assert.deepEqual(
    first.articles,
    ['137', '138', '139', '140', '140bis', '140ter', '140quater', '140quinquies', '140sexies', '140septies', '141'],
  );
  // 141bis (armed forces) and 141ter (fundamental rights) are in the title but define no offence.
  assert.deepEqual(first.notOffences, ['141bis', '141ter']);
  assert.equal(second.validFrom, first.validUntil, 'no gap between versions');
  assert.equal(second.validUntil, null);
});

test('the new Book II is unreviewed and empty until the legal service confirms it', () => {
  const version = offenceCatalogueFor(NEW_BOOK_II_FROM, DEFAULT_OFFENCE_CATALOGUE_SETTINGS);
  assert.equal(version?.reviewed, false);
  assert.deepEqual(version?.articles, []);
});

test('the version is chosen by the date of the request, switch dates included in the later version', () => {
  const idOn = (dated: string) => offenceCatalogueFor(dated, DEFAULT_OFFENCE_CATALOGUE_SETTINGS)?.id ?? null;
  assert.equal(idOn('2017-08-31'), null);
  assert.equal(idOn(ARTICLE_46BIS1_IN_FORCE), 'cp-1867-livre2-titre1ter');
  assert.equal(idOn('2026-04-08'), 'cp-1867-livre2-titre1ter');
  assert.equal(idOn('2026-04-09'), 'cp-2024-livre2-non-revu');
  assert.equal(idOn('2031-01-01'), 'cp-2024-livre2-non-revu');
});

test('a confirmation by the legal service becomes the reviewed version of the new period', () => {
  const settings = {
    newBookIIFrom: '2026-03-01',
    newBookII: { id: 'namur-livre2-2026-05', articles: ['140'], source: 'Service juridique, décision du 12/05/2026' },
  };
  assert.equal(offenceCatalogueFor('2026-02-28', settings)?.id, 'cp-1867-livre2-titre1ter');
  const version = offenceCatalogueFor('2026-03-01', settings);
  assert.equal(version?.id, 'namur-livre2-2026-05');
  assert.equal(version?.reviewed, true);
  assert.deepEqual(version?.articles, ['140']);
});
