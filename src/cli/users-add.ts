// `users add`: adds a staff account. An operator action: it needs shell access to the server, not
// a session. The account gets no password: the command prints a one-time activation code for the
// operator to hand to the holder, who sets their password (`users activate`, or the /activate page).
// Secret-opening roles (social worker, head of social service) are only granted: a head of social
// service confirms them in the application. `users confirm-first-head` bootstraps the first one.
import { confirmFirstHeadAsOperator } from '../app/role-grants.ts';
import { addStaffUserAsOperator } from '../app/staff-accounts.ts';
import { invalidInput } from '../domain/errors.ts';
import { describeIssue, userInput } from '../domain/schemas.ts';
import { type CommandIo, processIo, rejectUnknownOptions } from './command-io.ts';
import { optionText, parseArgs } from './runtime.ts';

const ADD_USAGE = 'usage: confiance users add --cpas CODE --username U --name "N" --roles r1,r2 [--language fr|nl|de]';
const CONFIRM_USAGE = 'usage: confiance users confirm-first-head --cpas CODE --username U';

export async function runUsersAdd(args: string[], io: CommandIo = processIo): Promise<number> {
  const { options, positional } = parseArgs(args);
  rejectUnknownOptions(options, ['cpas', 'username', 'name', 'roles', 'language'], ADD_USAGE);
  if (positional.length > 0) throw invalidInput('arguments', `unexpected argument (${ADD_USAGE})`);
  const cpasCode = optionText(options, 'cpas');
  if (!cpasCode) throw invalidInput('--cpas', 'give the CPAS code, e.g. --cpas namur');
  const parsed = userInput.safeParse({
    username: optionText(options, 'username'),
    displayName: optionText(options, 'name'),
    roles: (optionText(options, 'roles') ?? '').split(',').filter(Boolean),
    language: optionText(options, 'language') ?? null,
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
  const { options, positional } = parseArgs(args);
  rejectUnknownOptions(options, ['cpas', 'username'], CONFIRM_USAGE);
  const cpasCode = optionText(options, 'cpas');
  const username = optionText(options, 'username');
  if (positional.length > 0 || !cpasCode) throw invalidInput('--cpas', `give the CPAS code (${CONFIRM_USAGE})`);
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
