import { test } from 'node:test';
import { runJsonCli } from '../testing/guide-cli.ts';
import assert from 'node:assert/strict';
import { runRequestsAssess } from './requests-assess.ts';

const REQUEST = {
  dated: '2025-03-03',
  channel: 'letter',
  author: { role: 'procureur-du-roi' },
  reasoned: true,
  offences: ['140'],
  subjects: [{ niss: '85073003328' }],
  items: ['domicile-address', 'household-composition', 'social-report'],
};

const run = (args: string[], files: Record<string, string> = {}, stdin = '') => runJsonCli(runRequestsAssess, args, files, stdin);

test('prints the assessment as pretty JSON and exits 0', async () => {
  const result = await run(['request.json'], { 'request.json': JSON.stringify(REQUEST) });
  assert.equal(result.code, 0);
  assert.equal(result.stderr, '');
  const assessment = JSON.parse(result.stdout);
  assert.equal(assessment.outcome, 'answer');
  assert.deepEqual(
    assessment.items.map((i: { decision: string }) => i.decision),
    ['disclose', 'legal-review', 'withhold'],
  );
  assert.equal(assessment.configuration.id, 'default-2026-11');
  assert.ok(result.stdout.startsWith('{\n  "qualifies": true,'), 'two-space indentation');
  assert.ok(result.stdout.endsWith('}\n'));
});

test('reads the request from standard input with -, and exits 0 when the request is refused', async () => {
  const result = await run(['-'], {}, `\uFEFF${JSON.stringify({ ...REQUEST, channel: 'phone' })}`);
  assert.equal(result.code, 0);
  assert.equal(JSON.parse(result.stdout).outcome, 'refuse');
});

test('input that does not follow the contract: one line on stderr naming the field, never the value, exit 2', async () => {
  const result = await run(['r.json'], { 'r.json': JSON.stringify({ ...REQUEST, items: ['social-reports'] }) });
  assert.equal(result.code, 2);
  assert.equal(result.stdout, '');
  assert.match(result.stderr, /^items\[0\]: the text is not an item category \(expected one of .*\)\n$/);
  assert.equal(result.stderr.trimEnd().split('\n').length, 1);

  const badDate = await run(['r.json'], { 'r.json': JSON.stringify({ ...REQUEST, dated: '2025-02-30' }) });
  assert.equal(badDate.code, 2);
  assert.equal(badDate.stderr, 'dated: the text is not a real calendar date (expected YYYY-MM-DD)\n');
});

test('not JSON, or an unreadable file, exits 2 without echoing the content', async () => {
  const notJson = await run(['-'], {}, 'Monsieur le Directeur, veuillez nous transmettre le dossier de Jeanne Secret');
  assert.equal(notJson.code, 2);
  assert.equal(notJson.stderr, 'request: standard input is not valid JSON\n');
  const missing = await run(['nowhere.json']);
  assert.equal(missing.code, 2);
  assert.equal(missing.stderr, 'request: cannot read "nowhere.json" (ENOENT)\n');
});

test('bad arguments exit 2 with the usage', async () => {
  for (const args of [[], ['a.json', 'b.json'], ['--verbose', 'a.json'], ['a.json', '--config']]) {
    const result = await run(args);
    assert.equal(result.code, 2, args.join(' '));
    assert.match(result.stderr, /usage: confiance requests assess FILE\|- \[--config FILE\]\)?\n$/);
  }
});

test('--config FILE decides the open categories and is named in the answer', async () => {
  const config = {
    id: 'namur-2026-05',
    itemOverrides: {
      'household-composition': { decision: 'disclose', reason: 'Décision du service juridique.', ref: 'SJ 12/05/2026' },
    },
  };
  const files = { 'r.json': JSON.stringify(REQUEST), 'c.json': JSON.stringify(config) };
  const result = await run(['r.json', '--config', 'c.json'], files);
  assert.equal(result.code, 0, result.stderr);
  const assessment = JSON.parse(result.stdout);
  assert.equal(assessment.configuration.id, 'namur-2026-05');
  assert.equal(assessment.items[1].decision, 'disclose');
});

test('a configuration that would disclose a secret exits 2 naming the field', async () => {
  const config = { id: 'x', itemOverrides: { 'social-report': { decision: 'disclose', reason: 'r', ref: 'r' } } };
  const files = { 'r.json': JSON.stringify(REQUEST), 'c.json': JSON.stringify(config) };
  const result = await run(['--config', 'c.json', 'r.json'], files);
  assert.equal(result.code, 2);
  assert.equal(result.stdout, '');
  assert.match(result.stderr, /^config: itemOverrides\.social-report: "social-report" is covered by professional secrecy/);
});
