// The data classes of the audit tables (migration 004): checkpoints, break-glass grants and staff
// notifications. Spread into CATALOGUE in data-classes.ts. Built from plain objects, not from that
// file's helpers, so the two modules do not import each other at run time.
import type { ColumnClass, SystemRole } from './data-classes.ts';

const system = (role: SystemRole): ColumnClass => ({ kind: 'system', role });
const KEY = system('key');
const META = system('record-metadata');
const AUDIT = system('audit');
const allOf = (columns: string[], cls: ColumnClass) => Object.fromEntries(columns.map((c) => [c, cls]));

/**
 * A break-glass reason (and a reviewer's comment on it) is free text written about a person in an
 * emergency: "her worker is ill and she called saying ..." carries exactly what was confided. It
 * is classed as a social note, a secret class, so it must be stored sealed (the catalogue test
 * checks it is bytea), never shown in the person's own access view, and never printed in a log.
 */
const BREAK_GLASS_TEXT: ColumnClass = { kind: 'personal', category: 'social-notes' };

export const AUDIT_CATALOGUE: Readonly<Record<string, Readonly<Record<string, ColumnClass>>>> = {
  access_log_checkpoint: {
    cpas_id: KEY,
    ...allOf(['tree_size', 'root_hash', 'note_text', 'key_name'], AUDIT),
    created_at: META,
  },
  // An archived month of the access log (migration 019): seq numbers, hashes and the signed note.
  access_log_archive: {
    cpas_id: KEY,
    ...allOf(['month', 'after_seq', 'anchor_hash', 'last_seq', 'last_chain_hash', 'note_text', 'dropped_at'], AUDIT),
    archived_at: META,
  },
  break_glass_grant: {
    cpas_id: KEY,
    grant_id: KEY,
    person_id: KEY,
    user_id: KEY,
    reviewed_by: KEY,
    // Who may read a case, for how long and what for: the grant is a (temporary) case relation.
    ...allOf(['purpose', 'opened_at', 'expires_at'], system('case-relation')),
    ...allOf(['reviewed_at', 'review_outcome'], AUDIT),
    reason_enc: BREAK_GLASS_TEXT,
    review_comment_enc: BREAK_GLASS_TEXT,
  },
  staff_notification: {
    cpas_id: KEY,
    notification_id: KEY,
    recipient_user_id: KEY,
    // The record a notification is about (a grant id): an identifier, no content.
    reference_id: KEY,
    ...allOf(['kind', 'read_at'], system('staff')),
    created_at: META,
  },
};
