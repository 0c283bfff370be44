import type { Role } from '../../../domain/roles.ts';
import type { Tx } from '../database.ts';
import { kyselyOf } from '../kysely.ts';

export interface StaffRow {
  cpasId: string;
  userId: string;
  username: string;
  displayName: string;
  language: string | null;
  passwordHash: string | null;
  failedLogins: number;
  lockedUntil: Date | null;
  active: boolean;
  roles: Role[];
}

const SELECT_STAFF = `
  SELECT u.cpas_id AS "cpasId", u.user_id AS "userId", u.username, u.display_name AS "displayName", u.language,
         u.password_hash AS "passwordHash", u.failed_logins AS "failedLogins", u.locked_until AS "lockedUntil", u.active,
         COALESCE((SELECT array_agg(r.role ORDER BY r.role) FROM staff_role r WHERE r.cpas_id = u.cpas_id AND r.user_id = u.user_id), '{}') AS roles
  FROM staff_user u`;

export async function findStaffByLogin(tx: Tx, cpasCode: string, username: string): Promise<StaffRow | null> {
  const [row] = await tx.query<StaffRow & Record<string, unknown>>(
    `${SELECT_STAFF} JOIN cpas c ON c.cpas_id = u.cpas_id WHERE c.code = $1 AND u.username = $2`,
    [cpasCode, username],
  );
  return row ?? null;
}

export async function findStaffById(tx: Tx, cpasId: string, userId: string): Promise<StaffRow | null> {
  const [row] = await tx.query<StaffRow & Record<string, unknown>>(`${SELECT_STAFF} WHERE u.cpas_id = $1 AND u.user_id = $2`, [cpasId, userId]);
  return row ?? null;
}

export async function listStaff(tx: Tx, cpasId: string): Promise<StaffRow[]> {
  return tx.query<StaffRow & Record<string, unknown>>(`${SELECT_STAFF} WHERE u.cpas_id = $1 ORDER BY u.username`, [cpasId]);
}

export async function usernameTaken(tx: Tx, cpasId: string, username: string): Promise<boolean> {
  return (await tx.query('SELECT 1 FROM staff_user WHERE cpas_id = $1 AND username = $2', [cpasId, username])).length > 0;
}

export async function findCpasIdByCode(tx: Tx, code: string): Promise<string | null> {
  const [row] = await tx.query<{ cpas_id: string }>('SELECT cpas_id FROM cpas WHERE code = $1', [code]);
  return row?.cpas_id ?? null;
}

/** Who created an account: null for the operator (server shell) and the demo loader. */
export async function findCreator(tx: Tx, cpasId: string, userId: string): Promise<string | null> {
  const [row] = await tx.query<{ created_by: string | null }>('SELECT created_by FROM staff_user WHERE cpas_id = $1 AND user_id = $2', [cpasId, userId]);
  return row?.created_by ?? null;
}

/** Inserts an account and its effective roles. Callers decide which roles may take effect at once. */
export async function insertStaff(
  tx: Tx,
  s: { cpasId: string; userId: string; username: string; displayName: string; language: string | null; passwordHash: string | null; roles: readonly Role[]; createdBy?: string | null },
): Promise<void> {
  await tx.query(
    `INSERT INTO staff_user (cpas_id, user_id, username, display_name, language, password_hash, created_by) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [s.cpasId, s.userId, s.username, s.displayName, s.language, s.passwordHash, s.createdBy ?? null],
  );
  for (const role of new Set(s.roles)) await insertEffectiveRole(tx, s.cpasId, s.userId, role);
}

export async function insertEffectiveRole(tx: Tx, cpasId: string, userId: string, role: Role): Promise<void> {
  await tx.query('INSERT INTO staff_role (cpas_id, user_id, role) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING', [cpasId, userId, role]);
}

/** Whether the CPAS has at least one account holding the role in effect (not merely granted). */
export async function anyoneHoldsRole(tx: Tx, cpasId: string, role: Role): Promise<boolean> {
  return (await tx.query('SELECT 1 FROM staff_role WHERE cpas_id = $1 AND role = $2 LIMIT 1', [cpasId, role])).length > 0;
}

export async function setPassword(tx: Tx, cpasId: string, userId: string, passwordHash: string): Promise<void> {
  await tx.query('UPDATE staff_user SET password_hash = $3, failed_logins = 0, locked_until = NULL WHERE cpas_id = $1 AND user_id = $2', [cpasId, userId, passwordHash]);
}

export async function recordLoginFailure(tx: Tx, cpasId: string, userId: string, maxFailures: number, lockUntil: Date): Promise<void> {
  await tx.query(
    `UPDATE staff_user SET failed_logins = failed_logins + 1,
       locked_until = CASE WHEN failed_logins + 1 >= $3 THEN $4::timestamptz ELSE locked_until END
     WHERE cpas_id = $1 AND user_id = $2`,
    [cpasId, userId, maxFailures, lockUntil],
  );
}

export async function recordLoginSuccess(tx: Tx, cpasId: string, userId: string): Promise<void> {
  await tx.query('UPDATE staff_user SET failed_logins = 0, locked_until = NULL WHERE cpas_id = $1 AND user_id = $2', [cpasId, userId]);
}

/** The address a staff member gives for the register's e-mail notices; null stops them. */
export async function setStaffEmail(tx: Tx, cpasId: string, userId: string, email: string | null): Promise<void> {
  await tx.query('UPDATE staff_user SET email = $3 WHERE cpas_id = $1 AND user_id = $2', [cpasId, userId, email]);
}

/** The address a staff member gave for the register's notices, or null. */
export async function staffEmailOf(tx: Tx, cpasId: string, userId: string): Promise<string | null> {
  const row = await kyselyOf(tx).selectFrom('staff_user').select('email').where('cpas_id', '=', cpasId).where('user_id', '=', userId).executeTakeFirst();
  return row?.email ?? null;
}
