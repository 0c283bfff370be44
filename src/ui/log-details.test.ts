// The access log's details in words: the issue's own example, every key and value the
// application writes (read from its source), and the fallback for a key or value without a label.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import fc from 'fast-check';
import { OPERATIONS } from '../domain/access-policy.ts';
import { LANGS, translator } from './i18n/index.ts';
import { logDetails } from './log-details.ts';

const text = (html: { toString(): string }) => html.toString().replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

test('the issue’s entry reads in words and Brussels time, in every language', () => {
  const details = { operation: 'read-request', view: 'register', reason: 'policy', withheldForSecrecyOfMeasure: 0, expiresAt: '2026-11-30T15:14:37.114Z' };
  const expected = {
    fr: ['Opération : Lecture d’une demande', 'Règles d’accès', 'Registre des demandes', 'Accès tus (secret de la mesure) : 0', '30 novembre 2026 à 16:14'],
    nl: ['Handeling: Inzage van een verzoek', 'Toegangsregels', 'Register van de verzoeken', '30 november 2026 om 16:14'],
    de: ['Vorgang: Einsicht in ein Ersuchen', 'Zugriffsregeln', 'Register der Ersuchen', '30. November 2026 um 16:14'],
  };
  for (const lang of LANGS) {
    const shown = text(logDetails(translator(lang), details));
    for (const part of expected[lang]) assert.ok(shown.includes(part), `${lang}: ${part} in ${shown}`);
    for (const raw of ['read-request', 'register', 'policy', 'withheldForSecrecyOfMeasure', 'expiresAt', '2026-11-30T', 'Z']) assert.ok(!shown.split(' ').includes(raw) && !shown.includes(`${raw}:`), `${lang}: ${raw}`);
    assert.doesNotMatch(shown, /\d{4}-\d{2}-\d{2}T/);
  }
});

// A key without a label might be anything a future use case logs: it is counted, never printed.
test('a key without a label is never shown, only counted; a value without a label is said to have none', () => {
  const t = translator('fr');
  fc.assert(fc.property(fc.stringMatching(/^[a-z][A-Za-z]{5,24}$/), fc.stringMatching(/^[a-z][a-z-]{5,24}$/), (key, value) => {
    fc.pre(!t.has(`logDetail.${key}`));
    const shown = text(logDetails(t, { [key]: value, count: 3 }));
    assert.ok(!shown.includes(key), shown);
    assert.ok(!shown.includes(value), shown);
    assert.match(shown, /1 détail technique non affiché/);
    assert.match(shown, /Nombre de résultats : 3/);
  }));
  const unlabelled = text(logDetails(t, { operation: 'frobnicate-everything' }));
  assert.ok(!unlabelled.includes('frobnicate'), unlabelled);
  assert.match(unlabelled, /Opération : valeur sans libellé/);
});

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? sources(join(dir, d.name)) : d.name.endsWith('.ts') && !d.name.includes('.test.') ? [join(dir, d.name)] : []));
}

function objectBody(source: string, open: number): string {
  let depth = 0;
  for (let i = open; i < source.length; i++) {
    if (source[i] === '{') depth++;
    if (source[i] === '}' && --depth === 0) return source.slice(open + 1, i);
  }
  return '';
}

/** The keys and literal values of every `details` object the application and the portal write. */
function loggedWords(): { keys: Set<string>; values: Set<string> } {
  const keys = new Set<string>();
  const values = new Set<string>(Object.keys(OPERATIONS));
  for (const file of [...sources('src/app'), ...sources('src/citizen')]) {
    const source = readFileSync(file, 'utf8');
    for (const m of source.matchAll(/details(?: =|:) \{/g)) {
      const body = objectBody(source, m.index + m[0].length - 1).replace(/\$\{[^}]*\}/g, '');
      for (const k of body.matchAll(/(?:^|[{,]\s*)'?([A-Za-z][A-Za-z0-9]*)'?(?=\s*[:,}]|\s*$)/g)) keys.add(k[1]!);
      for (const v of body.matchAll(/'([a-z][a-z-]+)'/g)) values.add(v[1]!);
    }
    for (const m of source.matchAll(/(?:operation: |StaffOperation\(tx, ctx, \w+, )'([a-z-]+)'/g)) values.add(m[1]!);
  }
  for (const event of ['refuse', 'return']) values.add(`${event}-request`);
  return { keys, values };
}

test('every key and literal value the application logs has a label in every language', () => {
  const { keys, values } = loggedWords();
  assert.ok(keys.has('withheldForSecrecyOfMeasure') && values.has('read-request'), 'the scan finds the details');
  for (const lang of LANGS) {
    const t = translator(lang);
    for (const key of keys) assert.ok(t.has(`logDetail.${key}`), `${lang}: logDetail.${key}`);
    for (const value of values) {
      const shown = text(logDetails(t, { operation: value }));
      assert.ok(!shown.includes(t.t('logValue.unlabelled')), `${lang}: a label for "${value}"`);
    }
  }
});
