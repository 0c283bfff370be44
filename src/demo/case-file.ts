// The social-work side of a synthetic person: their situation (profile), applications with
// decisions, social reports, case notes, medical documents and PIIS. Everything is derived
// from the profile so that texts, declared facts and amounts agree with one another.
import { ageOn, isoDate, timestamp } from './dates.ts';
import { chance, intBetween, pick, weighted } from './random.ts';
import type { Rng, Weighted } from './random.ts';
import type {
  AidPurpose,
  ApplicationKind,
  CaseProfile,
  Communicated,
  DemoApplication,
  DemoCaseNote,
  DemoLanguage,
  DemoMedicalDocument,
  DemoPerson,
  DemoPiis,
  DemoSocialReport,
  HouseholdShape,
  Housing,
  IncomeSource,
  MotivationFacts,
  Outcome,
  RateCategory,
  Region,
  TextBank,
} from './types.ts';

// Weight tables are module constants: they are read for every person and need not be rebuilt.
const HOUSEHOLD_YOUNG: Weighted<HouseholdShape> = [['alone', 0.75], ['single-parent', 0.15], ['couple', 0.1]];
const HOUSEHOLD_OLD: Weighted<HouseholdShape> = [['alone', 0.7], ['couple', 0.3]];
const HOUSEHOLD_ADULT: Weighted<HouseholdShape> = [['alone', 0.4], ['couple', 0.12], ['single-parent', 0.28], ['couple-children', 0.2]];
const CHILDREN: Weighted<number> = [[1, 0.4], [2, 0.35], [3, 0.17], [4, 0.08]];
const HOUSING_YOUNG: Weighted<Housing> = [['hosted', 0.35], ['private-rental', 0.45], ['social-housing', 0.12], ['no-fixed-home', 0.08]];
const HOUSING_OLD: Weighted<Housing> = [['owner', 0.25], ['social-housing', 0.3], ['private-rental', 0.4], ['hosted', 0.05]];
const HOUSING_ADULT: Weighted<Housing> = [['private-rental', 0.55], ['social-housing', 0.22], ['owner', 0.06], ['hosted', 0.1], ['no-fixed-home', 0.07]];
const INCOME_PENSIONER: Weighted<IncomeSource> = [['pension', 0.92], ['none', 0.08]];
const INCOME_YOUNG: Weighted<IncomeSource> = [['student', 0.35], ['none', 0.35], ['unemployment', 0.1], ['part-time-work', 0.15], ['sickness', 0.05]];
const INCOME_ADULT: Weighted<IncomeSource> = [['none', 0.35], ['unemployment', 0.2], ['sickness', 0.2], ['part-time-work', 0.22], ['student', 0.03]];
const INCOME_OLDER: Weighted<IncomeSource> = [['none', 0.35], ['unemployment', 0.2], ['sickness', 0.2], ['part-time-work', 0.22]];
const PRIVATE_RENT: Record<Region, readonly [number, number]> = { wallonie: [520, 900], bruxelles: [650, 1150], vlaanderen: [600, 1000] };

/** Draws the situation of a person of a given age; household members are built from it. */
export function caseProfile(rng: Rng, who: { sex: 'F' | 'M'; familyName: string; age: number; region: Region; newcomer: boolean }): CaseProfile {
  const { age, region } = who;
  const household = weighted(rng, age < 23 ? HOUSEHOLD_YOUNG : age >= 65 ? HOUSEHOLD_OLD : HOUSEHOLD_ADULT);
  const children = household === 'single-parent' || household === 'couple-children' ? weighted(rng, CHILDREN) : 0;
  let housing = weighted(rng, age < 25 ? HOUSING_YOUNG : age >= 65 ? HOUSING_OLD : HOUSING_ADULT);
  // Only a person on their own is placed without a home; families get hosted instead.
  if (housing === 'no-fixed-home' && household !== 'alone') housing = 'hosted';
  // Someone who arrived in Belgium recently does not own their home yet.
  if (housing === 'owner' && who.newcomer) housing = 'private-rental';
  const income = weighted(rng, age >= 66 ? INCOME_PENSIONER : age <= 25 ? INCOME_YOUNG : age < 35 ? INCOME_ADULT : INCOME_OLDER);
  const monthlyIncome = {
    none: 0,
    unemployment: intBetween(rng, 900, 1500),
    sickness: intBetween(rng, 1000, 1700),
    'part-time-work': intBetween(rng, 600, 1250),
    pension: intBetween(rng, 900, 1600),
    student: chance(rng, 0.5) ? 0 : intBetween(rng, 150, 450),
  }[income];
  const rentRange = PRIVATE_RENT[region];
  const rent = housing === 'private-rental' ? intBetween(rng, rentRange[0], rentRange[1]) : housing === 'social-housing' ? intBetween(rng, 220, 520) : 0;
  // Explicit fields rather than a spread: V8 takes a slow path for `{ ...who, more }` here.
  return {
    sex: who.sex,
    familyName: who.familyName,
    age,
    region,
    household,
    children,
    housing,
    income,
    monthlyIncome,
    rent,
    yearsAtAddress: 0,
    debts: chance(rng, 0.3),
    health: chance(rng, age >= 50 ? 0.35 : 0.18),
  };
}

/** The profile as it was at an earlier date: texts state the age and years at the address then. */
function asOf(p: CaseProfile, age: number, yearsAtAddress: number): CaseProfile {
  return {
    sex: p.sex, familyName: p.familyName, age, region: p.region, household: p.household, children: p.children,
    housing: p.housing, income: p.income, monthlyIncome: p.monthlyIncome, rent: p.rent, yearsAtAddress, debts: p.debts, health: p.health,
  };
}

const REPORT_COUNT: Weighted<number> = [[0, 0.2], [1, 0.55], [2, 0.25]];
const NOTE_COUNT: Weighted<number> = [[0, 0.25], [1, 0.3], [2, 0.25], [3, 0.2]];
const EXTRA_APPLICATIONS: Weighted<number> = [[0, 0.55], [1, 0.3], [2, 0.15]];
const CHANNELS: Weighted<'desk' | 'letter' | 'cpas-online' | 'other'> = [['desk', 0.6], ['letter', 0.1], ['cpas-online', 0.2], ['other', 0.1]];
const BODIES: Weighted<'comite-special-service-social' | 'conseil-action-sociale' | 'delegation'> = [
  ['comite-special-service-social', 0.9], ['conseil-action-sociale', 0.03], ['delegation', 0.07],
];
const OTHER_PURPOSES: Weighted<AidPurpose> = [['medical-card', 0.4], ['budget-guidance', 0.3], ['social-grocery', 0.3]];

export interface CaseFileInput {
  rng: Rng;
  bank: TextBank;
  language: DemoLanguage;
  profile: CaseProfile;
  birthDate: string;
  /** Urgent medical aid concerns foreign nationals outside the EU (and, here, without income). */
  eligibleForUrgentMedicalAid: boolean;
  householdSize: number;
  openedOn: number;
  domicileFrom: number;
  referenceDay: number;
  worker: string;
  otherWorkers: readonly string[];
}

type CaseFile = Pick<DemoPerson, 'applications' | 'socialReports' | 'caseNotes' | 'medicalDocuments' | 'piis'>;

/** What the generator keeps about each application while building the texts around it. */
interface Drawn {
  kind: ApplicationKind;
  submitted: number;
  decided: number | null;
  outcome: Outcome | null;
  purpose: AidPurpose | null;
}

export function caseFile(c: CaseFileInput): CaseFile {
  const { rng, profile, openedOn, referenceDay } = c;

  const drawn: Drawn[] = [];
  const applications: DemoApplication[] = [];
  for (const submitted of submissionDays(rng, openedOn, referenceDay)) {
    const kind = weighted(rng, kindMix(profile, c.eligibleForUrgentMedicalAid && profile.income === 'none'));
    const purpose = aidPurpose(rng, kind, profile);
    const built = application(c, kind, purpose, submitted);
    applications.push(built.demo);
    drawn.push({ kind, submitted, purpose, decided: built.decided, outcome: built.demo.decision?.outcome ?? null });
  }

  const socialReports: DemoSocialReport[] = [];
  const reportCount = weighted(rng, REPORT_COUNT);
  for (let i = 0; i < reportCount; i++) {
    const about = drawn[i % drawn.length];
    if (!about) break;
    // A second report on the only application is a follow-up written after its decision.
    const day = i < drawn.length
      ? Math.min(about.submitted + intBetween(rng, 2, Math.max(2, (about.decided ?? about.submitted + 20) - about.submitted - 1)), referenceDay - 1)
      : (about.decided ?? about.submitted) + intBetween(rng, 30, 400);
    if (day >= referenceDay) continue;
    const p = profileOn(c, day);
    const report: DemoSocialReport = {
      writtenOn: isoDate(day),
      language: c.language,
      situation: c.bank.situation(rng, p, about.kind, about.purpose, i >= drawn.length),
      authorUsername: author(c),
    };
    if (chance(rng, 0.9)) report.assessment = c.bank.assessment(rng, p, about.kind, about.outcome);
    socialReports.push(report);
  }

  const caseNotes: DemoCaseNote[] = [];
  const noteDays: number[] = [];
  for (let n = weighted(rng, NOTE_COUNT); n > 0; n--) noteDays.push(intBetween(rng, openedOn, referenceDay - 1));
  for (const day of noteDays.sort((a, b) => a - b)) {
    caseNotes.push({ writtenAt: timestamp(day, intBetween(rng, 7 * 60, 15 * 60 + 30)), body: c.bank.caseNote(rng, profileOn(c, day)), authorUsername: author(c) });
  }

  const medicalDocuments: DemoMedicalDocument[] = [];
  const wantsMedical = drawn.some((d) => d.kind === 'aide-medicale-urgente') ? 0.75 : profile.health ? 0.3 : 0.03;
  if (chance(rng, wantsMedical)) {
    const day = intBetween(rng, openedOn - 60, referenceDay - 1);
    medicalDocuments.push({ issuedOn: isoDate(day), description: c.bank.medical(rng, profileOn(c, day)), authorUsername: author(c) });
  }

  const piis: DemoPiis[] = [];
  const integration = drawn.find((d) => d.kind === 'revenu-integration' && (d.outcome === 'granted' || d.outcome === 'partial'));
  if (integration?.decided != null) {
    const youngAtDecision = ageOn(c.birthDate, isoDate(integration.decided)) < 25;
    // A PIIS is the rule for students and young adults on integration income, the exception otherwise.
    const likelihood = profile.income === 'student' ? 0.9 : youngAtDecision ? 0.75 : 0.1;
    const signed = integration.decided + intBetween(rng, 7, 90);
    if (chance(rng, likelihood) && signed < referenceDay) {
      const monthsAvailable = Math.floor((referenceDay - signed) / 30.44);
      const evaluatedAfter = monthsAvailable >= 5 && chance(rng, 0.8) ? intBetween(rng, 3, Math.min(12, monthsAvailable)) : null;
      const texts = c.bank.piis(rng, profileOn(c, signed), evaluatedAfter);
      const record: DemoPiis = { signedOn: isoDate(signed), objectives: texts.objectives, authorUsername: author(c) };
      if (texts.evaluation) record.evaluation = texts.evaluation;
      piis.push(record);
    }
  }

  return { applications, socialReports, caseNotes, medicalDocuments, piis };
}

// Helpers take the input explicitly rather than closing over it: tsx names every closure it
// creates (keepNames), which costs in a function called 100,000 times.

/** Mostly the assigned worker; sometimes a colleague (leave, permanence). */
const author = (c: CaseFileInput): string =>
  c.otherWorkers.length > 0 && chance(c.rng, 0.15) ? pick(c.rng, c.otherWorkers) : c.worker;

const profileOn = (c: CaseFileInput, day: number): CaseProfile =>
  asOf(c.profile, ageOn(c.birthDate, isoDate(day)), Math.max(0, Math.floor((day - c.domicileFrom) / 365.25)));

/** 1 to 3 submission days: the first contact, then later requests in date order. */
function submissionDays(rng: Rng, openedOn: number, referenceDay: number): number[] {
  const days = [openedOn];
  const extra = weighted(rng, EXTRA_APPLICATIONS);
  if (referenceDay - 1 > openedOn + 14) {
    for (let i = 0; i < extra; i++) days.push(intBetween(rng, openedOn + 14, referenceDay - 1));
  }
  return days.sort((a, b) => a - b);
}

function kindMix(p: CaseProfile, urgentMedicalAid: boolean): Weighted<ApplicationKind> {
  const working = p.age < 66;
  const integration = !working ? 0 : p.income === 'none' || p.income === 'student' || p.income === 'part-time-work' ? 5 : p.income === 'pension' ? 0 : 0.6;
  const housed = p.housing !== 'hosted' && p.housing !== 'no-fixed-home';
  return [
    ['revenu-integration', integration],
    ['aide-sociale-financiere', working ? 2.5 : 3],
    ['aide-medicale-urgente', urgentMedicalAid ? 0.8 : 0],
    ['allocation-chauffage', housed ? (p.income === 'pension' || p.housing === 'owner' ? 1.6 : 0.8) : 0],
    ['mediation-dettes', p.debts ? 1.5 : 0.1],
    ['other', 0.5],
  ];
}

function aidPurpose(rng: Rng, kind: ApplicationKind, p: CaseProfile): AidPurpose | null {
  if (kind === 'other') return weighted(rng, OTHER_PURPOSES);
  if (kind !== 'aide-sociale-financiere') return null;
  return weighted<AidPurpose>(rng, [
    ['rent-deposit', p.housing === 'owner' ? 0 : 0.2],
    ['medical-costs', 0.2],
    ['energy-bill', p.housing === 'no-fixed-home' ? 0 : 0.15],
    ['school-costs', p.children > 0 ? 0.15 : 0],
    ['monthly-supplement', 0.25],
    ['furniture', 0.08],
  ]);
}

function requestedEuros(rng: Rng, purpose: AidPurpose, p: CaseProfile): number {
  switch (purpose) {
    case 'rent-deposit': return 2 * (p.rent > 0 ? p.rent : intBetween(rng, 550, 900));
    case 'medical-costs': return intBetween(rng, 80, 900);
    case 'energy-bill': return intBetween(rng, 150, 1200);
    case 'school-costs': return intBetween(rng, 60, 450);
    case 'monthly-supplement': return intBetween(rng, 10, 35) * 10;
    case 'furniture': return intBetween(rng, 30, 120) * 10;
    default: return 0;
  }
}

/**
 * Approximate monthly integration income (RIS/leefloon) in cents: 2025 values, +2 % for 2026,
 * and about 3.5 % less per earlier year. Plausible for demo data, not an official scale.
 */
function integrationRate(category: RateCategory, year: number): number {
  const base2025 = { cohabitant: 87613, single: 131420, family: 177607 }[category];
  const factor = year >= 2026 ? 1.02 : Math.pow(1.035, year - 2025);
  return Math.round(base2025 * factor);
}

function rateCategory(p: CaseProfile): RateCategory {
  if (p.children > 0) return 'family';
  return p.household === 'couple' || p.housing === 'hosted' ? 'cohabitant' : 'single';
}

const DECISION_OUTCOMES: Record<ApplicationKind, Weighted<Outcome>> = {
  'revenu-integration': [['granted', 0.75], ['refused', 0.25]],
  'aide-sociale-financiere': [['granted', 0.65], ['partial', 0.15], ['refused', 0.2]],
  'aide-medicale-urgente': [['granted', 0.85], ['partial', 0.05], ['refused', 0.1]],
  'allocation-chauffage': [['granted', 0.8], ['partial', 0.1], ['refused', 0.1]],
  'mediation-dettes': [['granted', 0.7], ['partial', 0.2], ['refused', 0.1]],
  'garantie-locative': [['granted', 0.8], ['refused', 0.2]],
  other: [['granted', 0.75], ['partial', 0.1], ['refused', 0.15]],
};

function application(c: CaseFileInput, kind: ApplicationKind, purpose: AidPurpose | null, submitted: number): { demo: DemoApplication; decided: number | null } {
  const { rng, profile: p, bank } = c;
  const labels = bank.labels;
  const communicated: Communicated = {
    declaredMonthlyIncome: p.monthlyIncome,
    householdSize: c.householdSize,
    housing: labels.housing[p.housing],
    incomeSource: labels.income[p.income],
  };
  const requested = purpose ? requestedEuros(rng, purpose, p) : 0;
  const litres = intBetween(rng, 10, 30) * 50;
  switch (kind) {
    case 'revenu-integration': communicated.availableForWork = !p.health && p.income !== 'student'; break;
    case 'aide-medicale-urgente': communicated.care = pick(rng, labels.care); communicated.healthInsurance = false; break;
    case 'allocation-chauffage': communicated.fuel = pick(rng, labels.fuel); communicated.litres = litres; break;
    case 'mediation-dettes': communicated.declaredDebts = intBetween(rng, 15, 400) * 100; communicated.creditors = intBetween(rng, 2, 9); break;
    default:
      if (purpose) communicated.purpose = labels.aidPurpose[purpose];
      if (requested > 0) communicated.requestedAmount = requested;
  }
  const demo: DemoApplication = {
    application: {
      kind,
      submittedOn: isoDate(submitted),
      channel: weighted(rng, CHANNELS),
      communicated,
    },
  };

  const decided = submitted + (kind === 'allocation-chauffage' ? intBetween(rng, 5, 20) : intBetween(rng, 7, 30));
  // Still under inquiry at the reference date, or (rarely) withdrawn: no decision.
  if (decided >= c.referenceDay || chance(rng, 0.04)) return { demo, decided: null };

  let outcome = weighted(rng, DECISION_OUTCOMES[kind]);
  let amountCents: number | null = null;
  let periodFrom: number | null = null;
  let periodTo: number | null = null;
  const category = kind === 'revenu-integration' ? rateCategory(p) : null;
  if (kind === 'revenu-integration' && outcome !== 'refused') {
    // Any income is deducted: the result is a partial (differential) integration income.
    const full = integrationRate(category ?? 'single', Number(isoDate(submitted).slice(0, 4)));
    const rest = full - p.monthlyIncome * 100;
    if (p.monthlyIncome > 0) outcome = rest >= 5000 ? 'partial' : 'refused';
    if (outcome !== 'refused') {
      amountCents = p.monthlyIncome > 0 ? rest : full;
      periodFrom = submitted;
      periodTo = chance(rng, 0.5) ? null : submitted + 364;
    }
  } else if (outcome !== 'refused') {
    switch (kind) {
      case 'aide-sociale-financiere':
        amountCents = outcome === 'partial' ? Math.round(requested * (0.4 + 0.4 * rng())) * 100 : requested * 100;
        if (purpose === 'monthly-supplement') { periodFrom = submitted; periodTo = submitted + intBetween(rng, 90, 180); }
        break;
      case 'aide-medicale-urgente':
        periodFrom = submitted; periodTo = submitted + 89;
        break;
      case 'allocation-chauffage': {
        const cents = Math.min(litres, 1500) * intBetween(rng, 14, 20);
        amountCents = outcome === 'partial' ? Math.round(cents * 0.6) : cents;
        break;
      }
      case 'mediation-dettes':
        if (outcome === 'granted') periodFrom = submitted;
        break;
      default:
        if (purpose === 'medical-card') { periodFrom = decided; periodTo = decided + 89; }
    }
  }
  const facts: MotivationFacts = {
    kind,
    outcome,
    submittedOn: isoDate(submitted),
    amountCents,
    periodFrom: periodFrom === null ? null : isoDate(periodFrom),
    periodTo: periodTo === null ? null : isoDate(periodTo),
    rateCategory: category,
    aidPurpose: purpose,
  };
  demo.decision = {
    body: kind === 'allocation-chauffage' && chance(rng, 0.8) ? 'delegation'
      : kind === 'aide-medicale-urgente' && chance(rng, 0.4) ? 'delegation'
        : weighted(rng, BODIES),
    decidedOn: isoDate(decided),
    outcome,
    amountCents,
    periodFrom: facts.periodFrom,
    periodTo: facts.periodTo,
    motivation: bank.motivation(rng, profileOn(c, decided), facts),
  };
  return { demo, decided };
}
