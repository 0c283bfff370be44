// The three languages say the same things: the same keys, no empty text, no order to report.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { reportOrderIn } from './report-words.ts';
import { CONDITIONS } from './rules.ts';
import { GUIDE_TEXTS } from './texts.ts';

const keysOf = (o: object) => Object.keys(o).sort();

test('French, Dutch and German have the same texts, one per condition of the rules table', () => {
  const conditionKeys = Object.entries(CONDITIONS).flatMap(([rule, list]) => list.map(([code]) => `${rule}.${code}`)).sort();
  for (const [language, texts] of Object.entries(GUIDE_TEXTS)) {
    assert.deepEqual(keysOf(texts.conditions), conditionKeys, language);
    for (const part of ['grounds', 'not46bis1Why', 'replies', 'notes'] as const) {
      assert.deepEqual(keysOf(texts[part]), keysOf(GUIDE_TEXTS.fr[part]), `${language} ${part}`);
    }
    const all = [texts.sharedSecrecyProtection, ...[texts.grounds, texts.not46bis1Why, texts.conditions, texts.replies, texts.notes].flatMap(Object.values)];
    for (const text of all) {
      assert.ok(text.trim().length > 10, `${language}: ${text}`);
      assert.equal(reportOrderIn(text), null, `${language}: ${text}`);
    }
  }
});

test('the list of report words catches orders and lets the statement of no duty pass', () => {
  for (const order of ['Vous devez signaler ces faits.', 'Signalez-le au parquet.', 'U moet dit melden bij de politie.', 'Doe aangifte.', 'Melden Sie dies der Polizei.', 'Sie müssen den Fall anzeigen.']) {
    assert.notEqual(reportOrderIn(order), null, order);
  }
  for (const language of ['fr', 'nl', 'de'] as const) assert.equal(reportOrderIn(GUIDE_TEXTS[language].grounds['no-duty-to-report']), null);
});
