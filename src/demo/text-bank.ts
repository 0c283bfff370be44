// Assembles texts from one language's fragments. Each text is several independently drawn
// slots, so two persons rarely get the same text even though each slot has a few dozen variants.
import { chance, intBetween, pick } from './random.ts';
import type { Rng } from './random.ts';
import type {
  AidPurpose,
  ApplicationKind,
  CaseProfile,
  Housing,
  IncomeSource,
  MotivationFacts,
  Outcome,
  TextBank,
  TextLabels,
} from './types.ts';

export type Fragment = (p: CaseProfile, rng: Rng) => string;
/** Whether a fragment fits; `kind` is the application a social report is about, when there is one. */
export type Fits = (p: CaseProfile, kind?: ApplicationKind) => boolean;
/** A fragment that only fits some situations (a note about the children needs children). */
export type Conditional = readonly [Fits, Fragment];
/** A PIIS objective and how its evaluation reads some months later. */
export type PiisGoal = readonly [Fits, Fragment, Fragment];
export const always = (f: Fragment): Conditional => [() => true, f];

export interface Fragments {
  intros: readonly Fragment[];
  followUpIntros: readonly Fragment[];
  housing: Record<Housing, readonly Fragment[]>;
  income: Record<IncomeSource, readonly Fragment[]>;
  topics: readonly Conditional[];
  request: (p: CaseProfile, rng: Rng, kind: ApplicationKind, purpose: AidPurpose | null) => string;
  assessment: Record<Outcome | 'pending', readonly Conditional[]>;
  assessmentGeneral: readonly Conditional[];
  caseNotes: readonly Conditional[];
  motivation: (p: CaseProfile, rng: Rng, facts: MotivationFacts) => string;
  piisHeaders: readonly string[];
  piisGoals: readonly PiisGoal[];
  cpasCommitments: readonly string[];
  evaluationHeader: (months: number) => string;
  evaluationGeneral: readonly Conditional[];
  evaluationTail: string;
  medicals: readonly Conditional[];
  labels: TextLabels;
}

/**
 * Up to `count` distinct entries whose condition holds. Most conditions hold, so re-drawing is
 * cheaper than filtering a fresh array for every text of every person.
 */
function sampleFitting<T extends readonly [Fits, ...unknown[]]>(rng: Rng, p: CaseProfile, list: readonly T[], count: number, kind?: ApplicationKind): T[] {
  const out: T[] = [];
  for (let attempt = 0; attempt < 64 && out.length < count; attempt++) {
    const entry = pick(rng, list);
    if (!out.includes(entry) && entry[0](p, kind)) out.push(entry);
  }
  if (out.length === 0 && count > 0) {
    const fallback = list.find((entry) => entry[0](p, kind));
    if (fallback) out.push(fallback);
  }
  return out;
}

function pickFitting(rng: Rng, p: CaseProfile, list: readonly Conditional[]): Fragment {
  const [entry] = sampleFitting(rng, p, list, 1);
  if (!entry) throw new RangeError('no fragment fits this profile');
  return entry[1];
}

const render = (rng: Rng, p: CaseProfile, entries: readonly Conditional[]) => entries.map((entry) => entry[1](p, rng));

export function buildBank(f: Fragments): TextBank {
  return {
    situation(rng, p, kind, aidPurpose, followUp) {
      const extra = sampleFitting(rng, p, f.topics, intBetween(rng, 1, 2));
      return [
        pick(rng, followUp ? f.followUpIntros : f.intros)(p, rng),
        pick(rng, f.housing[p.housing])(p, rng),
        pick(rng, f.income[p.income])(p, rng),
        ...render(rng, p, extra),
        f.request(p, rng, kind, aidPurpose),
      ].join(' ');
    },
    assessment(rng, p, kind, outlook) {
      const specific = sampleFitting(rng, p, f.assessment[outlook ?? 'pending'], intBetween(rng, 1, 2), kind);
      const general = sampleFitting(rng, p, f.assessmentGeneral, intBetween(rng, 1, 2), kind);
      return [...render(rng, p, specific), ...render(rng, p, general)].join(' ');
    },
    caseNote: (rng, p) => pickFitting(rng, p, f.caseNotes)(p, rng),
    motivation: (rng, p, facts) => f.motivation(p, rng, facts),
    piis(rng, p, monthsUntilEvaluation) {
      const goals = sampleFitting(rng, p, f.piisGoals, intBetween(rng, 2, 3));
      const objectives = [pick(rng, f.piisHeaders), ...goals.map((g) => `- ${g[1](p, rng)}`), pick(rng, f.cpasCommitments)].join('\n');
      if (monthsUntilEvaluation === null) return { objectives, evaluation: null };
      // The evaluation reports on the objectives actually agreed, plus sometimes a general remark.
      const points = goals.filter(() => chance(rng, 0.85)).map((g) => g[2](p, rng));
      if (points.length === 0 || chance(rng, 0.35)) points.push(...render(rng, p, sampleFitting(rng, p, f.evaluationGeneral, 1)));
      if (chance(rng, 0.5)) points.push(f.evaluationTail);
      return { objectives, evaluation: [f.evaluationHeader(monthsUntilEvaluation), ...points].join(' ') };
    },
    medical: (rng, p) => pickFitting(rng, p, f.medicals)(p, rng),
    labels: f.labels,
  };
}
