// Reads a CPAS's access-log chain for verification: in seq order, in batches by key range (the
// primary key index, no OFFSET), each batch in its own short transaction, the next batch fetched
// while the caller hashes the current one. Hundreds of thousands of entries stream in constant memory.
import type { StoredEntry } from '../../../domain/chain-verifier.ts';
import { sql } from 'kysely';
import type { Database, Tx } from '../database.ts';
import { kyselyOf } from '../kysely.ts';

export const CHAIN_BATCH = 10_000;

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

type PackedRow = [number, string, string | null, string | null, string, string, string, string];

/** logged_at as the same ISO 8601 UTC text the entry holds, so the two are compared as strings. */
const LOGGED_AT_ISO = sql<string>`to_char(logged_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

const range = (tx: Tx, cpasId: string, afterSeq: number, upToSeq: number, limit: number) =>
  kyselyOf(tx)
    .selectFrom('access_log_entry')
    .where('cpas_id', '=', cpasId)
    .where('seq', '>', afterSeq)
    .where('seq', '<=', upToSeq)
    .orderBy('seq')
    .limit(limit);

/**
 * PostgreSQL: plain rows, which node-postgres decodes quickly. PGlite decodes every field of every
 * row in JavaScript, which made reading several times slower than the hashing it feeds; there the
 * server packs the batch into ONE json value that the client parses with one native JSON.parse
 * (about twice as fast; JSON escaping keeps any stored text exact, even a tampered one).
 */
async function readBatch(db: Database, cpasId: string, afterSeq: number, upToSeq: number, limit: number): Promise<StoredEntry[]> {
  if (db.engine !== 'pglite') {
    return db.transaction((tx) =>
      range(tx, cpasId, afterSeq, upToSeq, limit)
        .select([
          'seq', LOGGED_AT_ISO.as('loggedAt'), 'user_id as userId', 'person_id as personId', 'action', 'entry_text as text',
          'entry_hash as entryHash', 'chain_hash as chainHash',
        ])
        .execute(),
    );
  }
  const row = await db.transaction((tx) =>
    kyselyOf(tx)
      .selectFrom(range(tx, cpasId, afterSeq, upToSeq, limit).selectAll().as('e'))
      .select(
        sql<string | null>`json_agg(json_build_array(seq, ${LOGGED_AT_ISO}, user_id, person_id, action, entry_text,
                                    encode(entry_hash, 'hex'), encode(chain_hash, 'hex')) ORDER BY seq)::text`.as('batch'),
      )
      .executeTakeFirst(),
  );
  if (!row?.batch) return [];
  return (JSON.parse(row.batch) as PackedRow[]).map(([seq, loggedAt, userId, personId, action, text, entry, chain]) => ({
    seq, loggedAt, userId, personId, action, text, entryHash: Buffer.from(entry, 'hex'), chainHash: Buffer.from(chain, 'hex'),
  }));
}

/** Yields the entries with afterSeq < seq <= upToSeq, in seq order, batch by batch. */
export async function* readChain(
  db: Database,
  cpasId: string,
  range: { afterSeq: number; upToSeq?: number; batchSize?: number },
): AsyncGenerator<readonly StoredEntry[]> {
  const upTo = range.upToSeq ?? Number.MAX_SAFE_INTEGER;
  const size = range.batchSize ?? CHAIN_BATCH;
  let next = readBatch(db, cpasId, range.afterSeq, upTo, size);
  for (;;) {
    const batch = await next;
    if (batch.length === 0) return;
    const last = batch[batch.length - 1]!.seq;
    // Prefetch: on PostgreSQL the next rows travel while this batch is hashed.
    next = batch.length < size ? Promise.resolve([]) : readBatch(db, cpasId, last, upTo, size);
    yield batch;
  }
}
