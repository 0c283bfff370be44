// Break-glass: the rules, in one place. A member of the social service who is not on a case may
// open its secret part for reading in an emergency (the assigned worker is absent and the person
// is in danger), for a short time, with a written reason, and every opening is reviewed.
export const BREAK_GLASS = {
  /** How long a grant opens the case. Short, so a grant cannot become a standing second assignment. */
  minutes: 60,
  /** A reason must say something: "urgence" alone gives the reviewer nothing to judge. */
  reasonMinLength: 20,
  reasonMaxLength: 2000,
  commentMaxLength: 2000,
} as const;

// Who may break the glass and who reviews are operations of the policy (OPERATIONS in access-policy.ts).

export const REVIEW_OUTCOMES = ['justified', 'not-justified'] as const;
export type ReviewOutcome = (typeof REVIEW_OUTCOMES)[number];
