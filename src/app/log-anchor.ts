// Where a CPAS's chain starts in the database: at genesis, or, once archived months were dropped,
// after the last entry of the latest dropped archive, from the chain hash its checkpoint signed.
// The entries before it are in the archive files (`audit verify --archive`); without this start,
// every verification after a drop would report the dropped months as a truncated history.
import type { Tx } from '../adapters/db/database.ts';
import { latestDroppedArchive } from '../adapters/db/stores/log-archive-store.ts';
import { GENESIS } from '../domain/access-log-entry.ts';
import type { Finding } from '../domain/chain-verifier.ts';
import { type VerifierKey, verifyCheckpoint } from '../domain/checkpoint.ts';

export interface ChainStart {
  readonly seq: number;
  readonly chain: Buffer;
  /** The month ('YYYY-MM') of the dropped archive whose signed end this is; null at genesis. */
  readonly archiveMonth: string | null;
  /** What is wrong with the anchor (its signature); the chain is still verified from it. */
  readonly findings: readonly Finding[];
}

/** Read in the caller's transaction, beside what else it reads to begin a verification. */
export async function chainStart(tx: Tx, cpasId: string, key: VerifierKey | null): Promise<ChainStart> {
  const anchor = await latestDroppedArchive(tx, cpasId);
  if (!anchor) return { seq: 0, chain: GENESIS, archiveMonth: null, findings: [] };
  const month = anchor.month.slice(0, 7);
  const finding = (message: string): Finding => ({ kind: 'checkpoint', from: anchor.lastSeq, to: anchor.lastSeq, detail: message, message });
  // The row could be edited by whoever can edit the database; its signed note cannot.
  const checked = key ? verifyCheckpoint(anchor.noteText, key) : null;
  const findings: Finding[] = [];
  if (!checked) findings.push(finding(`archive of ${month} (the start of the remaining log): cannot be verified, no checkpoint key is configured`));
  else if (!checked.ok) findings.push(finding(`archive of ${month} (the start of the remaining log): ${checked.reason}`));
  else if (checked.checkpoint.treeSize !== anchor.lastSeq || !checked.checkpoint.rootHash.equals(anchor.lastChainHash)) {
    findings.push(finding(`archive of ${month}: its last_seq or last_chain_hash does not match its signed checkpoint (edited archive row)`));
  }
  return { seq: anchor.lastSeq, chain: anchor.lastChainHash, archiveMonth: month, findings };
}
