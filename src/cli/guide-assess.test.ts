// `confiance guide assess FILE|- [--config FILE]`: every public scenario, the exit codes, the one line.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { runGuideCli } from '../testing/guide-cli.ts';

const SCENARIOS = JSON.parse(readFileSync('src/domain/guide/scenarios.json', 'utf8')) as { name: string; input: Record<string, unknown>; expect: { answer: string } }[];

test('every public scenario, from a file and from standard input: exit 0, the expected answer', async () => {
  for (const s of SCENARIOS) {
    const fromFile = await runGuideCli(['s.json'], { 's.json': JSON.stringify(s.input) });
    assert.equal(fromFile.code, 0, s.name);
    assert.equal(fromFile.stderr, '');
    assert.equal(JSON.parse(fromFile.stdout).answer, s.expect.answer, s.name);
    const fromStdin = await runGuideCli(['-'], {}, JSON.stringify(s.input));
    assert.equal(fromStdin.stdout, fromFile.stdout);
  }
});

test('malformed input: exit 2, nothing on stdout, one line on stderr naming the first field at fault', async () => {
  const input = SCENARIOS[2]!.input;
  const cases: [unknown, string][] = [
    [{ ...input, counterpart: 'neighbour' }, 'counterpart: unknown value'],
    [{ ...input, endangered: undefined }, 'endangered: required when danger is "grave-and-current"'],
    [{ ...input, items: ['identity', 'full-file'] }, 'items[1]: unknown category'],
    [{ ...input, counterpart: 'neighbour', isKnown: true }, 'isKnown: unknown field'],
    [[input], 'input: expected an object, got a list'],
  ];
  for (const [json, line] of cases) {
    const result = await runGuideCli(['-'], {}, JSON.stringify(json));
    assert.deepEqual([result.code, result.stdout, result.stderr], [2, '', `${line}\n`]);
  }
  const notJson = await runGuideCli(['-'], {}, 'La police demande si Jeanne Dupont est aidée');
  assert.deepEqual([notJson.code, notJson.stderr], [2, 'input: standard input is not valid JSON\n']);
  const usage = await runGuideCli([]);
  assert.deepEqual([usage.code, usage.stderr], [2, 'usage: confiance guide assess FILE|- [--config FILE]\n']);
});

test('--config FILE: the switch changes the answer, and the answer names the configuration', async () => {
  const debtMediation = SCENARIOS.find((s) => s.name.startsWith('a debt-mediation service'))!.input;
  const files = { 'i.json': JSON.stringify(debtMediation), 'c.json': JSON.stringify({ id: 'namur-2026-05', externalSharedSecrecy: 'off' }) };
  const result = await runGuideCli(['i.json', '--config', 'c.json'], files);
  assert.equal(result.code, 0, result.stderr);
  const answer = JSON.parse(result.stdout);
  assert.deepEqual([answer.answer, answer.rule, answer.configuration], ['refer-to-person', 'G18', 'namur-2026-05']);
  const bad = await runGuideCli(['i.json', '--config', 'c.json'], { ...files, 'c.json': '{"id":"x","externalSharedSecrecy":"maybe"}' });
  assert.deepEqual([bad.code, bad.stderr], [2, 'config: externalSharedSecrecy: unknown value\n']);
});
