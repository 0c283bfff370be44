// Shapes of the synthetic demo dataset. The records reuse the domain input types so that
// whatever loads the demo goes through the same validation as real input.
import type {
  AddressInput,
  APPLICATION_KINDS,
  ApplicationInput,
  DecisionInput,
  HouseholdMemberInput,
  PersonInput,
  UserInput,
} from '../domain/schemas.ts';
import type { Rng } from './random.ts';

export type Region = 'wallonie' | 'bruxelles' | 'vlaanderen';
export type DemoLanguage = 'fr' | 'nl';
export type ApplicationKind = (typeof APPLICATION_KINDS)[number];

/** The public description of a demo CPAS (what an administrator would type in). */
export interface DemoCpasInfo {
  code: string;
  name: string;
  region: Region;
  languages: DemoLanguage[];
  defaultLanguage: DemoLanguage;
  street: string;
  postalCode: string;
  municipality: string;
  phone: string;
  email: string;
  /** The titles the directeur général and the président sign letters with. */
  directorTitle?: string | null;
  presidentTitle?: string | null;
}

/** A staff account; demo passwords are chosen by whoever loads the data, never generated here. */
export type DemoUser = Omit<UserInput, 'password'> & { readonly sex: 'F' | 'M' };

export interface DemoApplication {
  application: ApplicationInput;
  decision?: Omit<DecisionInput, 'applicationId'>;
}

export interface DemoSocialReport {
  writtenOn: string;
  language: DemoLanguage;
  situation: string;
  assessment?: string;
  authorUsername: string;
}

export interface DemoCaseNote {
  /** ISO timestamp in UTC, e.g. 2026-03-12T09:40:00.000Z. */
  writtenAt: string;
  body: string;
  authorUsername: string;
}

export interface DemoMedicalDocument {
  issuedOn: string;
  description: string;
  authorUsername: string;
}

export interface DemoPiis {
  signedOn: string;
  objectives: string;
  evaluation?: string;
  authorUsername: string;
}

export interface DemoPerson {
  person: PersonInput;
  addresses: AddressInput[];
  household: HouseholdMemberInput[];
  applications: DemoApplication[];
  socialReports: DemoSocialReport[];
  caseNotes: DemoCaseNote[];
  medicalDocuments: DemoMedicalDocument[];
  piis: DemoPiis[];
  assignedTo: { username: string; from: string };
}

export interface DemoCpas extends DemoCpasInfo {
  users: DemoUser[];
  persons: DemoPerson[];
}

export interface DemoDataset {
  cpas: DemoCpas[];
}

// ---- What the text banks need to know about a person's situation (internal to the generator).

export type HouseholdShape = 'alone' | 'couple' | 'single-parent' | 'couple-children';
export type Housing = 'private-rental' | 'social-housing' | 'hosted' | 'owner' | 'no-fixed-home';
export type IncomeSource = 'none' | 'unemployment' | 'sickness' | 'part-time-work' | 'pension' | 'student';
/** What a one-off or "other" application is for. */
export type AidPurpose =
  | 'rent-deposit'
  | 'medical-costs'
  | 'energy-bill'
  | 'school-costs'
  | 'monthly-supplement'
  | 'furniture'
  | 'medical-card'
  | 'budget-guidance'
  | 'social-grocery';
/** Integration-income rate categories (cohabitant, isolé, famille à charge). */
export type RateCategory = 'cohabitant' | 'single' | 'family';
export type Outcome = 'granted' | 'refused' | 'partial';

export interface CaseProfile {
  sex: 'F' | 'M';
  familyName: string;
  age: number;
  region: Region;
  household: HouseholdShape;
  children: number;
  housing: Housing;
  income: IncomeSource;
  /** Declared net monthly income in whole euros. */
  monthlyIncome: number;
  /** Monthly rent in whole euros (0 when not renting). */
  rent: number;
  /** Completed years at the present domicile, as of the text being written. */
  yearsAtAddress: number;
  debts: boolean;
  health: boolean;
}

export interface MotivationFacts {
  kind: ApplicationKind;
  outcome: Outcome;
  submittedOn: string;
  amountCents: number | null;
  periodFrom: string | null;
  periodTo: string | null;
  rateCategory: RateCategory | null;
  aidPurpose: AidPurpose | null;
}

export type Communicated = Record<string, string | number | boolean | null>;

/** One language's sentence fragments; fr and nl implement the same interface. */
export interface TextBank {
  /** `followUp`: a later report on the same request ("rapport d'évolution"), not an intake. */
  situation(rng: Rng, p: CaseProfile, kind: ApplicationKind, aidPurpose: AidPurpose | null, followUp: boolean): string;
  /** `outlook` is the eventual outcome (null while undecided) so the assessment does not contradict it. */
  assessment(rng: Rng, p: CaseProfile, kind: ApplicationKind, outlook: Outcome | null): string;
  caseNote(rng: Rng, p: CaseProfile): string;
  motivation(rng: Rng, p: CaseProfile, facts: MotivationFacts): string;
  /** Objectives of a PIIS and, when `monthsUntilEvaluation` is given, its evaluation then. */
  piis(rng: Rng, p: CaseProfile, monthsUntilEvaluation: number | null): { objectives: string; evaluation: string | null };
  medical(rng: Rng, p: CaseProfile): string;
  /** Words used as values of an application's declared facts (`communicated`). */
  labels: TextLabels;
}

export interface TextLabels {
  housing: Record<Housing, string>;
  income: Record<IncomeSource, string>;
  aidPurpose: Record<AidPurpose, string>;
  fuel: readonly string[];
  care: readonly string[];
}
