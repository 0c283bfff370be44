// Appends to the CPAS's access-log chain inside the caller's transaction; if the append fails,
// the caller's transaction fails with it and nothing that was read leaves.
//
// One statement that waits once and never retries: it moves the CPAS's head row (seq + 1, the new
// chain hash) and inserts the entry, computing the entry's text and both hashes in the database
// from the head it locked. The text is the domain's canonical text cut around its seq
// (canonicalEntryAroundSeq), so the bytes hashed are exactly those `canonicalEntry` produces
// (access-log-append.db.test.ts proves it on both engines). The head row's lock, held to COMMIT,
// makes concurrent appends of one CPAS queue up, so the chain never forks.
//
// Why not compute the hashes here: they depend on the head, which only the database knows for
// certain. The former design remembered the last head per CPAS in the process and moved the head
// only if it still matched; under concurrency the hint was stale in 747 of 756 appends (bench/load.ts,
// PostgreSQL, 50 and 200 sessions), each then costing three statements and two lock waits. The
// uncontended case measured no faster with the hint (see docs/scaling.md, findings), so it is gone.
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

export async function appendAccessLog(tx: Tx, draft: AccessLogDraft, at: Date = new Date()): Promise<number> {
  const { prefix, suffix } = canonicalEntryAroundSeq(draft, at);
  // The first append of a CPAS creates its head (seq 1, chained onto GENESIS); every later one
  // moves it under the row lock, from the head as it is once the lock is granted (READ COMMITTED
  // re-reads it). The entry is inserted from the row the head statement returned, into the parent
  // table, which routes it to its month's partition by logged_at. pg_catalog.sha256: a function
  // called sha256 earlier on the search path cannot stand in for it. The text's halves travel once,
  // in `args`. A sql template, not the builder: building with Kysely's builder cost 0.2-0.35 ms per
  // append on PGlite.
  const { rows } = await sql<{ seq: number }>`WITH args AS (SELECT ${prefix}::text AS prefix, ${suffix}::text AS suffix),
     head AS (
       INSERT INTO access_log_head AS h (cpas_id, seq, chain_hash)
       SELECT ${draft.cpasId}, 1, pg_catalog.sha256(${GENESIS}::bytea || pg_catalog.sha256('\\x00'::bytea || convert_to(prefix || '1' || suffix, 'UTF8'))) FROM args
       ON CONFLICT (cpas_id) DO UPDATE SET seq = h.seq + 1, chain_hash = pg_catalog.sha256(h.chain_hash
         || (SELECT pg_catalog.sha256('\\x00'::bytea || convert_to(prefix || (h.seq + 1)::text || suffix, 'UTF8')) FROM args))
       RETURNING seq, chain_hash),
     entry AS (SELECT head.seq, head.chain_hash, args.prefix || head.seq::text || args.suffix AS text FROM head, args)
   INSERT INTO access_log_entry (cpas_id, seq, logged_at, user_id, person_id, action, entry_text, entry_hash, chain_hash)
   SELECT ${draft.cpasId}, seq, ${at}, ${draft.userId}, ${draft.personId}, ${draft.action}, text,
          pg_catalog.sha256('\\x00'::bytea || convert_to(text, 'UTF8')), chain_hash FROM entry
   RETURNING seq`.execute(kyselyOf(tx));
  const [inserted] = rows;
  if (rows.length !== 1 || !inserted) throw new Error('access log head not moved');
  for (const listener of appendListeners) listener(draft.action);
  return Number(inserted.seq);
}
