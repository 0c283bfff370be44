// `users add`: adds a staff account. An operator action: it needs shell access to the server, not
// a session. The account gets no password: the command prints a one-time activation code for the
// operator to hand to the holder, who sets their password (`users activate`, or the /activate page).
// Secret-opening roles (social worker, head of social service) are only granted: a head of social
// service confirms them in the application. `users confirm-first-head` bootstraps the first one.
import { confirmFirstHeadAsOperator } from '../app/role-grants.ts';
import { addStaffUserAsOperator } from '../app/staff-accounts.ts';
import { invalidInput } from '../domain/errors.ts';
import { describeIssue, userInput } from '../domain/schemas.ts';
import { readArgs } from './args.ts';
import { type CommandIo, processIo } from './command-io.ts';

const CONFIRM_USAGE = 'usage: confiance users confirm-first-head --cpas CODE --username U';

export async function runUsersAdd(args: string[], io: CommandIo = processIo): Promise<number> {
  const line = readArgs('users add', args);
  const cpasCode = line.text('cpas');
  if (!cpasCode) throw invalidInput('--cpas', 'give the CPAS code, e.g. --cpas namur');
  const parsed = userInput.safeParse({
    username: line.text('username'),
    displayName: line.text('name'),
    roles: (line.text('roles') ?? '').split(',').filter(Boolean),
    language: line.text('language') ?? null,
  });
  if (!parsed.success) {
    const { field, message } = describeIssue(parsed.error);
    throw invalidInput(`--${field === 'displayName' ? 'name' : field.split('.')[0]}`, message);
  }
  const { ctx, close } = await io.open();
  try {
    const made = await addStaffUserAsOperator(ctx, cpasCode, parsed.data);
    const inEffect = parsed.data.roles.filter((r) => !(made.pendingRoles as readonly string[]).includes(r));
    io.stdout.write(`added ${parsed.data.username}@${cpasCode}; roles in effect: ${inEffect.join(', ') || 'none'}\n`);
    if (made.pendingRoles.length > 0) io.stdout.write(`waiting for a head of social service to confirm: ${made.pendingRoles.join(', ')}\n`);
    io.stdout.write(`activation code, for the holder only (valid until ${made.activationExpiresAt.toISOString().slice(0, 10)}): ${made.activationCode}\n`);
    return 0;
  } finally {
    await close();
  }
}

export async function runUsersConfirmFirstHead(args: string[], io: CommandIo = processIo): Promise<number> {
  const line = readArgs('users confirm-first-head', args);
  const cpasCode = line.text('cpas');
  const username = line.text('username');
  if (!cpasCode) throw invalidInput('--cpas', `give the CPAS code (${CONFIRM_USAGE})`);
  if (!username) throw invalidInput('--username', `give the account (${CONFIRM_USAGE})`);
  const { ctx, close } = await io.open();
  try {
    const { confirmationCode, expiresAt } = await confirmFirstHeadAsOperator(ctx, cpasCode, username);
    io.stdout.write(`confirmed head-of-social-service for ${username}@${cpasCode}; it takes effect when the holder activates with this code\n`);
    io.stdout.write(`confirmation code, for the holder only (valid until ${expiresAt.toISOString().slice(0, 10)}): ${confirmationCode}\n`);
    return 0;
  } finally {
    await close();
  }
}
