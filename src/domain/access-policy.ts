// The access policy, in one place: deny by default. Personal data is decided per data class from
// the actor's roles, the relation to the person and the purpose (decideAccess, decidePersonAccess);
// a decision names the rule that allowed or refused it, and the access log records that rule, in
// one precedence (RULE_PRECEDENCE). The role lists of operations (OPERATIONS, with break-glass and
// the register), the register's delegation and the purposes that open secret classes live here too.
import { type ItemCategory, tierOf } from './data-classes.ts';
import { type Purpose, PURPOSE_IDS } from './purposes.ts';
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
  /**
   * The access is made through an open agenda item, named by the request, that puts one of the
   * person's applications before the council or committee. Only that item's page names it: any
   * other page of the file is asked without it, so a council member is refused there (R31).
   */
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
/** What the council or committee writes on an item before it: its decision and the motivation. */
const COUNCIL_DECIDES: ReadonlySet<ItemCategory> = new Set<ItemCategory>(['aid-decisions', 'decision-motivation']);
/** Roles that run the system or supervise the processing: they see no content at all. */
const NO_CONTENT_ROLES: ReadonlySet<Role> = new Set(['dpo', 'it-admin']);

function decideForRole(role: Role, action: AccessAction, category: ItemCategory, relation: CaseRelation): AccessDecision {
  if (NO_CONTENT_ROLES.has(role)) return deny('no-content-role');
  if (tierOf(category) === 'administrative') {
    const staff = action === 'read' ? ADMINISTRATIVE_READERS : ADMINISTRATIVE_WRITERS;
    if (staff.has(role)) return allow('administrative-staff');
    if (COUNCIL_ROLES.has(role) && relation.onAgenda && (action === 'read' ? COUNCIL_CATEGORIES : COUNCIL_DECIDES).has(category)) {
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

/**
 * The one precedence of rules, used for one class (several roles allow it) and for a whole access
 * (several classes opened under different rules): the closest relation that opened the data names
 * the access. Being on the case, then supervising it, then an emergency opening (so a file opened
 * under break-glass is logged as such even though its administrative part needed none), then the
 * council agenda, then the administrative staff role.
 */
export const RULE_PRECEDENCE = ['assigned-worker', 'head-of-social-service', 'break-glass', 'council-agenda', 'administrative-staff'] as const satisfies readonly AccessRule[];

/** The rule that names an access opened under `rules`; default-deny when none opened anything. */
export function strongestRule(rules: readonly AccessRule[]): AccessRule {
  return RULE_PRECEDENCE.find((rule) => rules.includes(rule)) ?? 'default-deny';
}

/** Decides one action on one data class. Several roles: any allowing role allows, naming the strongest rule. */
export function decideAccess(roles: readonly Role[], action: AccessAction, category: ItemCategory, relation: CaseRelation): AccessDecision {
  // No cross-CPAS access, ever, whatever the role: each CPAS is its own controller of data.
  if (!relation.sameCpas) return deny('cross-cpas');
  const decisions = roles.map((role) => decideForRole(role, action, category, relation));
  const allowedBy = decisions.filter((d) => d.allowed).map((d) => d.rule);
  if (allowedBy.length > 0) return allow(strongestRule(allowedBy));
  if (roles.length > 0 && decisions.every((d) => d.rule === 'no-content-role')) return deny('no-content-role');
  return deny('default-deny');
}

/**
 * The relation of a reviewer to a break-glass grant: the head of social service supervises the
 * whole service, so every emergency opening in it, whether or not the case has an assigned worker.
 */
const SERVICE_SUPERVISION: CaseRelation = { sameCpas: true, assigned: false, supervised: true, onAgenda: false, breakGlass: false };

/**
 * Reading the reason of a break-glass grant and its review comments. They are written by a worker
 * about a person and can repeat a confidence, so they are social notes, decided like any other
 * secret read: the head of social service reads them; the DPO, who sees no content, does not (the
 * DPO reviews the structured part: who, when, which person, purpose, duration, what was opened).
 */
export function decideBreakGlassTexts(roles: readonly Role[]): AccessDecision {
  return decideAccess(roles, 'read', 'social-notes', SERVICE_SUPERVISION);
}

/**
 * Putting one of a person's applications on the agenda of the council or committee: the social
 * service proposes what it investigated. The worker assigned to the case, or the head of social
 * service; not a worker of another case, who would put before the council a file they do not
 * follow, nor the desk, which has not investigated it.
 */
export function decideAgendaPlacement(roles: readonly Role[], relation: CaseRelation): AccessDecision {
  if (!relation.sameCpas) return deny('cross-cpas');
  if (roles.includes('social-worker') && relation.assigned) return allow('assigned-worker');
  if (roles.includes('head-of-social-service')) return allow('head-of-social-service');
  return deny('default-deny');
}

/** Purposes of the case work itself: the only ones that open secret classes to an allowed reader. */
const SECRET_PURPOSES: ReadonlySet<Purpose> = new Set<Purpose>(['case-follow-up', 'committee-preparation', 'supervision']);

/** Opening secret data needs a purpose of the case work itself, not an administrative one. */
export const allowsSecretAccess = (purpose: Purpose): boolean => SECRET_PURPOSES.has(purpose);

/**
 * The purposes a person may choose on a page to open a file, role by role. Each is offered only to
 * the roles for which the policy opens something under it: a case-work purpose to those who read the
 * secret part of some case (an administrative agent choosing "case follow-up" would open nothing
 * more, and the log would name a reason that was not theirs); intake to those who may write the
 * administrative file; the council's purpose to council members (only what an agenda puts before
 * them); an authority request to the directeur général, who answers for the register and reads the
 * administrative file (that purpose keeps the read out of the person's own access history, so any
 * other role choosing it would hide a read from the person). The DPO and IT open no file for any
 * purpose; bulk import and the DPO's audit are set by their own use cases, never chosen.
 */
const PURPOSES_OF_ROLE: Readonly<Record<Role, readonly Purpose[]>> = {
  'social-worker': ['case-follow-up', 'committee-preparation', 'administrative-processing', 'intake'],
  'head-of-social-service': ['committee-preparation', 'supervision', 'administrative-processing', 'intake'],
  'administrative-agent': ['administrative-processing', 'intake', 'data-subject-access'],
  'directeur-general': ['administrative-processing', 'authority-request'],
  president: ['council-decision'],
  'council-member': ['council-decision'],
  dpo: [],
  'it-admin': [],
};

/** The purposes offered to an account with these roles, in the order of PURPOSE_IDS; empty: it opens no file. */
export function purposesOfRole(roles: readonly Role[]): readonly Purpose[] {
  return PURPOSE_IDS.filter((purpose) => roles.some((role) => PURPOSES_OF_ROLE[role].includes(purpose)));
}

export type WithheldReason = AccessRule | 'purpose';

export interface PersonAccessDecision {
  readonly allowed: readonly ItemCategory[];
  readonly withheld: readonly { readonly category: ItemCategory; readonly reason: WithheldReason }[];
  /** Whether the whole access is refused: nothing allowed, or a write (not partial) with anything withheld. */
  readonly refused: boolean;
  /** The rule the access-log entry names: the strongest allowing rule, or the refusing one. */
  readonly rule: AccessRule;
}

/**
 * One access to a person's data, over several classes: each class by decideAccess, then the
 * purpose (even an allowed reader opens the secret part only for case work, not, e.g., for an
 * administrative check). `partial`: a read may open part of a file; a write needs every class.
 */
export function decidePersonAccess(
  roles: readonly Role[], action: AccessAction, categories: readonly ItemCategory[], relation: CaseRelation, purpose: Purpose, partial: boolean,
): PersonAccessDecision {
  const allowed: ItemCategory[] = [];
  const withheld: { category: ItemCategory; reason: WithheldReason }[] = [];
  const rules: AccessRule[] = [];
  for (const category of categories) {
    const decision = decideAccess(roles, action, category, relation);
    if (!decision.allowed) withheld.push({ category, reason: decision.rule });
    else if (tierOf(category) === 'secret' && !allowsSecretAccess(purpose)) withheld.push({ category, reason: 'purpose' });
    else {
      allowed.push(category);
      rules.push(decision.rule);
    }
  }
  const refused = allowed.length === 0 || (!partial && withheld.length > 0);
  if (!refused) return { allowed, withheld, refused, rule: strongestRule(rules) };
  // A refusal names the policy's rule, or default-deny when only the purpose was wrong.
  const byPolicy = withheld.find((w) => w.reason !== 'purpose')?.reason as AccessRule | undefined;
  return { allowed: [], withheld, refused, rule: byPolicy ?? 'default-deny' };
}

/** Operations on the system itself, not on a person's data. Deny by default. */
export const OPERATIONS = {
  'manage-users': ['directeur-general', 'it-admin'],
  'manage-assignments': ['head-of-social-service', 'directeur-general'],
  // The second person of the social service (src/domain/separation-of-duties.ts): confirms grants of
  // secret-opening roles and assignments proposed by someone else; their own assignments need no second.
  'confirm-role-grant': ['head-of-social-service'],
  'confirm-assignment': ['head-of-social-service'],
  // Ending an assignment closes a file to its worker: the head of social service, who answers for the
  // continuity of the service's cases, decides it; the directeur général only proposes assignments.
  'end-assignment': ['head-of-social-service'],
  // The secretariat schedules the sessions of the council and the committee (no person in them).
  'manage-agenda': ['administrative-agent', 'head-of-social-service', 'directeur-general'],
  // The social service proposes a case for decision (decideAgendaPlacement adds: the worker on the case).
  'place-on-agenda': ['social-worker', 'head-of-social-service'],
  // Council and committee members see the open sessions; each item's persons through the item only (R31).
  'read-agenda': ['council-member', 'president'],
  // The président, who chairs the session, or the directeur général, its secretary, closes it: access ends.
  'close-agenda': ['president', 'directeur-general'],
  'read-access-log': ['dpo'],
  // The DPO answers "whose data was processed, by whom" from a name, a birth date or a national
  // number (GDPR arts 38(2), 39): identity only (mayNamePersons), never the file.
  'find-person-for-audit': ['dpo'],
  'create-person': ['social-worker', 'head-of-social-service', 'administrative-agent'],
  'import-persons': ['administrative-agent', 'head-of-social-service'],
  'search-persons': ['social-worker', 'head-of-social-service', 'administrative-agent', 'directeur-general'],
  // Only staff bound by the same professional secret may break the glass (decideAccess opens reading to these roles only).
  'break-glass': ['social-worker', 'head-of-social-service'],
  // The head of social service reviews as supervisor, the DPO for accountability (decideBreakGlassTexts: who reads the reason).
  'review-break-glass': ['head-of-social-service', 'dpo'],
  // The sealed register of authority requests (art. 46bis/1 CIC; mayActOnRegister below adds delegates).
  'record-authority-request': ['social-worker', 'head-of-social-service', 'administrative-agent', 'directeur-general', 'president', 'council-member', 'dpo', 'it-admin'],
  'read-register': ['directeur-general', 'president', 'dpo'],
  'manage-register': ['directeur-general', 'president'],
  'sign-disclosure': ['directeur-general', 'president'],
  'delegate-register': ['directeur-general', 'president'],
  'configure-requests': ['directeur-general', 'president'],
  'read-request-statistics': ['directeur-general', 'president', 'dpo'],
  // The professional-secrecy guide: its CHECK switch is the legal service's decision, applied by the directeur général.
  'configure-guide': ['directeur-general'],
  // Disclosures recorded after the guide, counted by ground and year: no content (src/app/guide/disclosure-statistics.ts).
  'read-disclosure-statistics': ['dpo', 'head-of-social-service'],
} as const satisfies Record<string, readonly Role[]>;
export type Operation = keyof typeof OPERATIONS;

export function mayPerform(roles: readonly Role[], operation: Operation): boolean {
  const allowed: readonly Role[] = OPERATIONS[operation];
  return roles.some((role) => allowed.includes(role));
}

/** Any person of the actor's CPAS, without any link to the actor: what a list of persons starts from. */
const SAME_CPAS_ONLY: CaseRelation = { sameCpas: true, assigned: false, supervised: false, onAgenda: false, breakGlass: false };

/**
 * Whether a list outside a file (the break-glass queue, the DPO's finder) may name a person: the
 * roles that read any identity of their CPAS, and the DPO, who must know whose data was processed
 * but opens no file. Anyone else sees a file's random id only: a name next to "emergency access"
 * or "access log" already says something about the person.
 */
export function mayNamePersons(roles: readonly Role[]): boolean {
  return decideAccess(roles, 'read', 'identity', SAME_CPAS_ONLY).allowed || mayPerform(roles, 'find-person-for-audit');
}

// Who may do what with the sealed register (R14-R16). The register reveals that an authority is
// investigating a named person for terrorism: only those who answer for the CPAS (the directeur
// général, the président), the DPO who supervises the processing, and the staff the first two
// delegate may see it. Anyone may record a request they received (R15), and loses sight of it
// once recorded. Only the directeur général or the président signs (R14), never a delegate.
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
