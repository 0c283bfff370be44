// The benches' options, one way for all: `--name value`, each name known in advance. A misspelt
// option (--entires) used to be ignored and the bench ran with its default, printing figures for
// another size than the one asked for; now it is refused, naming the option, with exit status 2.

export class BenchUsageError extends Error {}

/**
 * Parses `argv` against the defaults. Names in `repeatable` may be given several times and come
 * back as lists (`lists`); every other known name once. No positional arguments, no `--name=value`.
 */
export function parseBenchOptions<K extends string>(
  argv: readonly string[],
  defaults: Readonly<Record<K, string>>,
  repeatable: readonly string[] = [],
): { values: Record<K, string>; lists: Record<string, string[]> } {
  const values = { ...defaults } as Record<K, string>;
  const lists: Record<string, string[]> = Object.fromEntries(repeatable.map((name) => [name, []]));
  const seen = new Set<string>();
  for (let i = 0; i < argv.length; i += 2) {
    const flag = argv[i]!;
    if (!flag.startsWith('--') || flag.includes('=')) throw new BenchUsageError(`${flag}: options are given as --name value`);
    const name = flag.slice(2);
    const value = argv[i + 1];
    if (!(name in defaults) && !repeatable.includes(name)) throw new BenchUsageError(`--${name}: unknown option`);
    if (value === undefined || value.startsWith('--')) throw new BenchUsageError(`--${name}: needs a value`);
    if (repeatable.includes(name)) lists[name]!.push(value);
    else {
      if (seen.has(name)) throw new BenchUsageError(`--${name}: given twice`);
      seen.add(name);
      values[name as K] = value;
    }
  }
  return { values, lists };
}

/** The same for a bench's own command line: prints the problem and the usage, exits 2; `--help` alone prints the usage. */
export function benchOptions<K extends string>(usage: string, defaults: Readonly<Record<K, string>>, repeatable: readonly string[] = []) {
  if (process.argv.length === 3 && (process.argv[2] === '--help' || process.argv[2] === '-h')) {
    console.log(`Usage: ${usage}`);
    process.exit(0);
  }
  try {
    return parseBenchOptions(process.argv.slice(2), defaults, repeatable);
  } catch (error) {
    if (!(error instanceof BenchUsageError)) throw error;
    console.error(`${error.message}\nUsage: ${usage}`);
    process.exit(2);
  }
}

/** A positive whole number, or exit 2 naming the option. */
export function count(name: string, value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) {
    console.error(`--${name}: give a positive whole number`);
    process.exit(2);
  }
  return n;
}

export function engineOption(value: string): 'pglite' | 'postgres' {
  if (value !== 'pglite' && value !== 'postgres') {
    console.error('--engine: pglite or postgres');
    process.exit(2);
  }
  return value;
}
