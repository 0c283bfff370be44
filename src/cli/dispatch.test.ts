import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { cliDocs } from './cli-docs.ts';
import { COMMANDS } from './commands.ts';
import { dispatch } from './dispatch.ts';

function capture() {
  let text = '';
  return { write: (t: string) => (text += t), get text() { return text; } };
}

// Every command, with an unknown option before, between or after otherwise valid arguments:
// exit 2, one line naming the option, and the command never runs (no data directory appears,
// so nothing was migrated, created or rotated).
test('every command refuses an unknown option with exit 2 and changes nothing', async () => {
  const dataDir = join(tmpdir(), `confiance-cli-strict-${process.pid}`);
  const saved = process.env.CONFIANCE_DATA_DIR;
  process.env.CONFIANCE_DATA_DIR = dataDir;
  try {
    assert.ok(Object.keys(COMMANDS).length >= 14);
    for (const name of Object.keys(COMMANDS)) {
      for (const args of [['--bogus'], ['--bogus', '--help'], ['--frob=1', 'x']]) {
        const out = capture();
        const err = capture();
        const code = await dispatch([...name.split(' '), ...args], out, err);
        assert.equal(code, 2, `${name} ${args.join(' ')}`);
        assert.equal(out.text, '', name);
        const lines = err.text.trimEnd().split('\n');
        assert.equal(lines.length, 1, `${name}: ${err.text}`);
        assert.match(lines[0]!, new RegExp(`^confiance ${name}: .*--(bogus|frob)`), name);
      }
    }
    assert.equal(existsSync(dataDir), false);
  } finally {
    if (saved === undefined) delete process.env.CONFIANCE_DATA_DIR;
    else process.env.CONFIANCE_DATA_DIR = saved;
  }
});

test('every command prints its --help with its options and exits 0', async () => {
  for (const [name, command] of Object.entries(COMMANDS)) {
    const out = capture();
    assert.equal(await dispatch([...name.split(' '), '--help'], out, capture()), 0, name);
    assert.match(out.text, new RegExp(`^Usage: confiance ${name}`));
    for (const option of Object.keys(command.options)) assert.ok(out.text.includes(`--${option}`), `${name} --${option}`);
  }
});

test('a surplus argument and a missing option value are refused with exit 2', async () => {
  const err = capture();
  assert.equal(await dispatch(['keys', 'rotate', 'now'], capture(), err), 2);
  assert.match(err.text, /unexpected argument "now"/);
  const err2 = capture();
  assert.equal(await dispatch(['persons', 'export', '85073100145', '--as'], capture(), err2), 2);
  assert.match(err2.text, /--as/);
});

test('docs/cli.md is the current --help of every command (npx tsx scripts/cli-docs.ts)', () => {
  assert.equal(readFileSync('docs/cli.md', 'utf8'), cliDocs());
});

// A mistyped CONFIANCE_DATA_DIR must not become a fresh empty database that the command then acts on.
test('commands other than migrate, demo and serve --demo-if-empty refuse a missing data directory', async () => {
  const dataDir = join(tmpdir(), `confiance-cli-missing-${process.pid}`);
  const saved = { dir: process.env.CONFIANCE_DATA_DIR, url: process.env.DATABASE_URL };
  process.env.CONFIANCE_DATA_DIR = dataDir;
  delete process.env.DATABASE_URL;
  try {
    for (const argv of [['keys', 'rotate'], ['requests', 'overdue', '--as', 'a@namur'], ['audit', 'verify'], ['users', 'add', '--cpas', 'namur', '--username', 'new.agent', '--name', 'X', '--roles', 'administrative-agent']]) {
      const err = capture();
      assert.equal(await dispatch(argv, capture(), err), 2, argv.join(' '));
      assert.match(err.text, /data directory .* does not exist/);
      assert.equal(existsSync(dataDir), false, argv.join(' '));
    }
  } finally {
    if (saved.dir === undefined) delete process.env.CONFIANCE_DATA_DIR;
    else process.env.CONFIANCE_DATA_DIR = saved.dir;
    if (saved.url !== undefined) process.env.DATABASE_URL = saved.url;
  }
});

// A second, lenient parser in one command would let that command ignore a misspelt option again.
test('one parser: only args.ts reads command lines (util.parseArgs, strict)', () => {
  const files = readdirSync('src/cli').filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && f !== 'args.ts');
  for (const file of files) {
    const text = readFileSync(join('src/cli', file), 'utf8');
    assert.doesNotMatch(text, /\bparseArgs\b|args\[i|startsWith\('--'\)/, file);
  }
  assert.match(readFileSync('src/cli/args.ts', 'utf8'), /strict: true/);
});
