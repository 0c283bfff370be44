// Identity details of a synthetic person: national number, contact data, bank account,
// birthplace. Shapes are real (valid NISS and IBAN check digits); values are random.
import { makeNiss } from '../domain/niss.ts';
import type { NameGroup } from './names.ts';
import { MUNICIPALITIES, REGIONS } from './places.ts';
import type { DemoCpasDefinition } from './places.ts';
import { chance, intBetween, pick } from './random.ts';
import type { Rng } from './random.ts';
import type { DemoLanguage } from './types.ts';

/** Reserved top-level domain (RFC 2606): these addresses can never reach anyone. */
const EMAIL_DOMAIN = 'demo.confiance.invalid';

/** A given name of the pool; people born from 1980 on get the younger generation's names. */
export function givenName(rng: Rng, group: NameGroup, sex: 'F' | 'M', young: boolean): string {
  const pool = sex === 'F' ? (young && group.femaleYoung) || group.female : (young && group.maleYoung) || group.male;
  return pick(rng, pool);
}

/**
 * Serial odd for men, even for women (as in the register), re-drawn until unique in the CPAS.
 * The century is never ambiguous: both check-digit rules agree only if 97 divided 2 000 000 000.
 */
export function uniqueNiss(rng: Rng, used: Set<string>, birthDate: string, sex: 'F' | 'M'): string {
  for (;;) {
    const serial = sex === 'M' ? 2 * intBetween(rng, 0, 498) + 1 : 2 * intBetween(rng, 1, 499);
    const niss = makeNiss(birthDate, serial);
    if (!used.has(niss)) {
      used.add(niss);
      return niss;
    }
  }
}

const two = (rng: Rng) => String(intBetween(rng, 0, 99)).padStart(2, '0');
/** Shaped like a Belgian mobile number (04xx); random digits, not a reserved fictional range. */
export const mobilePhone = (rng: Rng) => `+32 4${intBetween(rng, 60, 99)} ${two(rng)} ${two(rng)} ${two(rng)}`;

const slugs = new Map<string, string>();

/** ASCII e-mail part of a name; names come from small pools, so results are memoised. */
function slug(name: string): string {
  let s = slugs.get(name);
  if (s === undefined) slugs.set(name, (s = computeSlug(name)));
  return s;
}

function computeSlug(name: string): string {
  return name
    .toLowerCase()
    .replace(/ł/g, 'l')
    .replace(/ı/g, 'i')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

export function email(rng: Rng, given: string, family: string): string {
  const local = `${slug(given) || 'x'}.${slug(family) || 'x'}`;
  return `${chance(rng, 0.5) ? `${local}${intBetween(rng, 1, 99)}` : local}@${EMAIL_DOMAIN}`;
}

/** mod 97 of a long digit string without BigInt (this runs for every other person). */
function mod97(digits: string): number {
  let rest = 0;
  for (let i = 0; i < digits.length; i++) rest = (rest * 10 + digits.charCodeAt(i) - 48) % 97;
  return rest;
}

/** A Belgian IBAN: 10-digit account + national check (mod 97, 0 -> 97), then the IBAN check digits. */
export function belgianIban(rng: Rng): string {
  const account = String(intBetween(rng, 0, 999)).padStart(3, '0') + String(intBetween(rng, 0, 9_999_999)).padStart(7, '0');
  const national = Number(account) % 97 || 97;
  const bban = account + String(national).padStart(2, '0');
  const check = 98 - mod97(`${bban}111400`); // "BE00" moved to the end, letters as B=11, E=14
  return `BE${String(check).padStart(2, '0')}${bban}`;
}

export function belgianPlace(rng: Rng, cpas: DemoCpasDefinition, language: DemoLanguage): string {
  if (chance(rng, 0.35)) return language === 'nl' && cpas.municipalityNl ? cpas.municipalityNl : cpas.info.municipality;
  const where = chance(rng, 0.85) ? cpas.info.region : pick(rng, REGIONS);
  const m = pick(rng, MUNICIPALITIES[where]);
  return language === 'nl' && m.nameNl ? m.nameNl : m.name;
}
