// The head of a CPAS's access-log chain, its CPAS list and the anchor of an incremental
// verification. The entries themselves are read in batches by access-log-batch-store.ts.
import type { Tx } from '../database.ts';
import { kyselyOf } from '../kysely.ts';

export interface ChainHead {
  seq: number;
  chainHash: Buffer;
}

export async function readChainHead(tx: Tx, cpasId: string): Promise<ChainHead | null> {
  const head = await kyselyOf(tx)
    .selectFrom('access_log_head')
    .select(['seq', 'chain_hash as chainHash'])
    .where('cpas_id', '=', cpasId)
    .executeTakeFirst();
  return head ?? null;
}

export async function listCpasCodes(tx: Tx): Promise<{ cpasId: string; code: string }[]> {
  return kyselyOf(tx).selectFrom('cpas').select(['cpas_id as cpasId', 'code']).orderBy('code').execute();
}

/** The stored chain hash of one entry (the anchor of an incremental verification); null when the entry is missing. */
export async function storedChainHashAt(tx: Tx, cpasId: string, seq: number): Promise<Buffer | null> {
  const row = await kyselyOf(tx).selectFrom('access_log_entry').select('chain_hash').where('cpas_id', '=', cpasId).where('seq', '=', seq).executeTakeFirst();
  return row?.chain_hash ?? null;
}
