// The benches take their options one way (--name value) and refuse anything else, naming it.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { BenchUsageError, parseBenchOptions } from '../bench/options.ts';

const defaults = { engine: 'pglite', entries: '100000' };

test('known options override their defaults; repeatable ones collect', () => {
  assert.deepEqual(parseBenchOptions([], defaults).values, defaults);
  assert.deepEqual(parseBenchOptions(['--entries', '500', '--engine', 'postgres'], defaults).values, { engine: 'postgres', entries: '500' });
  assert.deepEqual(parseBenchOptions(['--root', 'a', '--root', 'b'], defaults, ['root']).lists, { root: ['a', 'b'] });
});

test('an unknown, valueless, repeated, positional or --name=value option is refused, naming it', () => {
  const refused = (argv: string[], message: RegExp) => assert.throws(() => parseBenchOptions(argv, defaults), (e: unknown) => e instanceof BenchUsageError && message.test(e.message));
  refused(['--entires', '5'], /^--entires: unknown option$/);
  refused(['--entries'], /^--entries: needs a value$/);
  refused(['--entries', '--engine', 'postgres'], /^--entries: needs a value$/);
  refused(['--entries', '5', '--entries', '6'], /^--entries: given twice$/);
  refused(['500'], /^500: options are given as --name value$/);
  refused(['--entries=5'], /^--entries=5: options are given as --name value$/);
});
