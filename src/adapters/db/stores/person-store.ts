// Reads and writes of the administrative part of a person's file. Each loader reads one data
// class, so the use case can open exactly the classes the policy allows and no other.
import { sql } from 'kysely';
import type { ItemCategory } from '../../../domain/data-classes.ts';
import {
  ADDRESS_KINDS, type AddressInput, type ApplicationInput, type DecisionInput, type HouseholdMemberInput, type PersonInput, type PersonPatch,
} from '../../../domain/schemas.ts';
import type { Tx } from '../database.ts';
import { kyselyOf } from '../kysely.ts';
import type { DB } from '../schema.ts';

export const searchNameOf = (familyName: string, givenNames: string) =>
  `${familyName} ${givenNames}`.normalize('NFD').replace(/\p{Diacritic}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();

/** The person columns of a patch: an absent field stays undefined and Kysely leaves its column alone. */
const personColumns = (p: PersonPatch) => ({
  family_name: p.familyName, given_names: p.givenNames, birth_date: p.birthDate, birth_place: p.birthPlace, sex: p.sex,
  nationality: p.nationality, niss: p.niss, phone: p.phone, email: p.email, iban: p.iban,
});

export async function insertPerson(tx: Tx, cpasId: string, personId: string, p: PersonInput): Promise<void> {
  await kyselyOf(tx)
    .insertInto('person')
    .values({
      cpas_id: cpasId, person_id: personId, family_name: p.familyName, given_names: p.givenNames,
      search_name: searchNameOf(p.familyName, p.givenNames), birth_date: p.birthDate ?? null, birth_place: p.birthPlace ?? null,
      sex: p.sex ?? null, nationality: p.nationality ?? null, niss: p.niss ?? null, phone: p.phone ?? null, email: p.email ?? null,
      iban: p.iban ?? null,
    })
    .execute();
}

export async function updatePerson(tx: Tx, cpasId: string, personId: string, patch: PersonPatch): Promise<boolean> {
  const db = kyselyOf(tx);
  const row = await db
    .updateTable('person')
    .set({ ...personColumns(patch), updated_at: sql<Date>`now()` })
    .where('cpas_id', '=', cpasId)
    .where('person_id', '=', personId)
    .returning(['family_name', 'given_names'])
    .executeTakeFirst();
  if (!row) return false;
  // The search key is derived in code (accents folded the same way as the search input).
  await db
    .updateTable('person')
    .set({ search_name: searchNameOf(row.family_name, row.given_names) })
    .where('cpas_id', '=', cpasId)
    .where('person_id', '=', personId)
    .execute();
  return true;
}

/** The categories changed by a patch, for the policy check and the log. */
export function categoriesOfPatch(patch: PersonPatch): ItemCategory[] {
  const of: Record<keyof PersonInput, ItemCategory> = {
    familyName: 'identity', givenNames: 'identity', birthDate: 'identity', birthPlace: 'identity', sex: 'identity',
    nationality: 'identity', niss: 'identity', phone: 'contact-details', email: 'contact-details', iban: 'payment-account',
  };
  return [...new Set((Object.keys(patch) as (keyof PersonInput)[]).map((k) => of[k]))];
}

export async function insertAddress(tx: Tx, cpasId: string, personId: string, addressId: string, a: AddressInput): Promise<void> {
  await kyselyOf(tx)
    .insertInto('person_address')
    .values({
      cpas_id: cpasId, address_id: addressId, person_id: personId, kind: a.kind, street: a.street, house_number: a.houseNumber,
      box: a.box ?? null, postal_code: a.postalCode, municipality: a.municipality, country: a.country, valid_from: a.validFrom,
      valid_to: a.validTo ?? null,
    })
    .execute();
}

export async function insertHouseholdMember(tx: Tx, cpasId: string, personId: string, memberId: string, m: HouseholdMemberInput): Promise<void> {
  await kyselyOf(tx)
    .insertInto('household_member')
    .values({
      cpas_id: cpasId, member_id: memberId, person_id: personId, family_name: m.familyName, given_names: m.givenNames,
      birth_date: m.birthDate ?? null, relationship: m.relationship, valid_from: m.validFrom, valid_to: m.validTo ?? null,
    })
    .execute();
}

export async function insertApplication(tx: Tx, cpasId: string, personId: string, applicationId: string, a: ApplicationInput): Promise<void> {
  await kyselyOf(tx)
    .insertInto('application')
    .values({
      cpas_id: cpasId, application_id: applicationId, person_id: personId, kind: a.kind, submitted_on: a.submittedOn, channel: a.channel,
      communicated: JSON.stringify(a.communicated), status: 'received',
    })
    .execute();
}

export async function insertDecision(tx: Tx, cpasId: string, personId: string, decisionId: string, d: DecisionInput): Promise<boolean> {
  const db = kyselyOf(tx);
  const updated = await db
    .updateTable('application')
    .set({ status: 'decided' })
    .where('cpas_id', '=', cpasId)
    .where('application_id', '=', d.applicationId)
    .where('person_id', '=', personId)
    .returning('application_id')
    .executeTakeFirst();
  if (!updated) return false;
  await db
    .insertInto('decision')
    .values({
      cpas_id: cpasId, decision_id: decisionId, application_id: d.applicationId, person_id: personId, body: d.body, decided_on: d.decidedOn,
      outcome: d.outcome, amount_cents: d.amountCents ?? null, period_from: d.periodFrom ?? null, period_to: d.periodTo ?? null,
      motivation: d.motivation,
    })
    .execute();
  return true;
}

/** Columns of the person row by the class they hold (as in the catalogue), with their API names. */
const PERSON_ROW_SECTIONS: Partial<Record<ItemCategory, readonly (readonly [column: keyof DB['person'], field: string])[]>> = {
  identity: [['family_name', 'familyName'], ['given_names', 'givenNames'], ['birth_date', 'birthDate'], ['birth_place', 'birthPlace'], ['sex', 'sex'], ['nationality', 'nationality'], ['niss', 'niss']],
  'contact-details': [['phone', 'phone'], ['email', 'email']],
  'payment-account': [['iban', 'iban']],
};
const ADDRESS_CATEGORY: Record<(typeof ADDRESS_KINDS)[number], ItemCategory> = { domicile: 'domicile-address', residence: 'known-addresses', reference: 'known-addresses', earlier: 'known-addresses' };

/**
 * Reads the administrative classes the caller was allowed, and no other: a class not in `allowed`
 * is never selected. Classes that live in one table are read in one query and split by class.
 */
export async function loadAdministrativeSections(
  tx: Tx,
  cpasId: string,
  personId: string,
  allowed: ReadonlySet<ItemCategory>,
): Promise<Partial<Record<ItemCategory, unknown>>> {
  const db = kyselyOf(tx);
  const out: Partial<Record<ItemCategory, unknown>> = {};
  const personSections = (Object.keys(PERSON_ROW_SECTIONS) as ItemCategory[]).filter((c) => allowed.has(c));
  if (personSections.length > 0) {
    const columns = personSections.flatMap((c) => PERSON_ROW_SECTIONS[c]!.map(([column]) => column));
    const row = await db.selectFrom('person').select(columns).where('cpas_id', '=', cpasId).where('person_id', '=', personId).executeTakeFirst();
    for (const c of personSections) out[c] = Object.fromEntries(PERSON_ROW_SECTIONS[c]!.map(([column, field]) => [field, row?.[column] ?? null]));
  }
  const addressKinds = ADDRESS_KINDS.filter((k) => allowed.has(ADDRESS_CATEGORY[k]));
  if (addressKinds.length > 0) {
    const rows = await db
      .selectFrom('person_address')
      .select([
        'address_id as addressId', 'kind', 'street', 'house_number as houseNumber', 'box', 'postal_code as postalCode', 'municipality', 'country',
        'valid_from as validFrom', 'valid_to as validTo',
      ])
      .where('cpas_id', '=', cpasId)
      .where('person_id', '=', personId)
      .where((eb) => eb('kind', '=', eb.fn.any(eb.val(addressKinds))))
      .orderBy('valid_from', 'desc')
      .orderBy('address_id')
      .execute();
    for (const category of new Set(addressKinds.map((k) => ADDRESS_CATEGORY[k]))) out[category] = rows.filter((r) => ADDRESS_CATEGORY[r.kind] === category);
  }
  if (allowed.has('household-composition')) {
    out['household-composition'] = await db
      .selectFrom('household_member')
      .select([
        'member_id as memberId', 'family_name as familyName', 'given_names as givenNames', 'birth_date as birthDate', 'relationship',
        'valid_from as validFrom', 'valid_to as validTo',
      ])
      .where('cpas_id', '=', cpasId)
      .where('person_id', '=', personId)
      .orderBy('valid_from')
      .orderBy('member_id')
      .execute();
  }
  if (allowed.has('application-data')) {
    const rows = await db
      .selectFrom('application')
      .select(['application_id as applicationId', 'kind', 'submitted_on as submittedOn', 'channel', 'communicated', 'status'])
      .where('cpas_id', '=', cpasId)
      .where('person_id', '=', personId)
      .orderBy('submitted_on', 'desc')
      .orderBy('application_id')
      .execute();
    out['application-data'] = rows.map((row) => ({ ...row, communicated: JSON.parse(row.communicated) as unknown }));
  }
  const decisions = allowed.has('aid-decisions');
  const motivations = allowed.has('decision-motivation');
  if (decisions || motivations) {
    const rows = await db
      .selectFrom('decision')
      .select([
        'decision_id as decisionId', 'application_id as applicationId', 'body', 'decided_on as decidedOn', 'outcome',
        'amount_cents as amountCents', 'period_from as periodFrom', 'period_to as periodTo',
      ])
      // The motivation is its own class: not even selected unless it was allowed.
      .$if(motivations, (q) => q.select('motivation'))
      .where('cpas_id', '=', cpasId)
      .where('person_id', '=', personId)
      .orderBy('decided_on', 'desc')
      .orderBy('decision_id')
      .execute();
    if (decisions) out['aid-decisions'] = rows.map(({ motivation: _motivation, ...decision }) => decision);
    if (motivations) out['decision-motivation'] = rows.map((r) => ({ decisionId: r.decisionId, motivation: r.motivation }));
  }
  if (allowed.has('bcss-data')) {
    out['bcss-data'] = await db
      .selectFrom('bcss_record')
      .select(['record_id as recordId', 'source', 'received_on as receivedOn', 'content'])
      .where('cpas_id', '=', cpasId)
      .where('person_id', '=', personId)
      .orderBy('received_on', 'desc')
      .orderBy('record_id')
      .execute();
  }
  return out;
}
