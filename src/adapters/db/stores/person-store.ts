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

type Loader = (tx: Tx, cpasId: string, personId: string) => Promise<Row | Row[]>;
const one = async (rows: Promise<Row[]>) => (await rows)[0] ?? {};

const addressesOfKinds = (kinds: string[]): Loader => (tx, cpasId, personId) =>
  tx.query(
    `SELECT address_id AS "addressId", kind, street, house_number AS "houseNumber", box, postal_code AS "postalCode", municipality, country,
            valid_from AS "validFrom", valid_to AS "validTo"
     FROM person_address WHERE cpas_id = $1 AND person_id = $2 AND kind = ANY($3::text[]) ORDER BY valid_from DESC, address_id`,
    [cpasId, personId, kinds],
  );

/** One loader per administrative data class. Secret classes are read by secret-record-store. */
export const ADMINISTRATIVE_LOADERS: Partial<Record<ItemCategory, Loader>> = {
  identity: (tx, cpasId, personId) =>
    one(tx.query(
      `SELECT family_name AS "familyName", given_names AS "givenNames", birth_date AS "birthDate", birth_place AS "birthPlace",
              sex, nationality, niss FROM person WHERE cpas_id = $1 AND person_id = $2`,
      [cpasId, personId],
    )),
  'contact-details': (tx, cpasId, personId) =>
    one(tx.query('SELECT phone, email FROM person WHERE cpas_id = $1 AND person_id = $2', [cpasId, personId])),
  'payment-account': (tx, cpasId, personId) =>
    one(tx.query('SELECT iban FROM person WHERE cpas_id = $1 AND person_id = $2', [cpasId, personId])),
  'domicile-address': addressesOfKinds(['domicile']),
  'known-addresses': addressesOfKinds(['residence', 'reference', 'earlier']),
  'household-composition': (tx, cpasId, personId) =>
    tx.query(
      `SELECT member_id AS "memberId", family_name AS "familyName", given_names AS "givenNames", birth_date AS "birthDate",
              relationship, valid_from AS "validFrom", valid_to AS "validTo"
       FROM household_member WHERE cpas_id = $1 AND person_id = $2 ORDER BY valid_from, member_id`,
      [cpasId, personId],
    ),
  'application-data': async (tx, cpasId, personId) =>
    (await tx.query<{ communicated: string }>(
      `SELECT application_id AS "applicationId", kind, submitted_on AS "submittedOn", channel, communicated, status
       FROM application WHERE cpas_id = $1 AND person_id = $2 ORDER BY submitted_on DESC, application_id`,
      [cpasId, personId],
    )).map((row) => ({ ...row, communicated: JSON.parse(row.communicated) as unknown })),
  'aid-decisions': (tx, cpasId, personId) =>
    tx.query(
      `SELECT decision_id AS "decisionId", application_id AS "applicationId", body, decided_on AS "decidedOn", outcome,
              amount_cents AS "amountCents", period_from AS "periodFrom", period_to AS "periodTo"
       FROM decision WHERE cpas_id = $1 AND person_id = $2 ORDER BY decided_on DESC, decision_id`,
      [cpasId, personId],
    ),
  'decision-motivation': (tx, cpasId, personId) =>
    tx.query(
      `SELECT decision_id AS "decisionId", motivation FROM decision WHERE cpas_id = $1 AND person_id = $2 ORDER BY decided_on DESC, decision_id`,
      [cpasId, personId],
    ),
  'bcss-data': (tx, cpasId, personId) =>
    tx.query(
      `SELECT record_id AS "recordId", source, received_on AS "receivedOn", content
       FROM bcss_record WHERE cpas_id = $1 AND person_id = $2 ORDER BY received_on DESC, record_id`,
      [cpasId, personId],
    ),
};
