// The data classes of the professional-secrecy guide's tables (migration 008). Spread into
// CATALOGUE in data-classes.ts.
//
// guide_settings is the CPAS's configuration: organisation data, no person in it.
// guide_disclosure is secret content of a person's file. What was shared and with whom is a
// social note (a secret class, sealed: the catalogue test requires every secret column to be
// ciphertext). The date, the outcome (disclosure or refusal) and the ground (a code of a closed
// list) are the record's metadata, like a social report's date: the least the DPO needs to count
// disclosures by ground and year without opening one (R23). They are read row by row only through
// the person's file, under the same policy as the sealed part.
import type { ColumnClass, SystemRole } from './data-classes.ts';

const system = (role: SystemRole): ColumnClass => ({ kind: 'system', role });
const KEY = system('key');
const META = system('record-metadata');
const NOTE: ColumnClass = { kind: 'personal', category: 'social-notes' };
const allOf = (columns: string[], cls: ColumnClass) => Object.fromEntries(columns.map((c) => [c, cls]));

export const GUIDE_CATALOGUE: Readonly<Record<string, Readonly<Record<string, ColumnClass>>>> = {
  guide_settings: {
    cpas_id: KEY,
    ...allOf(['version', 'config_id', 'external_shared_secrecy', 'decision_ref'], system('organisation')),
    created_by: KEY,
    created_at: META,
  },
  guide_disclosure: {
    cpas_id: KEY,
    disclosure_id: KEY,
    person_id: KEY,
    author_user_id: KEY,
    ...allOf(['disclosed_on', 'outcome_kind', 'ground_kind'], META),
    ...allOf(['recipient_enc', 'shared_enc'], NOTE),
  },
};
