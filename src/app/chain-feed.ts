// Feeds a CPAS's chain to a ChainVerifier, in one of two ways:
// - 'checked' (the default on PostgreSQL, see defaultMode): the database recomputes each entry hash from the stored text, checks
//   the indexed columns against it and each link to the previous entry, and sends only
//   (seq, flags, entry hash, chain hash). Texts travel only for the entries it found wrong, which
//   then take the same path as in 'independent'. It trusts the database server's SHA-256.
// - 'independent': every text is read out and every hash recomputed here, trusting nothing the
//   database computed. Slower (every text crosses the wire), kept for a second opinion and for a
//   dump restored on an untrusted server.
import type { Database } from '../adapters/db/database.ts';
import { readChain, readCheckedDigests, readEntries } from '../adapters/db/stores/access-log-chain-store.ts';
import type { ChainVerifier } from '../domain/chain-verifier.ts';

export type VerifyMode = 'checked' | 'independent';

/**
 * 'checked' on PostgreSQL, whose server usually runs on its own machine: the hashing is done there
 * and 73 bytes per entry cross the network instead of the text. 'independent' on PGlite, which
 * runs inside this process, where SHA-256 and string work in WebAssembly cost more than in Node
 * (bench/access-log.ts measured the checked path at half the speed there).
 */
export const defaultMode = (db: Database): VerifyMode => (db.engine === 'pglite' ? 'independent' : 'checked');

export async function feedChain(
  db: Database,
  verifier: ChainVerifier,
  cpasId: string,
  range: { afterSeq: number; upToSeq?: number | undefined; batchSize?: number | undefined },
  mode: VerifyMode = defaultMode(db),
): Promise<void> {
  const bounds = { afterSeq: range.afterSeq, ...(range.upToSeq === undefined ? {} : { upToSeq: range.upToSeq }), ...(range.batchSize ? { batchSize: range.batchSize } : {}) };
  if (mode === 'independent') {
    for await (const batch of readChain(db, cpasId, bounds)) for (const row of batch) verifier.push(row);
    return;
  }
  for await (const batch of readCheckedDigests(db, cpasId, bounds)) {
    const wrong = batch.filter((d) => !d.textOk).map((d) => d.seq);
    const full = new Map((await readEntries(db, cpasId, wrong)).map((row) => [row.seq, row]));
    for (const digest of batch) {
      if (digest.textOk) verifier.pushChecked(digest);
      else {
        // Gone between the two reads (never in a quiet database): the gap is then reported.
        const row = full.get(digest.seq);
        if (row) verifier.push(row);
      }
    }
  }
}
