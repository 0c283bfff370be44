// When the CPAS must answer. No statutory time limit is known (R18, [CHECK]): the register works
// to the date the request names, else to the date of reception plus an internal delay set by the
// CPAS. Escalating before that date matters because refusing a valid request is fined (R19).
import { addDays } from '../calendar-date.ts';
import type { RegisterState } from './register-state.ts';
import { isOpen } from './register-state.ts';

/** Used until a CPAS sets its own delay: an internal service level, not a legal term. */
export const DEFAULT_ANSWER_DELAY_DAYS = 15;


export function dueDateOf(received: string, answerBy: string | null, delayDays: number): { dueOn: string; source: 'request' | 'internal-delay' } {
  return answerBy ? { dueOn: answerBy, source: 'request' } : { dueOn: addDays(received, delayDays), source: 'internal-delay' };
}

/** Overdue: still owed and past its date. */
export const isOverdue = (dueOn: string, state: RegisterState, today: string): boolean => isOpen(state) && dueOn < today;
