// The data classes of the separation-of-duties tables (migration 006): open role grants waiting
// for a second person, activation codes, assignments waiting for the head of social service.
// Spread into CATALOGUE in data-classes.ts, built from plain objects like data-classes-audit.ts.
import type { ColumnClass, SystemRole } from './data-classes.ts';

const system = (role: SystemRole): ColumnClass => ({ kind: 'system', role });
const KEY = system('key');
const SECURITY = system('security');
const allOf = (columns: string[], cls: ColumnClass) => Object.fromEntries(columns.map((c) => [c, cls]));

export const DUTIES_CATALOGUE: Readonly<Record<string, Readonly<Record<string, ColumnClass>>>> = {
  staff_activation: {
    cpas_id: KEY,
    user_id: KEY,
    ...allOf(['code_hash', 'issued_at', 'expires_at'], SECURITY),
  },
  staff_role_grant: {
    cpas_id: KEY,
    grant_id: KEY,
    user_id: KEY,
    granted_by: KEY,
    confirmed_by: KEY,
    ...allOf(['role', 'granted_at', 'confirmed_at'], system('staff')),
    ...allOf(['code_hash', 'code_expires_at'], SECURITY),
  },
  case_assignment_proposal: {
    cpas_id: KEY,
    proposal_id: KEY,
    person_id: KEY,
    user_id: KEY,
    proposed_by: KEY,
    ...allOf(['assigned_from', 'assigned_until', 'proposed_at'], system('case-relation')),
  },
};
