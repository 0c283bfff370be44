// Adds a staff user. An operator action: it needs shell access to the server, not a session.
// The password is read from standard input (never from the command line, where `ps` shows it).
import { randomUUID } from 'node:crypto';
import { hashPassword } from '../adapters/crypto/passwords.ts';
import { insertStaff } from '../adapters/db/stores/staff-store.ts';
import { DomainError, invalidInput } from '../domain/errors.ts';
import { describeIssue, userInput } from '../domain/schemas.ts';
import { optionText, openRuntime, parseArgs } from './runtime.ts';

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
}

export async function runUsersAdd(args: string[]): Promise<number> {
  const { options } = parseArgs(args);
  const cpasCode = optionText(options, 'cpas');
  if (!cpasCode) throw invalidInput('--cpas', 'give the CPAS code, e.g. --cpas namur');
  const parsed = userInput.safeParse({
    username: optionText(options, 'username'),
    displayName: optionText(options, 'name'),
    roles: (optionText(options, 'roles') ?? '').split(',').filter(Boolean),
    language: optionText(options, 'language') ?? null,
    password: options['password-stdin'] ? await readStdin() : null,
  });
  if (!parsed.success) {
    const { field, message } = describeIssue(parsed.error);
    throw invalidInput(`--${field === 'displayName' ? 'name' : field.split('.')[0]}`, message);
  }
  const ctx = await openRuntime();
  try {
    const [cpas] = await ctx.db.ownerTransaction((tx) => tx.query<{ cpas_id: string }>('SELECT cpas_id FROM cpas WHERE code = $1', [cpasCode]));
    if (!cpas) throw new DomainError('not-found', `--cpas: no CPAS with code "${cpasCode}"`, '--cpas');
    const input = parsed.data;
    const userId = randomUUID();
    const passwordHash = input.password ? await hashPassword(input.password) : null;
    await ctx.db.ownerTransaction(async (tx) => {
      const clash = await tx.query('SELECT 1 FROM staff_user WHERE cpas_id = $1 AND username = $2', [cpas.cpas_id, input.username]);
      if (clash.length > 0) throw new DomainError('conflict', `--username: ${input.username}@${cpasCode} exists already`, '--username');
      await insertStaff(tx, { cpasId: cpas.cpas_id, userId, username: input.username, displayName: input.displayName, language: input.language ?? null, passwordHash, roles: input.roles });
    });
    process.stdout.write(`added ${input.username}@${cpasCode} (${input.roles.join(', ')})${passwordHash ? '' : ' without a password: API token or a later password set only'}\n`);
    return 0;
  } finally {
    await ctx.db.close();
  }
}
