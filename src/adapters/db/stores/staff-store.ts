import type { Role } from '../../../domain/roles.ts';
import type { Tx } from '../database.ts';

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

export async function insertStaff(
  tx: Tx,
  s: { cpasId: string; userId: string; username: string; displayName: string; language: string | null; passwordHash: string | null; roles: readonly Role[] },
): Promise<void> {
  await tx.query(
    `INSERT INTO staff_user (cpas_id, user_id, username, display_name, language, password_hash) VALUES ($1, $2, $3, $4, $5, $6)`,
    [s.cpasId, s.userId, s.username, s.displayName, s.language, s.passwordHash],
  );
  for (const role of new Set(s.roles)) {
    await tx.query('INSERT INTO staff_role (cpas_id, user_id, role) VALUES ($1, $2, $3)', [s.cpasId, s.userId, role]);
  }
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
