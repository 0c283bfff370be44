// Who may do what with the sealed register (R14-R16). The register reveals that an authority is
// investigating a named person for terrorism: only those who answer for the CPAS (the directeur
// général, the président), the DPO who supervises the processing, and the staff the first two
// delegate may see it. Anyone may record a request they received (R15), and loses sight of it
// once recorded. Only the directeur général or the président signs (R14), never a delegate.
import { mayPerform, type Operation } from '../access-policy.ts';
import type { Role } from '../roles.ts';

export const REGISTER_ACTIONS = ['record', 'read', 'manage', 'sign', 'delegate', 'configure', 'statistics'] as const;
export type RegisterAction = (typeof REGISTER_ACTIONS)[number];

export const OPERATION_OF: Readonly<Record<RegisterAction, Operation>> = {
  record: 'record-authority-request',
  read: 'read-register',
  manage: 'manage-register',
  sign: 'sign-disclosure',
  delegate: 'delegate-register',
  configure: 'configure-requests',
  statistics: 'read-request-statistics',
};

/** What a delegation opens: reading the register and preparing answers. Never signing, delegating or configuring. */
const DELEGATED: ReadonlySet<RegisterAction> = new Set(['read', 'manage']);

export function mayActOnRegister(roles: readonly Role[], delegate: boolean, action: RegisterAction): boolean {
  if (mayPerform(roles, OPERATION_OF[action])) return true;
  return delegate && DELEGATED.has(action) && mayBeDelegate(roles);
}

/**
 * Only administrative agents (the secretariat, the legal service) can be delegated. Not the
 * social service: a worker who prepares the answer about their own client would become the
 * investigator the Constitutional Court refused to make of them (R15, R22). Not the DPO, who
 * supervises the processing and cannot take part in it; not IT, which sees no content; not the
 * council, which sees only what is on its agenda (R31). The check is repeated at each use: a
 * delegate who later receives a social-service role loses the delegation's effect.
 */
export function mayBeDelegate(roles: readonly Role[]): boolean {
  return roles.length > 0 && roles.every((role) => role === 'administrative-agent');
}
