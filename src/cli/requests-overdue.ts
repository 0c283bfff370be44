// `requests overdue --as user@cpas`: the requests still owed past their due date, one line each
// (due date, state, author's role, reference, id): for a daily reminder to the directeur général
// and the président (R18, R19). Persons are not named; the register shows them to who opens it.
import { listOverdue } from '../app/requests/list-overdue.ts';
import { readArgs } from './args.ts';
import { type CommandIo, processIo } from './command-io.ts';
import { actorFromLogin } from './runtime.ts';

export async function runRequestsOverdue(args: string[], io: CommandIo = processIo): Promise<number> {
  const line = readArgs('requests overdue', args);
  const { ctx, close } = await io.open();
  try {
    const actor = await actorFromLogin(ctx, line.text('as'));
    const lines = await listOverdue(ctx, actor);
    for (const l of lines) io.stdout.write(`${l.dueOn}\t${l.state}\t${l.authorRole}\t${l.reference ?? '(no reference)'}\t${l.requestId}\n`);
    if (lines.length === 0) io.stdout.write('no overdue request\n');
    return 0;
  } finally {
    await close();
  }
}
