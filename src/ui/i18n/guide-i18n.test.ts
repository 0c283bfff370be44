// The guide's page texts in the three languages: none orders or invites a report (R22, R36).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { reportOrderIn } from '../../domain/guide/report-words.ts';
import { deGuide } from './de-guide.ts';
import { frGuide } from './fr-guide.ts';
import { nlGuide } from './nl-guide.ts';

test('no text of the guide page orders a report, in French, Dutch or German', () => {
  for (const [lang, dictionary] of [['fr', frGuide], ['nl', nlGuide], ['de', deGuide]] as const) {
    for (const [key, text] of Object.entries(dictionary)) {
      assert.equal(reportOrderIn(text), null, `${lang} ${key}: ${text}`);
      assert.doesNotMatch(text, /\b(signaler|dénoncer|signalement|melden|aangeven|anzeigen)\b/i, `${lang} ${key}`);
    }
  }
});
