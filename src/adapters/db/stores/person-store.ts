// Reads and writes of the administrative part of a person's file. Each loader reads one data
// class, so the use case can open exactly the classes the policy allows and no other.
import type { ItemCategory } from '../../../domain/data-classes.ts';
import type { AddressInput, ApplicationInput, DecisionInput, HouseholdMemberInput, PersonInput, PersonPatch } from '../../../domain/schemas.ts';
import type { Row, Tx } from '../database.ts';

export const searchNameOf = (familyName: string, givenNames: string) =>
  `${familyName} ${givenNames}`.normalize('NFD').replace(/\p{Diacritic}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();

const PERSON_COLUMNS: Record<keyof PersonInput, string> = {
  familyName: 'family_name',
  givenNames: 'given_names',
  birthDate: 'birth_date',
  birthPlace: 'birth_place',
  sex: 'sex',
  nationality: 'nationality',
  niss: 'niss',
  phone: 'phone',
  email: 'email',
  iban: 'iban',
};

export async function insertPerson(tx: Tx, cpasId: string, personId: string, p: PersonInput): Promise<void> {
  await tx.query(
    `INSERT INTO person (cpas_id, person_id, family_name, given_names, search_name, birth_date, birth_place, sex, nationality, niss, phone, email, iban)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
    [cpasId, personId, p.familyName, p.givenNames, searchNameOf(p.familyName, p.givenNames), p.birthDate ?? null, p.birthPlace ?? null,
      p.sex ?? null, p.nationality ?? null, p.niss ?? null, p.phone ?? null, p.email ?? null, p.iban ?? null],
  );
}

export async function updatePerson(tx: Tx, cpasId: string, personId: string, patch: PersonPatch): Promise<boolean> {
  const entries = Object.entries(patch).filter(([, v]) => v !== undefined) as [keyof PersonInput, unknown][];
  const sets = entries.map(([key], i) => `${PERSON_COLUMNS[key]} = $${i + 3}`);
  const params = entries.map(([, value]) => (value ?? null) as string | null);
  const rows = await tx.query(
    `UPDATE person SET ${[...sets, 'updated_at = now()'].join(', ')}
     WHERE cpas_id = $1 AND person_id = $2 RETURNING family_name, given_names`,
    [cpasId, personId, ...params],
  );
  const [row] = rows as { family_name: string; given_names: string }[];
  if (!row) return false;
  // The search key is derived in code (accents folded the same way as the search input).
  await tx.query('UPDATE person SET search_name = $3 WHERE cpas_id = $1 AND person_id = $2', [cpasId, personId, searchNameOf(row.family_name, row.given_names)]);
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
  await tx.query(
    `INSERT INTO person_address (cpas_id, address_id, person_id, kind, street, house_number, box, postal_code, municipality, country, valid_from, valid_to)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
    [cpasId, addressId, personId, a.kind, a.street, a.houseNumber, a.box ?? null, a.postalCode, a.municipality, a.country, a.validFrom, a.validTo ?? null],
  );
}

export async function insertHouseholdMember(tx: Tx, cpasId: string, personId: string, memberId: string, m: HouseholdMemberInput): Promise<void> {
  await tx.query(
    `INSERT INTO household_member (cpas_id, member_id, person_id, family_name, given_names, birth_date, relationship, valid_from, valid_to)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [cpasId, memberId, personId, m.familyName, m.givenNames, m.birthDate ?? null, m.relationship, m.validFrom, m.validTo ?? null],
  );
}

export async function insertApplication(tx: Tx, cpasId: string, personId: string, applicationId: string, a: ApplicationInput): Promise<void> {
  await tx.query(
    `INSERT INTO application (cpas_id, application_id, person_id, kind, submitted_on, channel, communicated, status)
     VALUES ($1, $2, $3, $4, $5, $6, $7, 'received')`,
    [cpasId, applicationId, personId, a.kind, a.submittedOn, a.channel, JSON.stringify(a.communicated)],
  );
}

export async function insertDecision(tx: Tx, cpasId: string, personId: string, decisionId: string, d: DecisionInput): Promise<boolean> {
  const updated = await tx.query(
    `UPDATE application SET status = 'decided' WHERE cpas_id = $1 AND application_id = $2 AND person_id = $3 RETURNING application_id`,
    [cpasId, d.applicationId, personId],
  );
  if (updated.length === 0) return false;
  await tx.query(
    `INSERT INTO decision (cpas_id, decision_id, application_id, person_id, body, decided_on, outcome, amount_cents, period_from, period_to, motivation)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
    [cpasId, decisionId, d.applicationId, personId, d.body, d.decidedOn, d.outcome, d.amountCents ?? null, d.periodFrom ?? null, d.periodTo ?? null, d.motivation],
  );
  return true;
}

/** Columns of the person row by the class they hold (as in the catalogue), with their API names. */
const PERSON_ROW_SECTIONS: Partial<Record<ItemCategory, readonly (readonly [column: string, field: string])[]>> = {
  identity: [['family_name', 'familyName'], ['given_names', 'givenNames'], ['birth_date', 'birthDate'], ['birth_place', 'birthPlace'], ['sex', 'sex'], ['nationality', 'nationality'], ['niss', 'niss']],
  'contact-details': [['phone', 'phone'], ['email', 'email']],
  'payment-account': [['iban', 'iban']],
};
const ADDRESS_CATEGORY: Record<string, ItemCategory> = { domicile: 'domicile-address', residence: 'known-addresses', reference: 'known-addresses', earlier: 'known-addresses' };

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
  const out: Partial<Record<ItemCategory, unknown>> = {};
  const keys = [cpasId, personId];
  const personSections = (Object.keys(PERSON_ROW_SECTIONS) as ItemCategory[]).filter((c) => allowed.has(c));
  if (personSections.length > 0) {
    const columns = personSections.flatMap((c) => PERSON_ROW_SECTIONS[c]!.map(([column]) => column));
    const [row] = await tx.query(`SELECT ${columns.join(', ')} FROM person WHERE cpas_id = $1 AND person_id = $2`, keys);
    for (const c of personSections) out[c] = Object.fromEntries(PERSON_ROW_SECTIONS[c]!.map(([column, field]) => [field, row?.[column] ?? null]));
  }
  const addressKinds = Object.keys(ADDRESS_CATEGORY).filter((k) => allowed.has(ADDRESS_CATEGORY[k]!));
  if (addressKinds.length > 0) {
    const rows = await tx.query<{ kind: string }>(
      `SELECT address_id AS "addressId", kind, street, house_number AS "houseNumber", box, postal_code AS "postalCode", municipality, country,
              valid_from AS "validFrom", valid_to AS "validTo"
       FROM person_address WHERE cpas_id = $1 AND person_id = $2 AND kind = ANY($3::text[]) ORDER BY valid_from DESC, address_id`,
      [...keys, addressKinds],
    );
    for (const category of new Set(addressKinds.map((k) => ADDRESS_CATEGORY[k]!))) out[category] = rows.filter((r) => ADDRESS_CATEGORY[r.kind] === category);
  }
  if (allowed.has('household-composition')) {
    out['household-composition'] = await tx.query(
      `SELECT member_id AS "memberId", family_name AS "familyName", given_names AS "givenNames", birth_date AS "birthDate",
              relationship, valid_from AS "validFrom", valid_to AS "validTo"
       FROM household_member WHERE cpas_id = $1 AND person_id = $2 ORDER BY valid_from, member_id`,
      keys,
    );
  }
  if (allowed.has('application-data')) {
    out['application-data'] = (await tx.query<{ communicated: string }>(
      `SELECT application_id AS "applicationId", kind, submitted_on AS "submittedOn", channel, communicated, status
       FROM application WHERE cpas_id = $1 AND person_id = $2 ORDER BY submitted_on DESC, application_id`,
      keys,
    )).map((row) => ({ ...row, communicated: JSON.parse(row.communicated) as unknown }));
  }
  const decisions = allowed.has('aid-decisions');
  const motivations = allowed.has('decision-motivation');
  if (decisions || motivations) {
    const rows = await tx.query<Row & { motivation?: string }>(
      `SELECT decision_id AS "decisionId", application_id AS "applicationId", body, decided_on AS "decidedOn", outcome,
              amount_cents AS "amountCents", period_from AS "periodFrom", period_to AS "periodTo"${motivations ? ', motivation' : ''}
       FROM decision WHERE cpas_id = $1 AND person_id = $2 ORDER BY decided_on DESC, decision_id`,
      keys,
    );
    if (decisions) out['aid-decisions'] = rows.map(({ motivation: _motivation, ...decision }) => decision);
    if (motivations) out['decision-motivation'] = rows.map((r) => ({ decisionId: r.decisionId, motivation: r.motivation }));
  }
  if (allowed.has('bcss-data')) {
    out['bcss-data'] = await tx.query(
      `SELECT record_id AS "recordId", source, received_on AS "receivedOn", content
       FROM bcss_record WHERE cpas_id = $1 AND person_id = $2 ORDER BY received_on DESC, record_id`,
      keys,
    );
  }
  return out;
}
