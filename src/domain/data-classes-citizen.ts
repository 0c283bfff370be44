// The data classes of the citizen portal's tables (migration 011): citizen sessions and rights
// requests. Spread into CATALOGUE in data-classes.ts; plain objects, as in data-classes-audit.ts.
import type { ColumnClass, SystemRole } from './data-classes.ts';

const system = (role: SystemRole): ColumnClass => ({ kind: 'system', role });
const KEY = system('key');
const META = system('record-metadata');
const SECURITY = system('security');
const allOf = (columns: string[], cls: ColumnClass) => Object.fromEntries(columns.map((c) => [c, cls]));

/** The request itself (what, when, by which channel, its state and deadline) is shown to the person: administrative. */
const REQUEST = { kind: 'personal', category: 'application-data' } as const satisfies ColumnClass;
/**
 * The person's own words ("please correct ...", "I object because ...") and the reason given for
 * an extension are free text about the person's situation: a social note, sealed.
 */
const FREE_TEXT = { kind: 'personal', category: 'social-notes' } as const satisfies ColumnClass;

export const CITIZEN_CATALOGUE: Readonly<Record<string, Readonly<Record<string, ColumnClass>>>> = {
  citizen_session: {
    cpas_id: KEY,
    person_id: KEY,
    ...allOf(['session_hash', 'expires_at', 'idle_until', 'csrf_token'], SECURITY),
    created_at: META,
  },
  rights_request: {
    cpas_id: KEY,
    request_id: KEY,
    person_id: KEY,
    recorded_by: KEY,
    redacted_by: KEY,
    approved_by: KEY,
    ...allOf(['kind', 'channel', 'received_on', 'due_on', 'extended_due_on', 'state', 'redacted_at', 'approved_at', 'released_at'], REQUEST),
    statement_enc: FREE_TEXT,
    extension_reason_enc: FREE_TEXT,
    // The redacted copy of the social reports: still the social report, sealed until it leaves.
    copy_pdf_enc: { kind: 'personal', category: 'social-report' },
    created_at: META,
  },
};
