// Separation of duties (migration 006): activation codes, grants of secret-opening roles waiting
// for a second person, and assignments waiting for the head of social service. Codes are stored as
// hashes only; the rows hold what is still open and are removed once it has taken effect.
import type { Role } from '../../../domain/roles.ts';
import type { Tx } from '../database.ts';

export async function putActivation(tx: Tx, a: { cpasId: string; userId: string; codeHash: string; issuedAt: Date; expiresAt: Date }): Promise<void> {
  await tx.query(
    `INSERT INTO staff_activation (cpas_id, user_id, code_hash, issued_at, expires_at) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (cpas_id, user_id) DO UPDATE SET code_hash = EXCLUDED.code_hash, issued_at = EXCLUDED.issued_at, expires_at = EXCLUDED.expires_at`,
    [a.cpasId, a.userId, a.codeHash, a.issuedAt, a.expiresAt],
  );
}

/** The live activation code hash of an account, or null (none, or expired). */
export async function findActivation(tx: Tx, cpasId: string, userId: string, now: Date): Promise<string | null> {
  const [row] = await tx.query<{ code_hash: string }>('SELECT code_hash FROM staff_activation WHERE cpas_id = $1 AND user_id = $2 AND expires_at > $3', [cpasId, userId, now]);
  return row?.code_hash ?? null;
}

export async function deleteActivation(tx: Tx, cpasId: string, userId: string): Promise<void> {
  await tx.query('DELETE FROM staff_activation WHERE cpas_id = $1 AND user_id = $2', [cpasId, userId]);
}

export interface RoleGrantRow {
  grantId: string;
  userId: string;
  username: string;
  displayName: string;
  role: Role;
  grantedBy: string | null;
  grantedAt: Date;
  confirmedBy: string | null;
  createdBy: string | null;
}

const SELECT_GRANT = `
  SELECT g.grant_id AS "grantId", g.user_id AS "userId", u.username, u.display_name AS "displayName", g.role, g.granted_by AS "grantedBy",
         g.granted_at AS "grantedAt", g.confirmed_by AS "confirmedBy", u.created_by AS "createdBy"
  FROM staff_role_grant g JOIN staff_user u ON u.cpas_id = g.cpas_id AND u.user_id = g.user_id`;

/** Returns false when the same role is already waiting for this account. */
export async function insertRoleGrant(tx: Tx, g: { cpasId: string; grantId: string; userId: string; role: Role; grantedBy: string | null; grantedAt: Date }): Promise<boolean> {
  const rows = await tx.query(
    `INSERT INTO staff_role_grant (cpas_id, grant_id, user_id, role, granted_by, granted_at) VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (cpas_id, user_id, role) DO NOTHING RETURNING grant_id`,
    [g.cpasId, g.grantId, g.userId, g.role, g.grantedBy, g.grantedAt],
  );
  return rows.length === 1;
}

export async function findRoleGrant(tx: Tx, cpasId: string, grantId: string): Promise<RoleGrantRow | null> {
  const [row] = await tx.query<RoleGrantRow & Record<string, unknown>>(`${SELECT_GRANT} WHERE g.cpas_id = $1 AND g.grant_id = $2 FOR UPDATE OF g`, [cpasId, grantId]);
  return row ?? null;
}

export async function listOpenRoleGrants(tx: Tx, cpasId: string): Promise<RoleGrantRow[]> {
  return tx.query<RoleGrantRow & Record<string, unknown>>(`${SELECT_GRANT} WHERE g.cpas_id = $1 ORDER BY g.granted_at, g.grant_id`, [cpasId]);
}

/** Records the confirmation; false when someone confirmed it first. */
export async function confirmRoleGrantRow(tx: Tx, g: { cpasId: string; grantId: string; confirmedBy: string | null; at: Date; codeHash: string; codeExpiresAt: Date }): Promise<boolean> {
  const rows = await tx.query(
    `UPDATE staff_role_grant SET confirmed_by = $3, confirmed_at = $4, code_hash = $5, code_expires_at = $6
     WHERE cpas_id = $1 AND grant_id = $2 AND confirmed_at IS NULL RETURNING grant_id`,
    [g.cpasId, g.grantId, g.confirmedBy, g.at, g.codeHash, g.codeExpiresAt],
  );
  return rows.length === 1;
}

/** Takes the confirmed grants of an account whose code matches (removing them); the caller makes them effective. */
export async function takeConfirmedGrants(tx: Tx, cpasId: string, userId: string, codeHash: string, now: Date): Promise<{ grantId: string; role: Role }[]> {
  return tx.query<{ grantId: string; role: Role }>(
    `DELETE FROM staff_role_grant WHERE cpas_id = $1 AND user_id = $2 AND code_hash = $3 AND code_expires_at > $4
     RETURNING grant_id AS "grantId", role`,
    [cpasId, userId, codeHash, now],
  );
}

export interface ProposalRow {
  proposalId: string;
  personId: string;
  userId: string;
  assignedFrom: string;
  assignedUntil: string | null;
  proposedBy: string;
}

export async function insertProposal(tx: Tx, cpasId: string, p: ProposalRow & { proposedAt: Date }): Promise<void> {
  await tx.query(
    `INSERT INTO case_assignment_proposal (cpas_id, proposal_id, person_id, user_id, assigned_from, assigned_until, proposed_by, proposed_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [cpasId, p.proposalId, p.personId, p.userId, p.assignedFrom, p.assignedUntil, p.proposedBy, p.proposedAt],
  );
}

const SELECT_PROPOSAL = `SELECT proposal_id AS "proposalId", person_id AS "personId", user_id AS "userId", to_char(assigned_from, 'YYYY-MM-DD') AS "assignedFrom",
  to_char(assigned_until, 'YYYY-MM-DD') AS "assignedUntil", proposed_by AS "proposedBy" FROM case_assignment_proposal`;

export async function findProposal(tx: Tx, cpasId: string, proposalId: string): Promise<ProposalRow | null> {
  const [row] = await tx.query<ProposalRow & Record<string, unknown>>(`${SELECT_PROPOSAL} WHERE cpas_id = $1 AND proposal_id = $2 FOR UPDATE`, [cpasId, proposalId]);
  return row ?? null;
}

export async function listProposals(tx: Tx, cpasId: string): Promise<ProposalRow[]> {
  return tx.query<ProposalRow & Record<string, unknown>>(`${SELECT_PROPOSAL} WHERE cpas_id = $1 ORDER BY proposed_at, proposal_id`, [cpasId]);
}

export async function deleteProposal(tx: Tx, cpasId: string, proposalId: string): Promise<void> {
  await tx.query('DELETE FROM case_assignment_proposal WHERE cpas_id = $1 AND proposal_id = $2', [cpasId, proposalId]);
}
