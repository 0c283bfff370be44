// Signed checkpoints of the access log (append-only: the app role may only insert and select).
import type { Tx } from '../database.ts';
import { kyselyOf } from '../kysely.ts';

export interface StoredCheckpoint {
  treeSize: number;
  rootHash: Buffer;
  noteText: string;
  keyName: string;
}

const selectCheckpoints = (tx: Tx, cpasId: string) =>
  kyselyOf(tx)
    .selectFrom('access_log_checkpoint')
    .select(['tree_size as treeSize', 'root_hash as rootHash', 'note_text as noteText', 'key_name as keyName'])
    .where('cpas_id', '=', cpasId);

export async function listCheckpoints(tx: Tx, cpasId: string): Promise<StoredCheckpoint[]> {
  return selectCheckpoints(tx, cpasId).orderBy('tree_size').execute();
}

export async function latestCheckpoint(tx: Tx, cpasId: string): Promise<StoredCheckpoint | null> {
  return (await selectCheckpoints(tx, cpasId).orderBy('tree_size', 'desc').limit(1).executeTakeFirst()) ?? null;
}

/** Inserts a checkpoint; false when one of that size exists already (another signer was first). */
export async function insertCheckpoint(tx: Tx, cpasId: string, checkpoint: StoredCheckpoint, at: Date): Promise<boolean> {
  const inserted = await kyselyOf(tx)
    .insertInto('access_log_checkpoint')
    .values({
      cpas_id: cpasId, tree_size: checkpoint.treeSize, root_hash: checkpoint.rootHash, note_text: checkpoint.noteText,
      key_name: checkpoint.keyName, created_at: at,
    })
    .onConflict((oc) => oc.doNothing())
    .returning('tree_size')
    .executeTakeFirst();
  return inserted !== undefined;
}
