// Appends to the CPAS's access-log chain inside the caller's transaction; if the append fails,
// the caller's transaction fails with it and nothing that was read leaves.
//
// One round trip in the common case: the process remembers the last head it wrote for each CPAS
// (a hint, never trusted), computes the next entry and moves the head only if it is still the
// remembered one, inserting the entry in the same statement. The UPDATE locks the head row, so
// concurrent appends of one CPAS queue up and the chain never forks. A stale hint (another process
// appended, or a transaction rolled back) moves nothing: the head is then read under lock and the
// append tried again.
import { type AccessLogDraft, GENESIS, canonicalEntry, chainHash, entryHash } from '../../domain/access-log-entry.ts';
import { sql } from 'kysely';
import type { Tx } from './database.ts';
import { kyselyOf } from './kysely.ts';

interface Head {
  seq: number;
  chain: Buffer;
}

const headHints = new Map<string, Head>();

/** Told of each entry appended by this process (its action only), for the metrics. */
type AppendListener = (action: string) => void;
const appendListeners = new Set<AppendListener>();

/** Calls `listener` after each append of this process; returns the function that stops it. */
export function watchAccessLogAppends(listener: AppendListener): () => void {
  appendListeners.add(listener);
  return () => void appendListeners.delete(listener);
}

async function readHeadForUpdate(tx: Tx, cpasId: string): Promise<Head> {
  const db = kyselyOf(tx);
  const select = () =>
    db.selectFrom('access_log_head').select(['seq', 'chain_hash']).where('cpas_id', '=', cpasId).forUpdate().executeTakeFirst();
  let row = await select();
  if (!row) {
    await db
      .insertInto('access_log_head')
      .values({ cpas_id: cpasId, seq: 0, chain_hash: GENESIS })
      .onConflict((oc) => oc.column('cpas_id').doNothing())
      .execute();
    row = await select();
  }
  if (!row) throw new Error('access log head missing');
  return { seq: row.seq, chain: row.chain_hash };
}

export async function appendAccessLog(tx: Tx, draft: AccessLogDraft, at: Date = new Date()): Promise<number> {
  const db = kyselyOf(tx);
  let head = headHints.get(draft.cpasId);
  for (let attempt = 0; attempt < 2; attempt++) {
    head ??= await readHeadForUpdate(tx, draft.cpasId);
    const seq = head.seq + 1;
    const text = canonicalEntry(draft, seq, at);
    const hash = entryHash(text);
    const chain = chainHash(head.chain, hash);
    // One statement: the head moves only if it is still the expected one, and the entry is inserted
    // only from the row the move returned (none when the hint was stale). A sql template, not the
    // builder: building this statement with Kysely's builder cost 0.2-0.35 ms per append on PGlite
    // (median 0.72-1.0 ms against 0.51-0.65 ms), the template costs nothing measurable.
    const { rows: inserted } = await sql<{ seq: number }>`WITH moved AS (
         UPDATE access_log_head SET seq = ${seq}, chain_hash = ${chain}
         WHERE cpas_id = ${draft.cpasId} AND seq = ${head.seq} AND chain_hash = ${head.chain} RETURNING cpas_id)
       INSERT INTO access_log_entry (cpas_id, seq, logged_at, user_id, person_id, action, entry_text, entry_hash, chain_hash)
       SELECT ${draft.cpasId}, ${seq}, ${at}, ${draft.userId}, ${draft.personId}, ${draft.action}, ${text}, ${hash}, ${chain} FROM moved
       RETURNING seq`.execute(db);
    if (inserted.length === 1) {
      headHints.set(draft.cpasId, { seq, chain });
      for (const listener of appendListeners) listener(draft.action);
      return seq;
    }
    head = undefined;
  }
  throw new Error('access log head moved while it was locked');
}
