// The access policy for personal data: deny by default, decided per data class.
// A decision names the rule that allowed or refused it; the access log records that rule.
import { type ItemCategory, tierOf } from './data-classes.ts';
import type { Role } from './roles.ts';

export type AccessAction = 'read' | 'write';

/** What links the actor to the person whose data is asked for. Computed from the database, never from the request. */
export interface CaseRelation {
  /** The actor and the person belong to the same CPAS. */
  readonly sameCpas: boolean;
  /** The actor is a social worker assigned to the person's case today. */
  readonly assigned: boolean;
  /** The case has at least one assigned social worker, so a head of social service supervises it. */
  readonly supervised: boolean;
  /** An open agenda item puts one of the person's applications before the council or committee. */
  readonly onAgenda: boolean;
  /** The actor broke the glass on this case, with a written reason, and the access has not expired. */
  readonly breakGlass: boolean;
}

export type AccessRule =
  | 'cross-cpas'
  | 'no-content-role'
  | 'administrative-staff'
  | 'council-agenda'
  | 'assigned-worker'
  | 'head-of-social-service'
  | 'break-glass'
  | 'own-file'
  | 'default-deny';

export interface AccessDecision {
  readonly allowed: boolean;
  readonly rule: AccessRule;
}

const allow = (rule: AccessRule): AccessDecision => ({ allowed: true, rule });
const deny = (rule: AccessRule): AccessDecision => ({ allowed: false, rule });

/** Roles whose work needs the administrative file of any person of their CPAS. */
const ADMINISTRATIVE_READERS: ReadonlySet<Role> = new Set(['social-worker', 'head-of-social-service', 'administrative-agent', 'directeur-general']);
/** Roles that keep the administrative file up to date. The directeur général reads but does not edit files. */
const ADMINISTRATIVE_WRITERS: ReadonlySet<Role> = new Set(['social-worker', 'head-of-social-service', 'administrative-agent']);
/** Council and committee members (the président chairs them) decide on what is put before them, nothing more (art. 36; R31). */
const COUNCIL_ROLES: ReadonlySet<Role> = new Set(['council-member', 'president']);
/** What an agenda item puts before the council: enough to decide, never the secret part of the file. */
const COUNCIL_CATEGORIES: ReadonlySet<ItemCategory> = new Set<ItemCategory>([
  'identity',
  'domicile-address',
  'household-composition',
  'application-data',
  'aid-decisions',
  'decision-motivation',
]);
/** Roles that run the system or supervise the processing: they see no content at all. */
const NO_CONTENT_ROLES: ReadonlySet<Role> = new Set(['dpo', 'it-admin']);

function decideForRole(role: Role, action: AccessAction, category: ItemCategory, relation: CaseRelation): AccessDecision {
  if (NO_CONTENT_ROLES.has(role)) return deny('no-content-role');
  if (tierOf(category) === 'administrative') {
    const staff = action === 'read' ? ADMINISTRATIVE_READERS : ADMINISTRATIVE_WRITERS;
    if (staff.has(role)) return allow('administrative-staff');
    if (action === 'read' && COUNCIL_ROLES.has(role) && relation.onAgenda && COUNCIL_CATEGORIES.has(category)) {
      return allow('council-agenda');
    }
    return deny('default-deny');
  }
  // Secret tier: professional secrecy, shared only within the case (art. 458 Code pénal; R30, R32).
  if (role === 'social-worker' && relation.assigned) return allow('assigned-worker');
  if (role === 'head-of-social-service' && relation.supervised) return allow('head-of-social-service');
  // Break-glass opens reading only, and only to social-service staff bound by the same secret.
  if (action === 'read' && relation.breakGlass && (role === 'social-worker' || role === 'head-of-social-service')) {
    return allow('break-glass');
  }
  return deny('default-deny');
}

const PRECEDENCE: readonly AccessRule[] = ['assigned-worker', 'head-of-social-service', 'administrative-staff', 'council-agenda', 'break-glass'];

/** Decides one action on one data class. Several roles: any allowing role allows, naming the strongest rule. */
export function decideAccess(roles: readonly Role[], action: AccessAction, category: ItemCategory, relation: CaseRelation): AccessDecision {
  // No cross-CPAS access, ever, whatever the role: each CPAS is its own controller of data.
  if (!relation.sameCpas) return deny('cross-cpas');
  const decisions = roles.map((role) => decideForRole(role, action, category, relation));
  for (const rule of PRECEDENCE) {
    if (decisions.some((d) => d.allowed && d.rule === rule)) return allow(rule);
  }
  if (roles.length > 0 && decisions.every((d) => d.rule === 'no-content-role')) return deny('no-content-role');
  return deny('default-deny');
}

/** Operations on the system itself, not on a person's data. Deny by default. */
export const OPERATIONS = {
  'manage-users': ['directeur-general', 'it-admin'],
  'manage-assignments': ['head-of-social-service', 'directeur-general'],
  'manage-agenda': ['administrative-agent', 'head-of-social-service', 'directeur-general'],
  'read-access-log': ['dpo'],
  'create-person': ['social-worker', 'head-of-social-service', 'administrative-agent'],
  'import-persons': ['administrative-agent', 'head-of-social-service'],
  'search-persons': ['social-worker', 'head-of-social-service', 'administrative-agent', 'directeur-general'],
  // The sealed register of authority requests (art. 46bis/1 CIC; src/domain/requests/register-access.ts adds delegates).
  'record-authority-request': ['social-worker', 'head-of-social-service', 'administrative-agent', 'directeur-general', 'president', 'council-member', 'dpo', 'it-admin'],
  'read-register': ['directeur-general', 'president', 'dpo'],
  'manage-register': ['directeur-general', 'president'],
  'sign-disclosure': ['directeur-general', 'president'],
  'delegate-register': ['directeur-general', 'president'],
  'configure-requests': ['directeur-general', 'president'],
  'read-request-statistics': ['directeur-general', 'president', 'dpo'],
} as const satisfies Record<string, readonly Role[]>;
export type Operation = keyof typeof OPERATIONS;

export function mayPerform(roles: readonly Role[], operation: Operation): boolean {
  const allowed: readonly Role[] = OPERATIONS[operation];
  return roles.some((role) => allowed.includes(role));
}

/**
 * The person themself, through the citizen portal (issue 11): the administrative data the CPAS
 * holds on them, and nothing of the secret tier. Without this rule the portal would be one more
 * reader of the file, and a reader allowed by a staff role would receive the social reports, the
 * case notes, the medical data, the PIIS and the worker's opinions: the professional secret is the
 * worker's, and a person may read their social reports only as a copy redacted of what concerns
 * third parties and approved by a head of social service (GDPR art. 15(4); the rights requests).
 * Also left out: the decision's motivation (it may describe the social situation; the person
 * received it in the decision letter) and data received from the Crossroads Bank (its content is
 * raw records from other institutions, not what the CPAS decided).
 */
export const CITIZEN_CATEGORIES: readonly ItemCategory[] = [
  'identity',
  'domicile-address',
  'known-addresses',
  'household-composition',
  'contact-details',
  'payment-account',
  'application-data',
  'aid-decisions',
];

export function decideCitizenAccess(category: ItemCategory): AccessDecision {
  if (tierOf(category) === 'secret') return deny('default-deny');
  return CITIZEN_CATEGORIES.includes(category) ? allow('own-file') : deny('default-deny');
}
