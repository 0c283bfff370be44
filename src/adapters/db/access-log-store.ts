// Appends to the CPAS's access-log chain inside the caller's transaction; if the append fails,
// the caller's transaction fails with it and nothing that was read leaves.
//
// One statement that waits once and never retries (only a CPAS's very first append creates its
// head first, createHead): it moves the CPAS's head row (seq + 1, the new chain hash) and inserts
// the entry, computing the entry's text and both hashes in the database from the head it locked. The text is the domain's canonical text cut around its seq
// (canonicalEntryAroundSeq), so the bytes hashed are exactly those `canonicalEntry` produces
// (access-log-append.db.test.ts proves it on both engines). The head row's lock, held to COMMIT,
// makes concurrent appends of one CPAS queue up, so the chain never forks.
//
// Why the hashes are not computed here: they depend on the head, which only the locked row knows.
// The former design remembered the last head per CPAS in the process and moved the head only if it
// still matched; under concurrency that hint was stale in 747 of 756 appends (bench/load.ts,
// PostgreSQL, 50 sessions), each then costing three statements and two lock waits. Measured back
// to back on the same shared machine (docs/scaling.md, findings), load mix at 50 sessions: 339, 262
// and 828 requests/s against 161, 239 and 308 with the hint (ratio to bare SQL 11.2, 11.6 and 7.0
// against 21.9, 14.8 and 14.8); at 200 sessions 365, 331 and 400 against 270, 279 and 134.
// Uncontended, interleaved A/B in one process on PostgreSQL, 4 runs: 2.45, 2.62, 2.25, 2.10 ms per append transaction against 2.23,
// 2.48, 2.35, 2.14 with the hint: within the noise, so the hint is gone.
import { type AccessLogDraft, GENESIS, canonicalEntryAroundSeq } from '../../domain/access-log-entry.ts';
import { sql } from 'kysely';
import type { Tx } from './database.ts';
import { kyselyOf } from './kysely.ts';

/** Told of each entry appended by this process (its action only), for the metrics. */
type AppendListener = (action: string) => void;
const appendListeners = new Set<AppendListener>();

/** Calls `listener` after each append of this process; returns the function that stops it. */
export function watchAccessLogAppends(listener: AppendListener): () => void {
  appendListeners.add(listener);
  return () => void appendListeners.delete(listener);
}

/** Creates the CPAS's head (seq 0, GENESIS) on its first append ever; a concurrent creation wins quietly. */
const createHead = (tx: Tx, cpasId: string) =>
  sql`INSERT INTO access_log_head (cpas_id, seq, chain_hash) VALUES (${cpasId}, 0, ${GENESIS}) ON CONFLICT (cpas_id) DO NOTHING`.execute(kyselyOf(tx));

export async function appendAccessLog(tx: Tx, draft: AccessLogDraft, at: Date = new Date()): Promise<number> {
  const { prefix, suffix } = canonicalEntryAroundSeq(draft, at);
  // The head moves under its row lock, from the head as it is once the lock is granted (READ
  // COMMITTED re-reads the row), so a queued append never matches nothing and never retries. The
  // entry is inserted from the row the UPDATE returned, into the parent table, which routes it to
  // its month's partition by logged_at. pg_catalog.sha256: a function called sha256 earlier on the
  // search path cannot stand in for it. A sql template, not the builder: building with Kysely's
  // builder cost 0.2-0.35 ms per append on PGlite. The halves are sent as parameters each time
  // they are used: a CTE holding them once measured slower (bench/access-log.ts (a), PostgreSQL:
  // 2,280 against 2,600 appends/s), and an upsert creating a missing head in the same statement
  // slower still (2,080/s); so the head is created apart, once in a CPAS's life (createHead).
  const { rows } = await sql<{ seq: number }>`WITH head AS (
       UPDATE access_log_head AS h SET seq = h.seq + 1, chain_hash = pg_catalog.sha256(h.chain_hash
         || pg_catalog.sha256('\\x00'::bytea || convert_to(${prefix} || (h.seq + 1)::text || ${suffix}, 'UTF8')))
       WHERE h.cpas_id = ${draft.cpasId}
       RETURNING seq, chain_hash)
   INSERT INTO access_log_entry (cpas_id, seq, logged_at, user_id, person_id, action, entry_text, entry_hash, chain_hash)
   SELECT ${draft.cpasId}, seq, ${at}, ${draft.userId}, ${draft.personId}, ${draft.action}, ${prefix} || seq::text || ${suffix},
          pg_catalog.sha256('\\x00'::bytea || convert_to(${prefix} || seq::text || ${suffix}, 'UTF8')), chain_hash FROM head
   RETURNING seq`.execute(kyselyOf(tx));
  const [inserted] = rows;
  if (!inserted) {
    await createHead(tx, draft.cpasId);
    return appendAccessLog(tx, draft, at);
  }
  for (const listener of appendListeners) listener(draft.action);
  return Number(inserted.seq);
}
