#!/usr/bin/env node
// The command line: `npm run --silent confiance -- <command>`.
import { DomainError } from '../domain/errors.ts';
import { COMMANDS } from './commands.ts';

const USAGE = `Usage: npm run --silent confiance -- <command>

Commands:
${Object.entries(COMMANDS)
  .map(([name, c]) => `  ${name.padEnd(18)} ${c.summary}`)
  .join('\n')}
`;

async function main(argv: string[]): Promise<number> {
  const [first, second] = argv;
  const twoWord = first && second ? `${first} ${second}` : '';
  const name = twoWord in COMMANDS ? twoWord : first ?? '';
  const command = COMMANDS[name];
  if (!command || argv.includes('--help') && !command) {
    process.stderr.write(name ? `unknown command "${name}"\n\n${USAGE}` : USAGE);
    return 2;
  }
  const rest = argv.slice(name.split(' ').length);
  try {
    return await command.run(rest);
  } catch (error) {
    if (error instanceof DomainError) {
      process.stderr.write(`confiance ${name}: ${error.message}\n`);
      return error.code === 'invalid-input' ? 2 : 1;
    }
    // Unknown failures: the message only, never a dump of the data being processed.
    process.stderr.write(`confiance ${name}: ${(error as Error).message}\n`);
    return 1;
  }
}

process.exitCode = await main(process.argv.slice(2));
