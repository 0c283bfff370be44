// The one parser of every command line (Node's util.parseArgs, strict), against the command's
// definition in command-specs.ts. Each command reads its arguments through it, and dispatch.ts
// checks them through it before anything runs: a misspelt option (`serve --bogus`, `keys rotate
// --bogus`, `users add ... --frob`) would otherwise be ignored and the command run without it.
import { parseArgs } from 'node:util';
import { invalidInput } from '../domain/errors.ts';
import { COMMAND_SPECS } from './command-specs.ts';

export type CommandName = keyof typeof COMMAND_SPECS;

export interface CommandArgs {
  readonly positionals: readonly string[];
  readonly help: boolean;
  /** A string option's value; undefined when absent. */
  text(option: string): string | undefined;
  /** Whether a boolean option was given. */
  flag(option: string): boolean;
}

/** Node's messages quote the option (`Unknown option '--bogus'`, `Option '--as <value>' argument missing`). */
function refusal(name: string, error: Error & { code?: string }) {
  const option = /'(-{1,2}[^' =]+)/.exec(error.message)?.[1] ?? 'arguments';
  const why = error.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' ? 'unknown option' : error.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' ? 'missing or unexpected value' : 'not understood';
  return invalidInput(option, `${why}; see confiance ${name} --help`);
}

/** Strict: unknown options, missing values and surplus positionals are refused (invalid input, exit 2). */
export function readArgs(name: CommandName, args: readonly string[]): CommandArgs {
  const spec = COMMAND_SPECS[name];
  const options = Object.fromEntries(Object.entries(spec.options).map(([option, s]) => [option, { type: s.type }]));
  let parsed;
  try {
    parsed = parseArgs({ args: [...args], options: { ...options, help: { type: 'boolean' } }, strict: true, allowPositionals: true });
  } catch (error) {
    throw refusal(name, error as Error);
  }
  const positionals = parsed.positionals;
  const values: Record<string, string | boolean | undefined> = parsed.values;
  const allowed = 'positionals' in spec ? spec.positionals.length : 0;
  const help = values.help === true;
  if (!help && positionals.length > allowed) throw invalidInput('arguments', `unexpected argument ${JSON.stringify(positionals[allowed])}; see confiance ${name} --help`);
  return {
    positionals,
    help,
    text: (option) => (typeof values[option] === 'string' ? (values[option] as string) : undefined),
    flag: (option) => values[option] === true,
  };
}
