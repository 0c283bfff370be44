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

/**
 * One entry as the database checked it: `textOk` when SHA-256(0x00 || text) is the stored entry
 * hash AND the indexed columns are where the canonical text puts them (the same test as
 * ChainVerifier's fast column check); `linkOk` when the previous row of the same batch is seq - 1
 * and SHA-256(its chain hash || this entry hash) is this chain hash. Only these 74 bytes travel,
 * not the text: verifying then costs little more than hashing the texts once.
 */
export interface CheckedDigest {
  seq: number;
  entryHash: Buffer;
  chainHash: Buffer;
  textOk: boolean;
  linkOk: boolean;
}

const PACKED_DIGEST = 8 + 1 + 32 + 32;

// pg_catalog is named so that a function called sha256 in another schema cannot stand in for it.
const DIGEST_BATCH = `
  WITH e AS (
    SELECT seq, entry_hash, chain_hash,
           pg_catalog.sha256('\\x00'::bytea || convert_to(entry_text, 'UTF8')) = entry_hash AS hash_ok,
           entry_text,
           '{"v":1,"cpas":"' || cpas_id::text || '","seq":' || seq::text || ',"at":"'
             || to_char(logged_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
             || '","user":' || coalesce('"' || user_id::text || '"', 'null') || ',"roles":[' AS prefix,
           ',"action":"' || action || '","person":' || coalesce('"' || person_id::text || '"', 'null') || ',"classes":' AS middle,
           lag(seq) OVER w AS prev_seq, lag(chain_hash) OVER w AS prev_chain
    FROM (SELECT * FROM access_log_entry WHERE cpas_id = $1 AND seq > $2 AND seq <= $3 ORDER BY seq LIMIT $4) page
    WINDOW w AS (ORDER BY seq))
  SELECT count(*)::int AS n, string_agg(
    int8send(seq)
    || set_byte('\\x00'::bytea, 0,
         (CASE WHEN hash_ok AND starts_with(entry_text, prefix)
                 AND starts_with(substr(entry_text, length(prefix) + strpos(substr(entry_text, length(prefix) + 1), ',"action":"')), middle)
               THEN 1 ELSE 0 END)
         + (CASE WHEN prev_seq = seq - 1 AND pg_catalog.sha256(prev_chain || entry_hash) = chain_hash THEN 2 ELSE 0 END))
    || entry_hash || chain_hash, ''::bytea ORDER BY seq) AS packed
  FROM e`;

async function readDigestBatch(db: Database, cpasId: string, afterSeq: number, upToSeq: number, limit: number): Promise<CheckedDigest[]> {
  const [row] = await db.transaction((tx) => tx.query<{ n: number; packed: Buffer | null }>(DIGEST_BATCH, [cpasId, afterSeq, upToSeq, limit]));
  const packed = row?.packed;
  if (!row || row.n === 0 || !packed) return [];
  if (packed.length !== row.n * PACKED_DIGEST) throw new Error('access-log digest batch has an unexpected length');
  const digests: CheckedDigest[] = new Array(row.n);
  for (let i = 0, at = 0; i < row.n; i++, at += PACKED_DIGEST) {
    const flags = packed[at + 8]!;
    digests[i] = {
      seq: Number(packed.readBigInt64BE(at)),
      textOk: (flags & 1) === 1,
      linkOk: (flags & 2) === 2,
      entryHash: packed.subarray(at + 9, at + 41),
      chainHash: packed.subarray(at + 41, at + 73),
    };
  }
  return digests;
}

/** Yields the checked digests of the entries with afterSeq < seq <= upToSeq, in seq order, batch by batch. */
export async function* readCheckedDigests(
  db: Database,
  cpasId: string,
  range: { afterSeq: number; upToSeq?: number; batchSize?: number },
): AsyncGenerator<readonly CheckedDigest[]> {
  const upTo = range.upToSeq ?? Number.MAX_SAFE_INTEGER;
  const size = range.batchSize ?? CHAIN_BATCH;
  let next = readDigestBatch(db, cpasId, range.afterSeq, upTo, size);
  for (;;) {
    const batch = await next;
    if (batch.length === 0) return;
    next = batch.length < size ? Promise.resolve([]) : readDigestBatch(db, cpasId, batch[batch.length - 1]!.seq, upTo, size);
    yield batch;
  }
}

/** The full rows of the given entries (those the database found inconsistent), in seq order. */
export async function readEntries(db: Database, cpasId: string, seqs: readonly number[]): Promise<StoredEntry[]> {
  if (seqs.length === 0) return [];
  return db.transaction((tx) =>
    kyselyOf(tx)
      .selectFrom('access_log_entry')
      .select([
        'seq', LOGGED_AT_ISO.as('loggedAt'), 'user_id as userId', 'person_id as personId', 'action', 'entry_text as text',
        'entry_hash as entryHash', 'chain_hash as chainHash',
      ])
      .where('cpas_id', '=', cpasId)
      .where('seq', 'in', [...seqs])
      .orderBy('seq')
      .execute(),
  );
}

/** The stored chain hash of one entry (the anchor of an incremental verification); null when the entry is missing. */
export async function storedChainHashAt(tx: Tx, cpasId: string, seq: number): Promise<Buffer | null> {
  const row = await kyselyOf(tx).selectFrom('access_log_entry').select('chain_hash').where('cpas_id', '=', cpasId).where('seq', '=', seq).executeTakeFirst();
  return row?.chain_hash ?? null;
}
