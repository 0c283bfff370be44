// The life of a request in the sealed register, as a pure state machine. Every move is an
// event on a state; the table below is the whole of what can happen, and a move it does not
// list is refused (invalid-state). Guards that need the assessment sit beside it, so that no use
// case can, e.g., prepare a disclosure for a request that does not qualify.
//
//   received ─assess─▶ assessed ─prepare─▶ prepared ─sign─▶ signed ─send─▶ sent
//      │  ╲              │  ▲ ╲                 │
//      │   ╲needs review ▼  │  ╲refuse/return    └─(re-assess voids the unsigned draft)
//      │    ▶ legal-review ─┘   ▶ refused | returned-for-completion
//      └─oral attempt─▶ refused
import type { Assessment } from './assess.ts';

export const REGISTER_STATES = [
  'received',
  'assessed',
  'legal-review',
  'returned-for-completion',
  'refused',
  'prepared',
  'signed',
  'sent',
] as const;
export type RegisterState = (typeof REGISTER_STATES)[number];

export const REGISTER_EVENTS = [
  'record-oral-attempt',
  'assess-complete',
  'assess-needs-review',
  'prepare',
  'sign',
  'send',
  'refuse',
  'return',
  'complete',
] as const;
export type RegisterEvent = (typeof REGISTER_EVENTS)[number];

const ASSESS = { 'assess-complete': 'assessed', 'assess-needs-review': 'legal-review' } as const;
const CLOSE = { refuse: 'refused', return: 'returned-for-completion' } as const;

/** The whole transition table: state -> event -> next state. */
export const TRANSITIONS: Readonly<Record<RegisterState, Readonly<Partial<Record<RegisterEvent, RegisterState>>>>> = {
  // An oral request is never answered (R4): it is closed as refused the moment it is recorded.
  received: { ...ASSESS, 'record-oral-attempt': 'refused' },
  assessed: { ...ASSESS, ...CLOSE, prepare: 'prepared' },
  // Out of legal review only by a new assessment (after the legal service set the configuration)
  // or by the legal service's decision to refuse or return the request.
  'legal-review': { ...ASSESS, ...CLOSE },
  // A draft may be prepared again until it is signed; a new assessment voids it.
  prepared: { ...ASSESS, prepare: 'prepared', sign: 'signed' },
  // Signed: frozen. Only sending remains; nothing goes back.
  signed: { send: 'sent' },
  sent: {},
  refused: {},
  // The authority completes what was returned: the same entry, its next version, received again.
  'returned-for-completion': { complete: 'received' },
};

export function nextState(state: RegisterState, event: RegisterEvent): RegisterState | null {
  return TRANSITIONS[state][event] ?? null;
}

/** States in which the CPAS still owes an answer: the ones that can be overdue. */
export const OPEN_STATES: readonly RegisterState[] = ['received', 'assessed', 'legal-review', 'prepared', 'signed'];
export const isOpen = (state: RegisterState): boolean => OPEN_STATES.includes(state);

export const isRegisterState = (value: string): value is RegisterState => (REGISTER_STATES as readonly string[]).includes(value);

/** Which event an assessment leads to: any question left to the legal service holds the request there. */
export function assessmentEvent(assessment: Assessment): 'assess-complete' | 'assess-needs-review' {
  const open = assessment.outcome === 'legal-review' || assessment.items.some((i) => i.decision === 'legal-review');
  return open ? 'assess-needs-review' : 'assess-complete';
}

export type SubjectMatchState = 'unmatched' | 'matched' | 'no-file';

/**
 * Why a disclosure cannot be prepared yet, or null. Without these checks a draft could carry
 * data for a request that does not qualify, before the legal service decided an open category,
 * or about a file nobody confirmed is the person the prosecutor named (R37).
 */
export function preparationBlocker(assessment: Assessment, subjects: readonly SubjectMatchState[]): string | null {
  if (assessment.outcome !== 'answer') return `the assessment's outcome is ${assessment.outcome}, not answer`;
  if (assessment.items.some((i) => i.decision === 'legal-review')) return 'an item still waits for the legal service';
  if (subjects.length === 0) return 'the request names no person';
  if (subjects.some((s) => s === 'unmatched')) return 'every person named must first be matched to a file, or confirmed as having none';
  return null;
}

/**
 * Whether a request may be refused or returned. After an assessment only when the assessment
 * itself says so: refusing a valid request is fined (R19) and returning one delays the
 * investigation. In legal review the legal service decides, so both are open there, with a comment.
 */
export function closingAllowed(state: RegisterState, assessment: Assessment | null, event: 'refuse' | 'return'): boolean {
  if (nextState(state, event) === null) return false;
  if (state === 'legal-review') return true;
  const wanted = event === 'refuse' ? 'refuse' : 'return-for-completion';
  return assessment?.outcome === wanted;
}
