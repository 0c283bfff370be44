// Address histories: a domicile in the CPAS's own municipality, sometimes earlier addresses
// (there or elsewhere in Belgium) and reference addresses at the CPAS office.
import type { AddressInput } from '../domain/schemas.ts';
import { isoDate } from './dates.ts';
import { COMMON_STREETS, MUNICIPALITIES, REGIONS } from './places.ts';
import type { DemoCpasDefinition } from './places.ts';
import { chance, intBetween, pick } from './random.ts';
import type { Rng } from './random.ts';
import type { CaseProfile, DemoLanguage } from './types.ts';

function houseNumber(rng: Rng): string {
  const n = intBetween(rng, 1, chance(rng, 0.7) ? 80 : 250);
  return chance(rng, 0.05) ? `${n}${pick(rng, ['A', 'B', 'C'])}` : String(n);
}

const box = (rng: Rng) => (chance(rng, 0.3) ? String(intBetween(rng, 1, 12)) : null);

function localAddress(rng: Rng, cpas: DemoCpasDefinition, language: DemoLanguage, kind: AddressInput['kind'], from: number, to: number | null): AddressInput {
  const street = pick(rng, cpas.streets);
  return {
    kind,
    street: language === 'nl' && street.nameNl ? street.nameNl : street.name,
    houseNumber: houseNumber(rng),
    box: box(rng),
    postalCode: street.postalCode,
    municipality: language === 'nl' && cpas.municipalityNl ? cpas.municipalityNl : cpas.info.municipality,
    country: 'BE',
    validFrom: isoDate(from),
    validTo: to === null ? null : isoDate(to),
  };
}

function elsewhereAddress(rng: Rng, cpas: DemoCpasDefinition, language: DemoLanguage, from: number, to: number): AddressInput {
  const region = chance(rng, 0.85) ? cpas.info.region : pick(rng, REGIONS);
  const candidates = MUNICIPALITIES[region].filter((m) => m.postalCode !== cpas.info.postalCode && m.name !== cpas.info.municipality);
  const m = pick(rng, candidates);
  const street = pick(rng, COMMON_STREETS);
  const dutchNames = region === 'vlaanderen' || (region === 'bruxelles' && language === 'nl');
  return {
    kind: 'earlier',
    street: dutchNames ? street.nl : street.fr,
    houseNumber: houseNumber(rng),
    box: box(rng),
    postalCode: m.postalCode,
    municipality: language === 'nl' && m.nameNl ? m.nameNl : m.name,
    country: 'BE',
    validFrom: isoDate(from),
    validTo: isoDate(to),
  };
}

/** The reference address is the CPAS office itself, as for people without a home. */
function referenceAddress(cpas: DemoCpasDefinition, language: DemoLanguage, from: number, to: number | null): AddressInput {
  const nl = language === 'nl';
  return {
    kind: 'reference',
    street: nl && cpas.office.streetNl ? cpas.office.streetNl : cpas.office.street,
    houseNumber: cpas.office.houseNumber,
    box: null,
    postalCode: cpas.info.postalCode,
    municipality: nl && cpas.municipalityNl ? cpas.municipalityNl : cpas.info.municipality,
    country: 'BE',
    validFrom: isoDate(from),
    validTo: to === null ? null : isoDate(to),
  };
}

/**
 * Domicile first (always in the CPAS's municipality), then earlier addresses newest first.
 * A person without a home keeps a closed domicile and a current reference address at the CPAS;
 * a few others went through a reference-address period before their present domicile.
 */
export function addressHistory(
  rng: Rng, cpas: DemoCpasDefinition, referenceDay: number, language: DemoLanguage, profile: CaseProfile,
  earliest: number, domicileFrom: number, openedOn: number,
): AddressInput[] {
  const homeless = profile.housing === 'no-fixed-home';
  const out: AddressInput[] = [];
  if (homeless) {
    const referenceFrom = Math.min(referenceDay - 1, Math.max(domicileFrom + 60, openedOn - intBetween(rng, 0, 90)));
    out.push(localAddress(rng, cpas, language, 'domicile', domicileFrom, referenceFrom - 1));
    out.push(referenceAddress(cpas, language, referenceFrom, null));
  } else {
    out.push(localAddress(rng, cpas, language, 'domicile', domicileFrom, null));
  }
  let until = domicileFrom - 1;
  if (!homeless && chance(rng, 0.03) && until - 400 > earliest) {
    const start = until - intBetween(rng, 60, 400);
    out.push(referenceAddress(cpas, language, start, until));
    until = start - 1;
  }
  const earlier = chance(rng, 0.35) ? intBetween(rng, 1, 2) : 0;
  for (let i = 0; i < earlier && until - 365 > earliest; i++) {
    const start = Math.max(earliest, until - intBetween(rng, 365, 8 * 365));
    out.push(chance(rng, 0.5) ? localAddress(rng, cpas, language, 'earlier', start, until) : elsewhereAddress(rng, cpas, language, start, until));
    until = start - 1;
  }
  return out;
}
