// Deterministic synthetic demo data: three CPAS (Walloon, bilingual Brussels, Flemish), staff
// of every role and a few hundred fictitious persons each. Pure code, no I/O, no clock, no
// Math.random: the same seed and reference date always give the same dataset.
import { ROLES } from '../domain/roles.ts';
import type { Role } from '../domain/roles.ts';
import { addressHistory } from './addresses.ts';
import { caseFile, caseProfile } from './case-file.ts';
import { addYears, ageOn, dayNumber, isoDate, yearsInDays } from './dates.ts';
import { BORN_1980, householdMembers } from './household.ts';
import { belgianIban, belgianPlace, email, givenName, mobilePhone, uniqueNiss } from './identity.ts';
import { NAME_MIX, STAFF_MIX } from './names.ts';
import { DEMO_CPAS } from './places.ts';
import type { DemoCpasDefinition } from './places.ts';
import { chance, deriveSeed, intBetween, mulberry32, pick, weighted } from './random.ts';
import type { Rng, Weighted } from './random.ts';
import { dutch } from './texts-nl.ts';
import { french } from './texts-fr.ts';
import type { DemoDataset, DemoLanguage, DemoPerson, DemoUser } from './types.ts';

/** Default "today" of the demo: every date is placed relative to it. */
export const DEMO_REFERENCE_DATE = '2026-11-01';
export const DEMO_SOCIAL_WORKERS = ['social-worker', 'social-worker-2', 'social-worker-3'] as const;

/** EU nationalities occurring in the name pools: urgent medical aid is for others. */
const EU = new Set(['BE', 'FR', 'NL', 'IT', 'ES', 'PT', 'PL', 'RO', 'DE', 'LU']);

const arrivals = new Map<string, number>();
const arrivalDay = (iso: string): number => {
  let day = arrivals.get(iso);
  if (day === undefined) arrivals.set(iso, (day = dayNumber(iso)));
  return day;
};

/** What `syntheticPerson` needs besides the PRNG; build it once with `createPersonContext`. */
export interface PersonContext {
  readonly cpas: DemoCpasDefinition;
  readonly referenceDate: string;
  readonly referenceDay: number;
  readonly socialWorkers: readonly string[];
  /** NISS already handed out in this CPAS; syntheticPerson adds to it. */
  readonly usedNiss: Set<string>;
  /** Birth-year brackets as day ranges, weighted towards working ages. */
  readonly birthBrackets: Weighted<readonly [number, number]>;
  /** Latest birth day of someone of age (18) on the reference date. */
  readonly adultBy: number;
}

export function createPersonContext(
  cpasCode: string,
  referenceDate: string = DEMO_REFERENCE_DATE,
  socialWorkers: readonly string[] = DEMO_SOCIAL_WORKERS,
): PersonContext {
  const cpas = DEMO_CPAS.find((c) => c.info.code === cpasCode);
  if (!cpas) throw new RangeError(`unknown demo CPAS ${cpasCode}; known: ${DEMO_CPAS.map((c) => c.info.code).join(', ')}`);
  if (socialWorkers.length === 0) throw new RangeError('at least one social worker is needed');
  const referenceDay = dayNumber(referenceDate);
  const year = Number(referenceDate.slice(0, 4));
  // With the default reference date: born 1940-1959, 1960-1979, 1980-1999 and 2000-2007,
  // and always of age (18) on the reference date.
  const adultBy = addYears(referenceDay, -18) - 1;
  const bracket = (from: number, to: number) =>
    [dayNumber(`${year - from}-01-01`), Math.min(dayNumber(`${year - to}-12-31`), adultBy)] as const;
  return {
    cpas,
    referenceDate,
    referenceDay,
    socialWorkers,
    usedNiss: new Set(),
    adultBy,
    birthBrackets: [[bracket(86, 67), 0.15], [bracket(66, 47), 0.33], [bracket(46, 27), 0.35], [bracket(26, 19), 0.17]],
  };
}

/**
 * The demo dataset. Each CPAS draws from its own PRNG stream, so the persons of one CPAS do
 * not change when another gets more or fewer.
 */
export function generateDemo(seed: number, personsPerCpas = 300, referenceDate: string = DEMO_REFERENCE_DATE): DemoDataset {
  if (!Number.isInteger(personsPerCpas) || personsPerCpas < 0) throw new RangeError('personsPerCpas must be a non-negative integer');
  return {
    cpas: DEMO_CPAS.map((definition, index) => {
      const rng = mulberry32(deriveSeed(seed, index));
      const users = demoStaff(rng, definition);
      const context = createPersonContext(definition.info.code, referenceDate);
      const persons: DemoPerson[] = [];
      for (let i = 0; i < personsPerCpas; i++) persons.push(syntheticPerson(rng, context));
      return { ...definition.info, languages: [...definition.info.languages], ...signatoryTitles(definition.info.defaultLanguage, users), users, persons };
    }),
  };
}

const TITLES: Readonly<Record<DemoLanguage, { director: Record<'F' | 'M', string>; president: Record<'F' | 'M', string> }>> = {
  fr: { director: { F: 'Directrice générale', M: 'Directeur général' }, president: { F: 'Présidente', M: 'Président' } },
  nl: { director: { F: 'Algemeen directeur', M: 'Algemeen directeur' }, president: { F: 'Voorzitter', M: 'Voorzitter' } },
};

/** The titles the demo's directeur général and président sign with, in the CPAS's language. */
function signatoryTitles(language: DemoLanguage, users: readonly DemoUser[]): { directorTitle: string | null; presidentTitle: string | null } {
  const holder = (role: Role) => users.find((u) => u.roles.includes(role));
  const director = holder('directeur-general');
  const president = holder('president');
  return {
    directorTitle: director ? TITLES[language].director[director.sex] : null,
    presidentTitle: president ? TITLES[language].president[president.sex] : null,
  };
}

/** One account per role, plus two more social workers so cases spread over several workers. */
export function demoStaff(rng: Rng, definition: DemoCpasDefinition): DemoUser[] {
  const accounts: (readonly [string, Role])[] = ROLES.map((role) => [role, role] as const);
  accounts.push(['social-worker-2', 'social-worker'], ['social-worker-3', 'social-worker']);
  const taken = new Set<string>();
  return accounts.map(([username, role]) => {
    let displayName: string;
    let sex: 'F' | 'M';
    do {
      const group = weighted(rng, STAFF_MIX[definition.info.region]);
      sex = chance(rng, 0.6) ? 'F' : 'M';
      displayName = `${givenName(rng, group, sex, chance(rng, 0.6))} ${pick(rng, group.family)}`;
    } while (taken.has(displayName));
    taken.add(displayName);
    return { username, displayName, roles: [role], language: definition.info.defaultLanguage, sex };
  });
}

/** A complete synthetic person of the context's CPAS: identity, addresses, household and case file. */
export function syntheticPerson(rng: Rng, context: PersonContext): DemoPerson {
  const { cpas, referenceDay } = context;
  const region = cpas.info.region;
  const group = weighted(rng, NAME_MIX[region]);
  const language: DemoLanguage = cpas.info.languages.length > 1
    ? (chance(rng, group.dutchInBrussels) ? 'nl' : 'fr')
    : cpas.info.defaultLanguage;

  const sex = chance(rng, 0.54) ? 'F' : 'M';
  const [from, to] = weighted(rng, context.birthBrackets);
  const birthDay = intBetween(rng, from, to);
  const birthDate = isoDate(birthDay);
  const young = birthDay >= BORN_1980;
  const first = givenName(rng, group, sex, young);
  const second = chance(rng, 0.25) ? givenName(rng, group, sex, young) : first;
  const givenNames = second === first ? first : `${first} ${second}`;
  const familyName = pick(rng, group.family);
  const nationality = weighted(rng, group.nationalities);
  const foreign = nationality !== 'BE';
  const bornAbroad = group.birthCities.length > 0 && (foreign || chance(rng, group.bornAbroadIfBelgian));
  const birthPlace = bornAbroad ? pick(rng, group.birthCities) : belgianPlace(rng, cpas, language);
  const age = ageOn(birthDate, context.referenceDate);

  // Dates of life in Belgium: nothing before adulthood for natives, nothing before arrival for newcomers.
  const adult = birthDay + yearsInDays(18);
  const arrival = foreign && bornAbroad
    ? group.arrivedFrom
      ? Math.max(adult, arrivalDay(group.arrivedFrom) + intBetween(rng, 0, 3 * 365))
      : adult + intBetween(rng, 0, 20 * 365)
    : adult;
  const earliest = Math.min(arrival, referenceDay - 90);
  const openedOn = intBetween(rng, Math.max(earliest + 30, referenceDay - 6 * 365), referenceDay - 10);

  const newcomer = foreign && bornAbroad && arrival > openedOn - 5 * 365;
  const profile = caseProfile(rng, { sex, familyName, age, region, newcomer });
  const domicileFrom = Math.max(earliest, openedOn - intBetween(rng, profile.housing === 'no-fixed-home' ? 200 : 0, 15 * 365));
  const addresses = addressHistory(rng, cpas, referenceDay, language, profile, earliest, domicileFrom, openedOn);
  const household = householdMembers(rng, referenceDay, context.adultBy, group, profile, birthDay, domicileFrom, openedOn);

  const worker = pick(rng, context.socialWorkers);
  const file = caseFile({
    rng,
    bank: language === 'nl' ? dutch : french,
    language,
    profile,
    birthDate,
    eligibleForUrgentMedicalAid: foreign && !EU.has(nationality),
    householdSize: 1 + household.filter((m) => !m.validTo).length,
    openedOn,
    domicileFrom,
    referenceDay,
    worker,
    otherWorkers: context.socialWorkers.filter((w) => w !== worker),
  });

  return {
    person: {
      familyName,
      givenNames,
      birthDate,
      birthPlace,
      sex,
      nationality,
      niss: uniqueNiss(rng, context.usedNiss, birthDate, sex),
      phone: chance(rng, 0.65) ? mobilePhone(rng) : null,
      email: chance(rng, age < 40 ? 0.5 : 0.25) ? email(rng, first, familyName) : null,
      iban: chance(rng, 0.55) ? belgianIban(rng) : null,
    },
    addresses,
    household,
    applications: file.applications,
    socialReports: file.socialReports,
    caseNotes: file.caseNotes,
    medicalDocuments: file.medicalDocuments,
    piis: file.piis,
    assignedTo: { username: worker, from: isoDate(openedOn) },
  };
}

