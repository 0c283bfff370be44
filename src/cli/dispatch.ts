// Finds the command, checks its command line strictly against its definition (args.ts) and
// runs it. The check comes first: before it, `serve --bogus --port X` listened on 3000 and
// `keys rotate --bogus` rotated; an option the command does not know now stops it with exit 2
// and one line naming the option, before anything is opened or changed.
import { DomainError } from '../domain/errors.ts';
import { type CommandName, readArgs } from './args.ts';
import { type Command, COMMANDS } from './commands.ts';

type Write = { write(text: string): unknown };

export const USAGE = `Usage: npm run --silent confiance -- <command> [options]   (<command> --help for its options)

Commands:
${Object.entries(COMMANDS)
  .map(([name, c]) => `  ${name.padEnd(26)} ${c.summary}`)
  .join('\n')}
`;

/** The --help text of one command; docs/cli.md is generated from the same text. */
export function commandHelp(name: string, command: Command): string {
  const positionals = (command.positionals ?? []).map((p) => ` ${p}`).join('');
  const options = Object.entries(command.options);
  const lines = [`Usage: confiance ${name}${positionals}${options.length ? ' [options]' : ''}`, '', command.summary, '', 'Options:'];
  for (const [option, spec] of [...options, ['help', { type: 'boolean', help: 'print this help and exit' }] as const]) {
    lines.push(`  --${option}${spec.type === 'string' ? ` ${spec.value ?? 'VALUE'}` : ''}`.padEnd(30) + ` ${spec.help}`);
  }
  return `${lines.join('\n')}\n`;
}

export async function dispatch(argv: string[], out: Write = process.stdout, err: Write = process.stderr): Promise<number> {
  const [first, second] = argv;
  const twoWord = first && second ? `${first} ${second}` : '';
  const name = twoWord in COMMANDS ? twoWord : first ?? '';
  const command = COMMANDS[name];
  if (!command) {
    if (name === '--help' || name === 'help') {
      out.write(USAGE);
      return 0;
    }
    err.write(name ? `unknown command "${name}"\n\n${USAGE}` : USAGE);
    return 2;
  }
  const rest = argv.slice(name.split(' ').length);
  try {
    // The same strict parser the command reads its arguments with: nothing runs on a bad line.
    if (readArgs(name as CommandName, rest).help) {
      out.write(commandHelp(name, command));
      return 0;
    }
    return await command.run(rest);
  } catch (error) {
    if (error instanceof DomainError) {
      err.write(`confiance ${name}: ${error.message}\n`);
      return error.code === 'invalid-input' ? 2 : 1;
    }
    // Unknown failures: the message only, never a dump of the data being processed.
    err.write(`confiance ${name}: ${(error as Error).message}\n`);
    return 1;
  }
}
