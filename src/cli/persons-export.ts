// `confiance persons export NISS --as user@cpas`: prints as JSON everything the acting staff
// member may read on the person with this national number, for the person's right of access
// (src/app/export-person.ts). A malformed NISS exits 2 (invalid input), an unknown one 1
// (`no person with this NISS in <cpas>`), through the error mapping of main.ts.
import { exportPerson } from '../app/export-person.ts';
import { invalidInput } from '../domain/errors.ts';
import { type CommandIo, processIo, rejectUnknownOptions } from './command-io.ts';
import { actorFromLogin, optionText, parseArgs } from './runtime.ts';

const USAGE = 'usage: confiance persons export NISS --as user@cpas';

export async function runPersonsExport(args: string[], io: CommandIo = processIo): Promise<number> {
  const { positional, options } = parseArgs(args);
  rejectUnknownOptions(options, ['as'], USAGE);
  const [niss, ...extra] = positional;
  if (!niss || extra.length > 0) throw invalidInput('NISS', `give one national number (${USAGE})`);
  const { ctx, close } = await io.open();
  try {
    const actor = await actorFromLogin(ctx, optionText(options, 'as'));
    const exported = await exportPerson(ctx, actor, { niss });
    io.stdout.write(`${JSON.stringify(exported, null, 2)}\n`);
    return 0;
  } finally {
    await close();
  }
}
