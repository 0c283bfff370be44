// Household members consistent with a person's profile (partner, children, parents or a
// relative for someone hosted), named from the same pools as the person.
import type { HouseholdMemberInput } from '../domain/schemas.ts';
import { daysFromCivil, isoDate, yearsInDays } from './dates.ts';
import { givenName } from './identity.ts';
import { NAME_MIX } from './names.ts';
import type { NameGroup } from './names.ts';
import { chance, intBetween, pick, weighted } from './random.ts';
import type { Rng } from './random.ts';
import type { CaseProfile, HouseholdShape } from './types.ts';

/** Given names change around this birth date (see NameGroup.maleYoung). */
export const BORN_1980 = daysFromCivil(1980, 1, 1);

/**
 * Household members that match the profile: partner, children (born when the person was 18-45
 * and young enough to live at home), parents or a relative for someone hosted. May lower
 * `profile.children` if no plausible birth date exists, so texts and household agree.
 */
export function householdMembers(
  rng: Rng, referenceDay: number, adultBy: number, group: NameGroup, profile: CaseProfile,
  birthDay: number, movedIn: number, openedOn: number,
): HouseholdMemberInput[] {
  const members: HouseholdMemberInput[] = [];
  const opposite = profile.sex === 'F' ? 'M' : 'F';

  let partnerFamily: string | null = null;
  if (profile.household === 'couple' || profile.household === 'couple-children') {
    const born = Math.min(birthDay + intBetween(rng, -8 * 365, 8 * 365), adultBy);
    const from = chance(rng, 0.7) ? movedIn : intBetween(rng, movedIn, openedOn);
    const partner = member(rng, partnerGroup(rng, group, profile), chance(rng, 0.92) ? opposite : profile.sex, born, 'partner', from, null);
    partnerFamily = partner.familyName;
    members.push(partner);
  } else if (profile.household === 'single-parent' && chance(rng, 0.4) && openedOn - movedIn > 240) {
    const born = Math.min(birthDay + intBetween(rng, -8 * 365, 8 * 365), adultBy);
    members.push(member(rng, partnerGroup(rng, group, profile), opposite, born, 'partner', movedIn, intBetween(rng, movedIn + 180, openedOn - 1)));
  }

  const firstChild = Math.max(birthDay + yearsInDays(18), referenceDay - yearsInDays(24));
  const lastChild = Math.min(birthDay + yearsInDays(45), referenceDay - 30);
  // Siblings are born at least ~11 months apart, oldest first.
  const spacing = 330;
  let children = 0;
  let earliestBirth = firstChild;
  for (let i = 0; i < profile.children; i++) {
    const latestBirth = lastChild - (profile.children - 1 - i) * spacing;
    if (earliestBirth > latestBirth) break;
    const born = intBetween(rng, earliestBirth, Math.min(latestBirth, earliestBirth + 6 * 365));
    const family = partnerFamily && chance(rng, 0.4) ? partnerFamily : profile.familyName;
    members.push(member(rng, group, chance(rng, 0.5) ? 'F' : 'M', born, 'child', movedIn, null, family));
    earliestBirth = born + spacing;
    children++;
  }
  if (children < profile.children) {
    profile.children = children;
    if (children === 0) profile.household = (profile.household === 'couple-children' ? 'couple' : 'alone') satisfies HouseholdShape;
  }

  if (profile.housing === 'hosted' && profile.household === 'alone') {
    if (profile.age < 30) {
      const parents = chance(rng, 0.6) ? 2 : 1;
      for (let i = 0; i < parents; i++) {
        const sex = parents === 2 ? (i === 0 ? 'F' : 'M') : chance(rng, 0.5) ? 'F' : 'M';
        members.push(member(rng, group, sex, birthDay - intBetween(rng, 20 * 365, 40 * 365), 'parent', movedIn, null, profile.familyName));
      }
    } else if (chance(rng, 0.5)) {
      const relationship = pick(rng, ['sibling', 'other-relative', 'cohabitant'] as const);
      const born = Math.min(birthDay + intBetween(rng, -15 * 365, 15 * 365), adultBy);
      const g = relationship === 'cohabitant' ? partnerGroup(rng, group, profile) : group;
      members.push(member(rng, g, chance(rng, 0.5) ? 'F' : 'M', born, relationship, movedIn, null, relationship === 'sibling' ? profile.familyName : undefined));
    }
  }
  return members;
}

/** A partner or cohabitant is often, not always, from the same name pool. */
const partnerGroup = (rng: Rng, group: NameGroup, profile: CaseProfile): NameGroup =>
  chance(rng, 0.7) ? group : weighted(rng, NAME_MIX[profile.region]);

function member(
  rng: Rng, group: NameGroup, sex: 'F' | 'M', born: number, relationship: HouseholdMemberInput['relationship'],
  from: number, to: number | null, familyName?: string,
): HouseholdMemberInput {
  const givenNames = givenName(rng, group, sex, born >= BORN_1980);
  return {
    familyName: familyName ?? pick(rng, group.family),
    givenNames,
    birthDate: isoDate(born),
    relationship,
    validFrom: isoDate(Math.max(from, born)),
    validTo: to === null ? null : isoDate(to),
  };
}
