// `users activate --login user@cpas`: the holder of an account sets their password. Standard input
// gives, one per line: the activation code (or the current password), the new password, and
// optionally the confirmation code a head of social service handed over. Never on the command
// line, where `ps` and the shell history show it.
import { activateAccount } from '../app/activate-account.ts';
import { invalidInput } from '../domain/errors.ts';
import { activationInput, describeIssue } from '../domain/schemas.ts';
import { readArgs } from './args.ts';
import { type CommandIo, processIo } from './command-io.ts';

async function readProcessStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export async function runUsersActivate(args: string[], io: CommandIo = processIo, readStdin: () => Promise<string> = readProcessStdin): Promise<number> {
  const login = readArgs('users activate', args).text('login');
  const [code, newPassword, confirmationCode] = (await readStdin()).split(/\r?\n/);
  const parsed = activationInput.safeParse({ login, code, newPassword, confirmationCode: confirmationCode?.trim() || null });
  if (!parsed.success) {
    const { field, message } = describeIssue(parsed.error);
    throw invalidInput(field === 'login' ? '--login' : `stdin ${field}`, message);
  }
  const { ctx, close } = await io.open();
  try {
    const { effectiveRoles } = await activateAccount(ctx, parsed.data);
    io.stdout.write(`activated ${parsed.data.login}; roles in effect: ${effectiveRoles.join(', ') || 'none'}\n`);
    return 0;
  } finally {
    await close();
  }
}
