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
import type { Tx } from './database.ts';

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
  const select = () =>
    tx.query<{ seq: number; chain_hash: Buffer }>('SELECT seq, chain_hash FROM access_log_head WHERE cpas_id = $1 FOR UPDATE', [cpasId]);
  let [row] = await select();
  if (!row) {
    await tx.query('INSERT INTO access_log_head (cpas_id, seq, chain_hash) VALUES ($1, 0, $2) ON CONFLICT (cpas_id) DO NOTHING', [cpasId, GENESIS]);
    [row] = await select();
  }
  if (!row) throw new Error('access log head missing');
  return { seq: row.seq, chain: row.chain_hash };
}

export async function appendAccessLog(tx: Tx, draft: AccessLogDraft, at: Date = new Date()): Promise<number> {
  let head = headHints.get(draft.cpasId);
  for (let attempt = 0; attempt < 2; attempt++) {
    head ??= await readHeadForUpdate(tx, draft.cpasId);
    const seq = head.seq + 1;
    const text = canonicalEntry(draft, seq, at);
    const hash = entryHash(text);
    const chain = chainHash(head.chain, hash);
    const inserted = await tx.query(
      `WITH moved AS (
         UPDATE access_log_head SET seq = $2, chain_hash = $9 WHERE cpas_id = $1 AND seq = $10 AND chain_hash = $11 RETURNING cpas_id)
       INSERT INTO access_log_entry (cpas_id, seq, logged_at, user_id, person_id, action, entry_text, entry_hash, chain_hash)
       SELECT $1, $2, $3, $4, $5, $6, $7, $8, $9 FROM moved RETURNING seq`,
      [draft.cpasId, seq, at, draft.userId, draft.personId, draft.action, text, hash, chain, head.seq, head.chain],
    );
    if (inserted.length === 1) {
      headHints.set(draft.cpasId, { seq, chain });
      for (const listener of appendListeners) listener(draft.action);
      return seq;
    }
    head = undefined;
  }
  throw new Error('access log head moved while it was locked');
}
