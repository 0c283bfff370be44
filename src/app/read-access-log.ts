// The DPO's views of the access log: everything logged about one person, everything one staff
// member did, or everything in a period; newest first, a page at a time. Only the DPO reads the
// log (operation 'read-access-log'), and reading it is itself logged ('read-log'): an audit of
// who looked at the audit trail, without which the DPO's own curiosity would leave no trace.
import { type LogFilter, listLogEntries } from '../adapters/db/stores/access-log-query-store.ts';
import { personNamesByIds } from '../adapters/db/stores/search-store.ts';
import { mayNamePersons, OPERATIONS } from '../domain/access-policy.ts';
import { concernsPerson, type ParsedEntry, parseEntry } from '../domain/access-log-view.ts';
import { invalidInput } from '../domain/errors.ts';
import type { Actor } from '../domain/roles.ts';
import { refuseUnlessRole, writeAuditEntry } from './audit-gate.ts';
import { type AppContext, runAudited } from './context.ts';

export const LOG_PAGE = { default: 50, max: 500 } as const;

export interface AuditEntryView extends ParsedEntry {
  readonly userName: string | null;
}

export interface AuditPage {
  entries: AuditEntryView[];
  /** Pass as `before` for the next (older) page; null on the last page. */
  nextBefore: number | null;
  /** Whose log this is, for the person view, when the policy lets a list name persons to the reader; otherwise null. */
  person: { familyName: string; givenNames: string } | null;
}

export async function readAccessLog(
  ctx: AppContext,
  actor: Actor,
  input: { filter: LogFilter; before?: number | undefined; limit?: number | undefined },
): Promise<AuditPage> {
  const limit = input.limit ?? LOG_PAGE.default;
  if (!Number.isInteger(limit) || limit < 1 || limit > LOG_PAGE.max) throw invalidInput('limit', `must be between 1 and ${LOG_PAGE.max}`);
  if (input.filter.kind === 'period' && !(input.filter.from < input.filter.to)) throw invalidInput('to', 'must be after from');
  const { filter } = input;
  const entry = {
    action: 'read-log' as const,
    purpose: 'data-protection-audit' as const,
    personId: filter.kind === 'person' ? filter.personId : null,
    classes: [],
  };
  const scope: Record<string, string> = filter.kind === 'staff' ? { staff: filter.userId }
    : filter.kind === 'period' ? { from: filter.from.toISOString(), to: filter.to.toISOString() }
    : {};
  return runAudited(ctx, async (tx) => {
    const refusal = await refuseUnlessRole(tx, ctx, actor, OPERATIONS['read-access-log'], { ...entry, details: { view: filter.kind, ...scope } });
    if (refusal) return refusal;
    const rows = await listLogEntries(tx, actor.cpasId, filter, { before: input.before, limit });
    const entries = rows
      .map((row) => ({ ...parseEntry(row.text), userName: row.userName }))
      .filter((e) => filter.kind !== 'person' || concernsPerson(e, filter.personId));
    // The DPO reads the log about someone they found by name: the page names them, and this entry says so (identity).
    const person = filter.kind === 'person' && mayNamePersons(actor.roles) ? (await personNamesByIds(tx, actor.cpasId, [filter.personId])).get(filter.personId) ?? null : null;
    await writeAuditEntry(tx, ctx, actor, { ...entry, classes: person ? ['identity'] : [], details: { view: filter.kind, ...scope, count: entries.length } }, 'allowed');
    return { entries, nextBefore: rows.length === limit ? rows[rows.length - 1]!.seq : null, person };
  });
}
