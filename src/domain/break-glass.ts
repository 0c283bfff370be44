// Break-glass: the rules, in one place. A member of the social service who is not on a case may
// open its secret part for reading in an emergency (the assigned worker is absent and the person
// is in danger), for a short time, with a written reason, and every opening is reviewed.
import type { Role } from './roles.ts';

export const BREAK_GLASS = {
  /** How long a grant opens the case. Short, so a grant cannot become a standing second assignment. */
  minutes: 60,
  /** A reason must say something: "urgence" alone gives the reviewer nothing to judge. */
  reasonMinLength: 20,
  reasonMaxLength: 2000,
  commentMaxLength: 2000,
} as const;

/** Only staff bound by the same professional secret may break the glass (the policy opens reading to these roles only). */
export const MAY_BREAK_GLASS: readonly Role[] = ['social-worker', 'head-of-social-service'];
/** Who reviews: the head of the social service (supervision) and the DPO (accountability). */
export const MAY_REVIEW_BREAK_GLASS: readonly Role[] = ['head-of-social-service', 'dpo'];

export const REVIEW_OUTCOMES = ['justified', 'not-justified'] as const;
export type ReviewOutcome = (typeof REVIEW_OUTCOMES)[number];

export const hasAnyRole = (roles: readonly Role[], allowed: readonly Role[]) => roles.some((r) => allowed.includes(r));
