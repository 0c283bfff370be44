// Appends to the CPAS's access-log chain inside the caller's transaction. The head row is locked
// (FOR UPDATE), so concurrent appends of one CPAS queue up and the chain never forks; if this
// insert fails, the caller's transaction fails with it and nothing that was read leaves.
import { type AccessLogDraft, GENESIS, canonicalEntry, chainHash, entryHash } from '../../domain/access-log-entry.ts';
import type { Tx } from './database.ts';

export async function appendAccessLog(tx: Tx, draft: AccessLogDraft, at: Date = new Date()): Promise<number> {
  let [head] = await tx.query<{ seq: number; chain_hash: Buffer }>(
    'SELECT seq, chain_hash FROM access_log_head WHERE cpas_id = $1 FOR UPDATE',
    [draft.cpasId],
  );
  if (!head) {
    await tx.query(
      'INSERT INTO access_log_head (cpas_id, seq, chain_hash) VALUES ($1, 0, $2) ON CONFLICT (cpas_id) DO NOTHING',
      [draft.cpasId, GENESIS],
    );
    [head] = await tx.query<{ seq: number; chain_hash: Buffer }>(
      'SELECT seq, chain_hash FROM access_log_head WHERE cpas_id = $1 FOR UPDATE',
      [draft.cpasId],
    );
  }
  if (!head) throw new Error('access log head missing');
  const seq = head.seq + 1;
  const text = canonicalEntry(draft, seq, at);
  const hash = entryHash(text);
  const chain = chainHash(head.chain_hash, hash);
  await tx.query(
    `INSERT INTO access_log_entry (cpas_id, seq, logged_at, user_id, person_id, action, entry_text, entry_hash, chain_hash)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [draft.cpasId, seq, at, draft.userId, draft.personId, draft.action, text, hash, chain],
  );
  await tx.query('UPDATE access_log_head SET seq = $2, chain_hash = $3 WHERE cpas_id = $1', [draft.cpasId, seq, chain]);
  return seq;
}
