// `audit checkpoint` (and the timer in `serve`): signs the current head of each CPAS's chain and
// stores the signed note. It first recomputes the entries since the last checkpoint: a checkpoint
// must never put a signature on a chain that was already tampered with, or it would bless the
// rewritten history instead of exposing it.
import type { CheckpointSigner } from '../adapters/crypto/checkpoint-key.ts';
import type { Database } from '../adapters/db/database.ts';
import { listCpasCodes, readChainHead } from '../adapters/db/stores/access-log-chain-store.ts';
import { insertCheckpoint, latestCheckpoint } from '../adapters/db/stores/checkpoint-store.ts';
import { ChainVerifier, type Finding } from '../domain/chain-verifier.ts';
import { checkpointOrigin, signCheckpoint, verifyCheckpoint } from '../domain/checkpoint.ts';
import { feedChain } from './chain-feed.ts';
import { chainStart } from './log-anchor.ts';

export type CheckpointOutcome =
  | { readonly code: string; readonly status: 'signed' | 'unchanged'; readonly treeSize: number; readonly note: string }
  | { readonly code: string; readonly status: 'empty' }
  | { readonly code: string; readonly status: 'refused'; readonly findings: readonly Finding[] };

export async function writeCheckpoints(
  db: Database,
  signer: CheckpointSigner,
  options: { originPrefix: string; now: () => Date; cpasCode?: string | undefined },
): Promise<CheckpointOutcome[]> {
  const all = await db.transaction((tx) => listCpasCodes(tx));
  const outcomes: CheckpointOutcome[] = [];
  for (const { cpasId, code } of all.filter((c) => !options.cpasCode || c.code === options.cpasCode)) {
    const head = await db.transaction((tx) => readChainHead(tx, cpasId));
    if (!head || head.seq === 0) {
      outcomes.push({ code, status: 'empty' });
      continue;
    }
    const latest = await db.transaction((tx) => latestCheckpoint(tx, cpasId));
    if (latest && latest.treeSize === head.seq) {
      outcomes.push({ code, status: 'unchanged', treeSize: latest.treeSize, note: latest.noteText });
      continue;
    }
    // Resume from the last checkpoint this key signed; from the chain's start (genesis, or the end
    // of the latest dropped archive) when there is none or the key changed and the old signature
    // cannot be checked here.
    const start = await db.transaction((tx) => chainStart(tx, cpasId, signer.verifierKey));
    const trusted = latest && verifyCheckpoint(latest.noteText, signer.verifierKey).ok && latest.treeSize < head.seq && latest.treeSize > start.seq
      ? { seq: latest.treeSize, chain: latest.rootHash }
      : start;
    const verifier = new ChainVerifier(cpasId, [head.seq], trusted);
    await feedChain(db, verifier, cpasId, { afterSeq: trusted.seq, upToSeq: head.seq });
    verifier.finish(head);
    verifier.findings.push(...start.findings);
    const root = head.seq === trusted.seq ? trusted.chain : verifier.chainAt(head.seq);
    if (verifier.findings.length > 0 || !root) {
      outcomes.push({ code, status: 'refused', findings: verifier.findings });
      continue;
    }
    const note = signCheckpoint({ origin: checkpointOrigin(options.originPrefix, code), treeSize: head.seq, rootHash: root }, signer);
    await db.transaction((tx) => insertCheckpoint(tx, cpasId, { treeSize: head.seq, rootHash: root, noteText: note, keyName: signer.name }, options.now()));
    outcomes.push({ code, status: 'signed', treeSize: head.seq, note });
  }
  return outcomes;
}
