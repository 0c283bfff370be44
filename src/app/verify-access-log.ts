// `audit verify`: recomputes every CPAS's access-log chain from the stored texts and checks it
// against the head row and against every signed checkpoint, stored or archived as a file. It says
// where the chain breaks, in lines a DPO can act on ("namur: entry 1234: stored text does not
// match its hash (edited entry)"). Without this, the hash chain would only be a promise: nobody
// would notice a superuser who disables the append-only trigger and edits history.
import type { Database, Tx } from '../adapters/db/database.ts';
import { listCpasCodes, readChainHead, storedChainHashAt } from '../adapters/db/stores/access-log-chain-store.ts';
import { listCheckpoints } from '../adapters/db/stores/checkpoint-store.ts';
import { ChainVerifier, type Finding } from '../domain/chain-verifier.ts';
import { type Checkpoint, checkpointOrigin, type VerifierKey, verifyCheckpoint } from '../domain/checkpoint.ts';
import { feedChain, type VerifyMode } from './chain-feed.ts';
import { type ChainStart, chainStart } from './log-anchor.ts';

export interface CheckpointNote {
  /** Where it came from, for the report: "stored" or a file path. */
  readonly source: string;
  readonly cpasCode: string;
  readonly note: string;
}

export interface VerifyOptions {
  /** Only this CPAS (code); all when absent. */
  readonly cpasCode?: string | undefined;
  /** The trusted checkpoint key; null when none is configured (checkpoints then cannot be verified). */
  readonly key: VerifierKey | null;
  readonly originPrefix: string;
  /** Checkpoints from the archive folder. */
  readonly files?: readonly CheckpointNote[];
  readonly batchSize?: number;
  /** How entries reach the verifier (chain-feed.ts); by default the engine's (defaultMode). */
  readonly mode?: VerifyMode;
  /**
   * Resume after the latest checkpoint whose signature verifies and whose size the stored chain
   * still has with the signed hash (what the hourly run does): only the entries after it are
   * read. When the stored entry at that size no longer has the signed hash, history before it was
   * rewritten: the whole chain is then verified, to locate the change.
   */
  readonly incremental?: boolean;
}

export interface CpasVerification {
  readonly code: string;
  readonly entries: number;
  /** The entries after this size were verified (0: all of them, from genesis). */
  readonly from: number;
  /**
   * The month ('YYYY-MM') of the dropped archive whose signed end `from` is; null when the
   * verification started at genesis or at a checkpoint.
   */
  readonly fromArchive: string | null;
  readonly checkpoints: number;
  readonly findings: readonly Finding[];
}

export async function verifyAccessLog(db: Database, options: VerifyOptions): Promise<CpasVerification[]> {
  const all = await db.transaction((tx) => listCpasCodes(tx));
  const selected = options.cpasCode ? all.filter((c) => c.code === options.cpasCode) : all;
  const results: CpasVerification[] = [];
  for (const { cpasId, code } of selected) {
    const { stored, anchor, expectedEnd, atLatest } = await db.transaction((tx) => readStart(tx, cpasId, options));
    const notes: CheckpointNote[] = [
      ...stored.map((c) => ({ source: 'stored', cpasCode: code, note: c.noteText })),
      ...(options.files ?? []).filter((f) => f.cpasCode === code),
    ];
    const signatureFindings: Finding[] = [];
    const trusted: Checkpoint[] = [];
    for (const note of notes) {
      const checked = checkNote(note, code, options);
      if ('message' in checked) signatureFindings.push(checked);
      else trusted.push(checked);
    }
    // A stored row whose columns disagree with its own signed note was edited after signing.
    for (const row of stored) {
      const checked = options.key ? verifyCheckpoint(row.noteText, options.key) : null;
      if (checked?.ok && (checked.checkpoint.treeSize !== row.treeSize || !checked.checkpoint.rootHash.equals(row.rootHash))) {
        const size = checked.checkpoint.treeSize;
        signatureFindings.push(checkpointFinding(size, size, `checkpoint at size ${size} (stored): its tree_size or root_hash column does not match its signed note (edited checkpoint row)`));
      }
    }

    // After dropped months, the chain in the database starts at the latest dropped archive's end.
    signatureFindings.push(...anchor.findings);
    const start = options.incremental ? await resumePoint(db, cpasId, trusted, anchor, atLatest) : anchor;
    const verifier = new ChainVerifier(cpasId, trusted.map((c) => c.treeSize), start);
    const range = { batchSize: options.batchSize };
    await feedChain(db, verifier, cpasId, { ...range, afterSeq: start.seq, expectedEnd }, options.mode);
    // The head is read after the entries: entries appended meanwhile are read up to it, so a
    // running server does not make an intact log look truncated.
    const head = await db.transaction((tx) => readChainHead(tx, cpasId));
    if (head && head.seq > verifier.lastSeq) await feedChain(db, verifier, cpasId, { ...range, afterSeq: verifier.lastSeq, upToSeq: head.seq }, options.mode);
    verifier.finish(head);

    results.push({
      code,
      entries: verifier.count,
      from: start.seq,
      fromArchive: start.archiveMonth,
      checkpoints: trusted.length,
      findings: [...verifier.findings, ...signatureFindings, ...compareCheckpoints(verifier, trusted, start.seq)],
    });
  }
  return results;
}

type Start = Pick<ChainStart, 'seq' | 'chain' | 'archiveMonth'>;

/**
 * What a verification starts from, in one transaction (each costs round trips, which is most of
 * the time of an hourly run): the stored checkpoints, where the chain starts, the head (only how
 * many entries to expect: the head that counts is read after the entries), and the stored chain
 * hash at the latest stored checkpoint, where an incremental run will most likely resume.
 */
async function readStart(tx: Tx, cpasId: string, options: VerifyOptions) {
  const stored = await listCheckpoints(tx, cpasId);
  const latest = stored.reduce((max, c) => Math.max(max, c.treeSize), 0);
  return {
    stored,
    anchor: await chainStart(tx, cpasId, options.key),
    expectedEnd: (await readChainHead(tx, cpasId))?.seq,
    atLatest: options.incremental && latest > 0 ? { seq: latest, chain: await storedChainHashAt(tx, cpasId, latest) } : null,
  };
}

/**
 * The latest trusted checkpoint that the stored chain still holds; the chain's start when none
 * does. `known`: the stored chain hash already read at one size.
 */
async function resumePoint(db: Database, cpasId: string, trusted: readonly Checkpoint[], start: Start, known: { seq: number; chain: Buffer | null } | null): Promise<Start> {
  const latest = [...trusted].sort((a, b) => b.treeSize - a.treeSize)[0];
  if (!latest || latest.treeSize <= start.seq) return start;
  const stored = known?.seq === latest.treeSize ? known.chain : await db.transaction((tx) => storedChainHashAt(tx, cpasId, latest.treeSize));
  return stored?.equals(latest.rootHash) ? { seq: latest.treeSize, chain: latest.rootHash, archiveMonth: null } : start;
}

const checkpointFinding = (from: number, to: number, message: string): Finding => ({ kind: 'checkpoint', from, to, detail: message, message });

function checkNote(note: CheckpointNote, code: string, options: VerifyOptions): Checkpoint | Finding {
  const where = note.source === 'stored' ? 'stored checkpoint' : `checkpoint file ${note.source}`;
  if (!options.key) return checkpointFinding(0, 0, `${where}: cannot be verified, no checkpoint key is configured`);
  const checked = verifyCheckpoint(note.note, options.key);
  if (!checked.ok) return checkpointFinding(0, 0, `${where}: ${checked.reason}`);
  const size = checked.checkpoint.treeSize;
  if (checked.checkpoint.origin !== checkpointOrigin(options.originPrefix, code)) {
    return checkpointFinding(size, size, `${where}: origin "${checked.checkpoint.origin}" is not this CPAS's log (checkpoint of another log)`);
  }
  return checked.checkpoint;
}

/** Each distinct signed (size, root) once, in size order, located between the nearest good checkpoint and itself. */
function compareCheckpoints(verifier: ChainVerifier, checkpoints: readonly Checkpoint[], from: number): Finding[] {
  const distinct = new Map<string, Checkpoint>();
  for (const c of checkpoints) distinct.set(`${c.treeSize}:${c.rootHash.toString('hex')}`, c);
  const findings: Finding[] = [];
  let lastGood = from;
  for (const c of [...distinct.values()].sort((a, b) => a.treeSize - b.treeSize)) {
    // Checkpoints up to the resume point are behind an incremental run: the one it resumed from vouches for them.
    if (c.treeSize <= from) continue;
    const recomputed = verifier.chainAt(c.treeSize);
    if (!recomputed) {
      findings.push(checkpointFinding(verifier.count + 1, c.treeSize,
        `checkpoint at size ${c.treeSize}: the chain has only ${verifier.count} entries (entries after ${verifier.count} deleted: history truncated)`));
    } else if (!recomputed.equals(c.rootHash)) {
      const where = lastGood === 0 ? `at or before entry ${c.treeSize}` : `between entries ${lastGood + 1} and ${c.treeSize}`;
      findings.push(checkpointFinding(lastGood + 1, c.treeSize, `checkpoint at size ${c.treeSize} does not match the chain (history rewritten ${where})`));
    } else {
      lastGood = c.treeSize;
    }
  }
  return findings;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * Where an OK line says the verification started: after dropped months, at the signed end of the
 * latest dropped archive (its signature checked), which is no checkpoint of the database's; without
 * saying so, "since the checkpoint at N" beside "0 checkpoints verified" reads as a contradiction.
 */
function startedAt(r: CpasVerification): string {
  if (r.from === 0) return '';
  const start = r.fromArchive ? `the signed end of archive ${r.fromArchive} at entry ${r.from}` : `the checkpoint at ${r.from}`;
  return ` (${r.entries - r.from} since ${start})`;
}

/** The report: one line per finding, "<cpas>: <where>: <what>", and an OK line per intact chain. */
export function verificationLines(results: readonly CpasVerification[]): string[] {
  return results.flatMap((r) =>
    r.findings.length === 0
      ? [`OK: ${r.code}: ${plural(r.entries, 'entry', 'entries')}${startedAt(r)}, ${plural(r.checkpoints, 'checkpoint', 'checkpoints')} verified`]
      : r.findings.map((f) => `${r.code}: ${f.message}`),
  );
}

export const isIntact = (results: readonly CpasVerification[]) => results.every((r) => r.findings.length === 0);
