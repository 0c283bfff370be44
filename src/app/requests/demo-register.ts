// The demo's register of authority requests: one request in each state a newcomer should meet
// (received, legal review, prepared, signed, sent, refused), so the register is not empty on first
// start. Made through the same use cases as real requests (record, assess, match, prepare, sign,
// send, refuse), by the demo's own staff, each step logged like any other: nothing here writes a
// table itself. Synthetic persons only; authorities and references are invented.
import { addDays, todayIn } from '../../domain/calendar-date.ts';
import type { AssessmentInput } from '../../domain/requests/assess.ts';
import type { Actor } from '../../domain/roles.ts';
import type { AppContext } from '../context.ts';
import { assessRecordedRequest } from './assess-request.ts';
import { markSent } from './mark-sent.ts';
import { matchSubject } from './match-subject.ts';
import { prepareDisclosure } from './prepare-disclosure.ts';
import { recordRequest } from './record-request.ts';
import { refuseRequest } from './refuse-request.ts';
import { signDisclosure } from './sign-disclosure.ts';

export interface DemoRegisterStaff {
  readonly director: Actor;
  readonly president: Actor;
  readonly agent: Actor;
}

export interface DemoSubject {
  readonly personId: string;
  readonly niss: string;
  readonly name: string;
}

type Step = 'assess' | 'match' | 'prepare' | 'sign' | 'send' | 'refuse';
const STEPS_TO: Readonly<Record<string, readonly Step[]>> = {
  received: [],
  'legal-review': ['assess'],
  prepared: ['assess', 'match', 'prepare'],
  signed: ['assess', 'match', 'prepare', 'sign'],
  sent: ['assess', 'match', 'prepare', 'sign', 'send'],
  refused: ['assess', 'refuse'],
};

const OFFICES = {
  fr: { parquet: 'Parquet du procureur du Roi', judge: 'Cabinet du juge d’instruction', police: 'Zone de police locale' },
  nl: { parquet: 'Parket van de procureur des Konings', judge: 'Kabinet van de onderzoeksrechter', police: 'Lokale politiezone' },
} as const;

const cite = (article: string, language: 'fr' | 'nl') => (language === 'fr' ? `art. ${article} C. pén. (1867)` : `art. ${article} Sw. 1867`);

/**
 * What the authority wrote, for each state: who asks, about which offence, for which data. The
 * articles name their edition, as each language's practice writes it (facts before the new Code
 * pénal): a bare number after its entry into force would send every request to legal review, and
 * the register keeps the offences as written (not a separate offenceCode).
 */
function requestFor(state: string, dated: string, language: 'fr' | 'nl'): Omit<AssessmentInput, 'subjects'> {
  const office = OFFICES[language];
  const received = addDays(dated, 2);
  if (state === 'legal-review') {
    return { dated, received, channel: 'letter', author: { role: 'juge-instruction', office: office.judge }, reasoned: true, offences: [cite('140', language)], items: ['identity', 'domicile-address'] };
  }
  if (state === 'refused') {
    return { dated, received, channel: 'email', author: { role: 'police', office: office.police }, reasoned: true, offences: [], items: ['identity', 'domicile-address'] };
  }
  return {
    dated, received, channel: 'letter', author: { role: 'procureur-du-roi', office: office.parquet },
    reasoned: true, offences: [cite(state === 'received' ? '140bis' : '140', language)], items: ['identity', 'domicile-address', 'aid-decisions', 'social-report'],
  };
}

async function walk(ctx: AppContext, staff: DemoRegisterStaff, requestId: string, subject: DemoSubject, steps: readonly Step[]): Promise<void> {
  let sha256 = '';
  for (const step of steps) {
    if (step === 'assess') await assessRecordedRequest(ctx, staff.director, { requestId });
    if (step === 'match') await matchSubject(ctx, staff.director, { requestId, position: 1, personId: subject.personId });
    // Four eyes: the directeur général prepares, the président signs.
    if (step === 'prepare') sha256 = (await prepareDisclosure(ctx, staff.director, { requestId })).sha256;
    if (step === 'sign') await signDisclosure(ctx, staff.president, { requestId, sha256 });
    if (step === 'send') await markSent(ctx, staff.director, { requestId });
    if (step === 'refuse') await refuseRequest(ctx, staff.director, { requestId });
  }
}

/** One request per state, each about another of the given persons, dated over the last weeks. */
export async function loadDemoRegister(ctx: AppContext, staff: DemoRegisterStaff, subjects: readonly DemoSubject[], language: 'fr' | 'nl'): Promise<number> {
  if (subjects.length === 0) return 0;
  const today = todayIn(ctx.now);
  const states = Object.keys(STEPS_TO);
  for (const [i, state] of states.entries()) {
    const subject = subjects[i % subjects.length]!;
    const dated = addDays(today, -4 * (states.length - i) - 2);
    const request = { ...requestFor(state, dated, language), subjects: [i % 2 === 0 ? { niss: subject.niss } : { name: subject.name }] };
    const { requestId } = await recordRequest(ctx, state === 'received' ? staff.agent : staff.director, {
      request, reference: `DEMO/${today.slice(0, 4)}/${String(i + 1).padStart(3, '0')}`, answerBy: addDays(dated, 30), reasonsText: null,
    });
    await walk(ctx, staff, requestId, subject, STEPS_TO[state]!);
  }
  return states.length;
}
