// docs/legal-model.md says what the code applies: its generated tables match the code, and every
// rule the code names is in it with its source.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { renderLegalModelTables, withGeneratedTables } from './legal-model-doc.ts';
import { GUIDE_RULES } from '../guide/rules.ts';
import { REGISTER_RULES } from './register-rules.ts';
import { RULES } from './rules.ts';

const doc = readFileSync('docs/legal-model.md', 'utf8');

test('the generated tables of docs/legal-model.md are current (run npx tsx scripts/legal-model.ts)', () => {
  assert.equal(withGeneratedTables(doc), doc);
  assert.ok(doc.includes(renderLegalModelTables()));
});

test('every rule applied is in the document with its source and status', () => {
  for (const rule of [...RULES, ...REGISTER_RULES]) {
    assert.ok(doc.includes(`| ${rule.id} |`), rule.id);
    assert.ok(doc.includes(rule.source.replace(/\|/g, '\\|')), `${rule.id} source`);
  }
  for (const rule of GUIDE_RULES) {
    assert.ok(doc.includes(`| ${rule.id} | ${rule.when.replace(/\|/g, '\\|')} |`), rule.id);
    assert.ok(doc.includes(rule.sources.replace(/\|/g, '\\|')), `${rule.id} source`);
  }
  assert.match(doc, /C\.C\. 44\/2019/);
  assert.match(doc, /no active reporting/i);
});
