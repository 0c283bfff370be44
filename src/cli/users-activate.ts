// `users activate --login user@cpas`: the holder of an account sets their password. Standard input
// gives, one per line: the activation code (or the current password), the new password, and
// optionally the confirmation code a head of social service handed over. Never on the command
// line, where `ps` and the shell history show it.
import { activateAccount } from '../app/activate-account.ts';
import { invalidInput } from '../domain/errors.ts';
import { activationInput, describeIssue } from '../domain/schemas.ts';
import { type CommandIo, processIo, rejectUnknownOptions } from './command-io.ts';
import { optionText, parseArgs } from './runtime.ts';

const USAGE = 'usage: confiance users activate --login user@cpas < lines: code or current password, new password[, confirmation code]';

async function readProcessStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export async function runUsersActivate(args: string[], io: CommandIo = processIo, readStdin: () => Promise<string> = readProcessStdin): Promise<number> {
  const { options, positional } = parseArgs(args);
  rejectUnknownOptions(options, ['login'], USAGE);
  if (positional.length > 0) throw invalidInput('arguments', `unexpected argument (${USAGE})`);
  const [code, newPassword, confirmationCode] = (await readStdin()).split(/\r?\n/);
  const parsed = activationInput.safeParse({ login: optionText(options, 'login'), code, newPassword, confirmationCode: confirmationCode?.trim() || null });
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
