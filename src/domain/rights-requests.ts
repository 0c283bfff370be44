// Data-protection rights requests (GDPR arts 15, 16, 21): their kinds, states and legal deadline.
// The controller answers "without undue delay and in any event within one month of receipt",
// extendable "by two further months where necessary", telling the person why (art. 12(3)).
import { decideAccess } from './access-policy.ts';
import type { Role } from './roles.ts';

export const RIGHTS_KINDS = ['copy', 'correction', 'objection'] as const;
export type RightsKind = (typeof RIGHTS_KINDS)[number];
export const isRightsKind = (value: unknown): value is RightsKind => typeof value === 'string' && (RIGHTS_KINDS as readonly string[]).includes(value);

export const RIGHTS_STATES = ['received', 'redacted', 'approved', 'released', 'answered'] as const;
export type RightsState = (typeof RIGHTS_STATES)[number];

export const STATEMENT_MAX_LENGTH = 2_000;
export const EXTENSION_REASON_MIN_LENGTH = 10;

/**
 * Adds calendar months to a date ('YYYY-MM-DD'), ending on the last day of a shorter month:
 * a request received on 31 January is due on 28 (or 29) February.
 */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const monthIndex = m - 1 + months;
  const year = y + Math.floor(monthIndex / 12);
  const month = ((monthIndex % 12) + 12) % 12;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(month + 1).padStart(2, '0')}-${String(Math.min(d, lastDay)).padStart(2, '0')}`;
}

export const dueOnOf = (receivedOn: string): string => addMonths(receivedOn, 1);
/** Two further months, counted from the first due date (art. 12(3)). */
export const extendedDueOnOf = (dueOn: string): string => addMonths(dueOn, 2);

/** The steps of a request, and from which state each may be taken. */
export const RIGHTS_STEPS = {
  // A copy of the social reports: the social worker redacts what concerns third parties (art. 15(4)) ...
  redact: { kinds: ['copy'], from: ['received', 'redacted'], to: 'redacted' },
  // ... a head of social service who did not redact approves ...
  approve: { kinds: ['copy'], from: ['redacted'], to: 'approved' },
  // ... and only then may the person download it (the first download releases it).
  release: { kinds: ['copy'], from: ['approved', 'released'], to: 'released' },
  // A correction or an objection is answered (the answer itself goes by letter, as today).
  answer: { kinds: ['correction', 'objection'], from: ['received'], to: 'answered' },
} as const satisfies Record<string, { kinds: readonly RightsKind[]; from: readonly RightsState[]; to: RightsState }>;
export type RightsStep = keyof typeof RIGHTS_STEPS;

export function mayTakeStep(step: RightsStep, kind: RightsKind, state: RightsState): boolean {
  const rule = RIGHTS_STEPS[step];
  return (rule.kinds as readonly RightsKind[]).includes(kind) && (rule.from as readonly RightsState[]).includes(state);
}

/** Open until the copy is released or the request answered: only an open request can be extended. */
export const isOpenRightsRequest = (state: RightsState): boolean => state !== 'released' && state !== 'answered';

/**
 * Whether a member of staff may record a person's request at the desk: the same write of the
 * person's administrative file that recordDeskRequest asks the policy for, with the most favourable
 * ordinary relation (same CPAS, the worker's own supervised case). The form is shown only to those, so a role
 * the use case would refuse is told before typing what the person said, not after.
 */
export function mayRecordDeskRequest(roles: readonly Role[]): boolean {
  return decideAccess(roles, 'write', 'application-data', { sameCpas: true, assigned: true, supervised: true, onAgenda: false, breakGlass: false }).allowed;
}
