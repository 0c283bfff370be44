// The data classes of the professional-secrecy guide's tables (migration 008). Spread into
// CATALOGUE in data-classes.ts.
//
// guide_settings is the CPAS's configuration: organisation data, no person in it.
// guide_disclosure is secret content of a person's file. What was shared and with whom is a
// social note (a secret class, sealed); the date, the outcome (disclosure or refusal) and the
// ground are the record's plain description, the least the DPO needs to count disclosures by
// ground and year without opening one (R23). They are classed social-notes too, so that only those
// who may read the file's secret part see them row by row.
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
    ...allOf(['disclosed_on', 'outcome_kind', 'ground_kind', 'recipient_enc', 'shared_enc'], NOTE),
  },
};
