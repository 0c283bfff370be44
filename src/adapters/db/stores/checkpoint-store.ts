// Signed checkpoints of the access log (append-only: the app role may only insert and select).
import type { Tx } from '../database.ts';

export interface StoredCheckpoint {
  treeSize: number;
  rootHash: Buffer;
  noteText: string;
  keyName: string;
}

const SELECT = 'SELECT tree_size AS "treeSize", root_hash AS "rootHash", note_text AS "noteText", key_name AS "keyName" FROM access_log_checkpoint';

export async function listCheckpoints(tx: Tx, cpasId: string): Promise<StoredCheckpoint[]> {
  return tx.query<StoredCheckpoint & Record<string, unknown>>(`${SELECT} WHERE cpas_id = $1 ORDER BY tree_size`, [cpasId]);
}

export async function latestCheckpoint(tx: Tx, cpasId: string): Promise<StoredCheckpoint | null> {
  const [row] = await tx.query<StoredCheckpoint & Record<string, unknown>>(`${SELECT} WHERE cpas_id = $1 ORDER BY tree_size DESC LIMIT 1`, [cpasId]);
  return row ?? null;
}

/** Inserts a checkpoint; false when one of that size exists already (another signer was first). */
export async function insertCheckpoint(tx: Tx, cpasId: string, checkpoint: StoredCheckpoint, at: Date): Promise<boolean> {
  const rows = await tx.query(
    `INSERT INTO access_log_checkpoint (cpas_id, tree_size, root_hash, note_text, key_name, created_at)
     VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING RETURNING tree_size`,
    [cpasId, checkpoint.treeSize, checkpoint.rootHash, checkpoint.noteText, checkpoint.keyName, at],
  );
  return rows.length > 0;
}
