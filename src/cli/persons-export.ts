// `confiance persons export NISS --as user@cpas`: prints as JSON everything the acting staff
// member may read on the person with this national number, for the person's right of access
// (src/app/export-person.ts). `--purpose P` (default data-subject-access) exports what the
// policy lets the actor read for that purpose instead; an unknown purpose exits 2. A malformed NISS exits 2 (invalid input), an unknown one 1
// (`no person with this NISS in <cpas>`), through the error mapping of main.ts.
import { exportPerson } from '../app/export-person.ts';
import { invalidInput } from '../domain/errors.ts';
import { isPurpose, PURPOSE_IDS } from '../domain/purposes.ts';
import { readArgs } from './args.ts';
import { type CommandIo, processIo } from './command-io.ts';
import { actorFromLogin } from './runtime.ts';

const USAGE = 'usage: confiance persons export NISS --as user@cpas [--purpose P]';

export async function runPersonsExport(args: string[], io: CommandIo = processIo): Promise<number> {
  const line = readArgs('persons export', args);
  const purpose = line.text('purpose') ?? 'data-subject-access';
  if (!isPurpose(purpose)) throw invalidInput('--purpose', `unknown purpose; one of ${PURPOSE_IDS.join(', ')}`);
  const [niss] = line.positionals;
  if (!niss) throw invalidInput('NISS', `give one national number (${USAGE})`);
  const { ctx, close } = await io.open();
  try {
    const actor = await actorFromLogin(ctx, line.text('as'));
    const exported = await exportPerson(ctx, actor, { niss, purpose });
    io.stdout.write(`${JSON.stringify(exported, null, 2)}\n`);
    return 0;
  } finally {
    await close();
  }
}
