// "Who consulted my file": the accesses to one person's file, for a staff member to print when the
// person asks (GDPR art. 15; purpose 'data-subject-access'). Who (name and role), when, what kind
// of access, which data classes: never the content, never internal ids or sequence numbers.
//
// Secrecy of the measure (art. 46bis/1 §2 CIC; R20/R21): what was done to answer an authority's
// request (purpose 'authority-request': the search for the person, the reads, the 'disclose'
// entry) must not reach the person, so those entries are left out. Leaving them out silently
// would hide them from the DPO as well; instead, the log entry of this very call records how many
// were withheld, where only the DPO reads it. Sequence numbers are not shown because their gaps
// would betray the withheld entries.
import { listLogEntries } from '../adapters/db/stores/access-log-query-store.ts';
import { loadCaseRelation } from '../adapters/db/stores/case-relation-store.ts';
import type { Tx } from '../adapters/db/database.ts';
import { concernsPerson, type ParsedEntry, parseEntry } from '../domain/access-log-view.ts';
import { notFound } from '../domain/errors.ts';
import type { Purpose } from '../domain/purposes.ts';
import type { Actor } from '../domain/roles.ts';
import { refuseUnlessRole, writeAuditEntry } from './audit-gate.ts';
import { type AppContext, Refusal, runAudited } from './context.ts';

const PURPOSE: Purpose = 'data-subject-access';
const SECRECY_OF_MEASURE: ReadonlySet<string> = new Set<Purpose>(['authority-request']);
const BATCH = 1_000;
/** An upper bound on one printout; a file consulted more often than this is a matter for the DPO. */
const MAX_ENTRIES = 20_000;

export interface AccessRecord {
  at: string;
  staff: { name: string | null; roles: readonly string[] } | null;
  action: string;
  purpose: string;
  classes: readonly string[];
  outcome: 'allowed' | 'denied';
  /** Read under break-glass: someone not on the case opened it in an emergency. */
  emergencyAccess: boolean;
}

/**
 * The entries about one person, newest first, with those made for an authority's request counted
 * apart and left out (secrecy of the measure). Shared by this printout and the person's own view
 * in the citizen portal (src/app/citizen/my-access-history.ts).
 */
export async function collectPersonAccesses(tx: Tx, cpasId: string, personId: string): Promise<{ shown: { entry: ParsedEntry; userName: string | null }[]; withheld: number }> {
  const shown: { entry: ParsedEntry; userName: string | null }[] = [];
  let withheld = 0;
  let before: number | undefined;
  for (let read = 0; read < MAX_ENTRIES; read += BATCH) {
    const rows = await listLogEntries(tx, cpasId, { kind: 'person', personId }, { before, limit: BATCH });
    for (const row of rows) {
      const parsed = parseEntry(row.text);
      if (!concernsPerson(parsed, personId)) continue;
      if (SECRECY_OF_MEASURE.has(parsed.purpose)) withheld += 1;
      else shown.push({ entry: parsed, userName: row.userName });
    }
    if (rows.length < BATCH) break;
    before = rows[rows.length - 1]!.seq;
  }
  return { shown, withheld };
}

export async function personAccessHistory(ctx: AppContext, actor: Actor, input: { personId: string }): Promise<{ personId: string; accesses: AccessRecord[] }> {
  return runAudited(ctx, async (tx) => {
    const relation = await loadCaseRelation(tx, actor, input.personId, { now: ctx.now(), purpose: PURPOSE });
    if (!relation) return new Refusal(notFound('person'));
    const entry = { action: 'read-log' as const, purpose: PURPOSE, personId: input.personId, classes: [] };
    // The administrative agent at the desk, or the person's own social worker: not every worker of the CPAS.
    const assignedWorker = relation.assigned && actor.roles.includes('social-worker');
    const refusal = assignedWorker ? null : await refuseUnlessRole(tx, ctx, actor, ['administrative-agent'], { ...entry, details: { view: 'person-access-history' } });
    if (refusal) return refusal;

    const { shown, withheld } = await collectPersonAccesses(tx, actor.cpasId, input.personId);
    await writeAuditEntry(tx, ctx, actor, {
      ...entry,
      rule: assignedWorker ? 'assigned-worker' : 'administrative-staff',
      details: { view: 'person-access-history', count: shown.length, withheldForSecrecyOfMeasure: withheld },
    }, 'allowed');
    return {
      personId: input.personId,
      accesses: shown.map(({ entry: e, userName }) => ({
        at: e.at,
        staff: e.user ? { name: userName, roles: e.roles } : null,
        action: e.action,
        purpose: e.purpose,
        classes: e.classes,
        outcome: e.outcome,
        emergencyAccess: e.rule === 'break-glass',
      })),
    };
  });
}
