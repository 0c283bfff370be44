// The questions of the guide's page, one per step, and how the answers so far become the
// contract's input. The answers travel in the form itself (hidden fields of a POST): the server
// keeps nothing between steps and no answer ever appears in an address. Only values of the
// contract's enumerations are read back; anything else is dropped, so a crafted form cannot put
// text into a page or an input.
import {
  CAN_PROTECT, CONSENTS, COUNTERPARTS, DANGERS, ENDANGERED, GUIDE_CHANNELS, GUIDE_ITEMS, INITIATIVES, INSTRUMENTS, OFFENCES,
  type GuideInput, type GuideItem,
} from '../domain/guide/vocabulary.ts';
import { parseGuideInput } from '../domain/guide/parse-guide.ts';
import { formList, formText, type FormBody } from './forms.ts';

export const CHOICES = {
  danger: DANGERS,
  endangered: ENDANGERED,
  canProtect: CAN_PROTECT,
  initiative: INITIATIVES,
  counterpart: COUNTERPARTS,
  channel: GUIDE_CHANNELS,
  instrument: INSTRUMENTS,
  offence: OFFENCES,
  consent: CONSENTS,
} as const;
export type SingleQuestion = keyof typeof CHOICES;
export type QuestionId = SingleQuestion | 'items';

/** Danger first: whoever asks, a life comes before everything, and a call to 112 is never delayed (R25). */
export const QUESTIONS: readonly QuestionId[] = ['danger', 'endangered', 'canProtect', 'initiative', 'counterpart', 'channel', 'instrument', 'offence', 'consent', 'items'];

export type Answers = Partial<Record<SingleQuestion, string>> & { items?: GuideItem[] };

const PRESSING = ['grave-and-imminent', 'serious-indications-other-victims'];

/**
 * Someone in grave peril now: the worker must help (G2) whoever asked and however, so only what
 * they would tell the rescuers is asked. The contract's other fields do not change that answer
 * (G2 holds whatever they are, canProtect and endangered included), and they get the values of
 * a worker calling 112 themselves.
 */
const EMERGENCY: Omit<GuideInput, 'danger' | 'items'> = {
  counterpart: 'emergency-services',
  initiative: 'own-initiative',
  channel: 'phone',
  instrument: 'none',
  consent: 'none',
  offence: 'none',
  endangered: 'the-person',
  canProtect: 'no',
};

export function asks(question: QuestionId, answers: Answers): boolean {
  if (question === 'danger' || question === 'items') return true;
  if (answers.danger === 'grave-and-current') return false;
  if (question === 'endangered' || question === 'canProtect') return PRESSING.includes(answers.danger ?? '');
  return true;
}

/** The next question still to answer, or null when the input is complete. */
export function nextQuestion(answers: Answers): QuestionId | null {
  return QUESTIONS.find((q) => asks(q, answers) && (q === 'items' ? !answers.items?.length : answers[q] === undefined)) ?? null;
}

const valid = (question: SingleQuestion, value: string): boolean => (CHOICES[question] as readonly string[]).includes(value);

/** One answer from the form, or undefined when it is not one of the question's choices. */
export function readChoice(body: FormBody, question: SingleQuestion, name: string = question): string | undefined {
  const value = formText(body, name);
  return valid(question, value) ? value : undefined;
}

export function readItems(body: FormBody, name: string): GuideItem[] {
  const picked = formList(body, name);
  // In the contract's order, each once.
  return GUIDE_ITEMS.filter((item) => picked.includes(item));
}

/** The answers carried by the hidden fields (`a.danger`, `a.items`...), dropping those that no longer apply. */
export function readAnswers(body: FormBody): Answers {
  const answers: Answers = {};
  for (const question of QUESTIONS) {
    if (question === 'items') {
      const items = readItems(body, 'a.items');
      if (items.length > 0) answers.items = items;
    } else {
      const value = readChoice(body, question, `a.${question}`);
      if (value !== undefined) answers[question] = value;
    }
  }
  return withoutInapplicable(answers);
}

export function withoutInapplicable(answers: Answers): Answers {
  return Object.fromEntries(Object.entries(answers).filter(([q]) => asks(q as QuestionId, answers))) as Answers;
}

/** The answers before `question` in the order of the questions: what "change" and "previous" keep. */
export function answersBefore(answers: Answers, question: QuestionId): Answers {
  const index = QUESTIONS.indexOf(question);
  return Object.fromEntries(Object.entries(answers).filter(([q]) => QUESTIONS.indexOf(q as QuestionId) < index)) as Answers;
}

/** The last question answered: "previous question" reopens it. */
export function lastAnswered(answers: Answers): QuestionId | null {
  return [...QUESTIONS].reverse().find((q) => (q === 'items' ? answers.items?.length : answers[q] !== undefined)) ?? null;
}

/** The contract's input once every question that applies has an answer (read by the contract's own parser). */
export function toGuideInput(answers: Answers): GuideInput | null {
  if (nextQuestion(answers) !== null) return null;
  if (answers.danger === 'grave-and-current') return parseGuideInput({ ...EMERGENCY, danger: 'grave-and-current', items: answers.items });
  return parseGuideInput(answers);
}
