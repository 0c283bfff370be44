// Reading back a stored access-log entry for display. The stored text is the canonical JSON of
// access-log-entry.ts; this is its parsed shape.
import type { AccessLogDraft } from './access-log-entry.ts';

export interface ParsedEntry {
  readonly seq: number;
  readonly at: string;
  readonly user: string | null;
  readonly roles: readonly string[];
  readonly purpose: string;
  readonly action: string;
  readonly person: string | null;
  readonly classes: readonly string[];
  readonly outcome: 'allowed' | 'denied';
  readonly rule: string;
  readonly details: NonNullable<AccessLogDraft['details']>;
  /** 'person': the person themself, through the citizen portal. */
  readonly actor?: 'person';
}

export const parseEntry = (text: string): ParsedEntry => JSON.parse(text) as ParsedEntry;

/** Whether a search entry found this person (searches list the ids they returned in their details). */
export function concernsPerson(entry: ParsedEntry, personId: string): boolean {
  if (entry.person === personId) return true;
  const found = entry.details.persons;
  return Array.isArray(found) && found.includes(personId);
}
