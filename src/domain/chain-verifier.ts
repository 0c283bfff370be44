// Recomputes one CPAS's access-log chain from the stored texts, entry by entry, and says where it
// breaks. Pure: the caller streams the rows in seq order and gives the head row at the end.
//
// Two chains are kept. The *strict* chain is recomputed from genesis out of the texts alone and
// never trusts a stored hash: it is what signed checkpoints are compared with. The *local* check
// compares each entry with the stored chain hash of its predecessor, so that after a break the
// following entries are still checked and every break is reported once, at its place, instead of
// "everything after 1234 is wrong".
import { GENESIS, chainHash, entryHash } from './access-log-entry.ts';

export interface StoredEntry {
  readonly seq: number;
  /** ISO 8601 in UTC with milliseconds, the form the entry text holds. */
  readonly loggedAt: string;
  readonly userId: string | null;
  readonly personId: string | null;
  readonly action: string;
  readonly text: string;
  readonly entryHash: Buffer;
  readonly chainHash: Buffer;
  /** The database recomputed SHA-256(0x00 || text) and found it equal to entryHash (the 'checked' way): not hashed again here. */
  readonly hashChecked?: boolean;
}

export type FindingKind =
  | 'gap'
  | 'edited-text'
  | 'invalid-text'
  | 'moved'
  | 'foreign'
  | 'columns'
  | 'chain'
  | 'truncated'
  | 'beyond-head'
  | 'head'
  | 'checkpoint';

export interface Finding {
  readonly kind: FindingKind;
  /** The first and last entry concerned (equal for one entry). */
  readonly from: number;
  readonly to: number;
  /** What distinguishes findings of a kind that may be merged into one range (columns named, shift). */
  readonly detail: string;
  readonly message: string;
}

const range = (from: number, to: number) => (from === to ? `entry ${from}` : `entries ${from}..${to}`);

function describe(kind: FindingKind, from: number, to: number, detail: string): string {
  const one = from === to;
  switch (kind) {
    case 'gap':
      return `${range(from, to)}: sequence gap (deleted ${one ? 'entry' : 'entries'})`;
    case 'edited-text':
      return `${range(from, to)}: stored text does not match its hash (edited ${one ? 'entry' : 'entries'})`;
    case 'invalid-text':
      return `${range(from, to)}: stored text is not a valid entry, yet its hashes were recomputed (forged ${one ? 'entry' : 'entries'})`;
    case 'moved': {
      const shift = Number(detail);
      if (one) return `entry ${from}: holds the text of entry ${from + shift} (entries reordered, inserted or deleted here)`;
      return shift < 0
        ? `${range(from, to)}: renumbered up by ${-shift}: ${range(from + shift, from - 1)} inserted (forged)`
        : `${range(from, to)}: renumbered down by ${shift}: ${shift === 1 ? 'an entry' : `${shift} entries`} deleted before ${from} and the gap closed`;
    }
    case 'foreign':
      return `${range(from, to)}: holds an entry of another CPAS's chain (copied entry)`;
    case 'columns': {
      const several = detail.includes(',');
      return `${range(from, to)}: indexed column${several ? 's' : ''} ${detail} ${several ? 'do' : 'does'} not match the stored text (edited index column)`;
    }
    case 'chain':
      return `${range(from, to)}: chain hash mismatch (inserted, rewritten or reordered entry at or just before this one)`;
    case 'truncated':
      return `${range(from, to)}: missing at the end of the chain, the head row records ${to} (truncated log)`;
    case 'beyond-head':
      return `${range(from, to)}: beyond the head row at ${detail} (head row rolled back, or entries appended outside the application)`;
    case 'head':
      return `head row: ${detail}`;
    case 'checkpoint':
      return detail;
  }
}

/** How many entries back a moved entry's predecessor is looked for. */
export const RING = 256;

/** The position after `expected` when the text holds it at `at`; -1 otherwise (and stays -1). */
function piece(text: string, at: number, expected: string): number {
  return at >= 0 && text.startsWith(expected, at) ? at + expected.length : -1;
}

export class ChainVerifier {
  readonly findings: Finding[] = [];
  /** Entries seen. */
  count: number;
  /** The last stored seq seen. */
  lastSeq: number;
  private strict: Buffer;
  private strictMatchesStored = true;
  private prevStored: Buffer;
  private prevTextSeq: number;
  private readonly ringSeq = new Array<number>(RING).fill(-1);
  private readonly ringChain = new Array<Buffer>(RING);
  private readonly watched: ReadonlySet<number>;
  private readonly strictAt = new Map<number, Buffer>();
  /** How every entry text of this CPAS begins: `{"v":1,"cpas":"<id>","seq":`. */
  readonly textStart: string;
  /** The same in UTF-8, for the check on bytes (entry-bytes.ts). */
  readonly textStartBytes: Buffer;

  /**
   * @param cpasId  whose chain this is (every text names it)
   * @param watch   tree sizes at which to remember the strict chain (checkpoint sizes)
   * @param start   resume after a trusted point (a verified checkpoint) instead of genesis
   */
  constructor(
    private readonly cpasId: string,
    watch: Iterable<number> = [],
    start: { seq: number; chain: Buffer } = { seq: 0, chain: GENESIS },
  ) {
    this.watched = new Set(watch);
    this.textStart = `{"v":1,"cpas":${JSON.stringify(cpasId)},"seq":`;
    this.textStartBytes = Buffer.from(this.textStart, 'utf8');
    this.count = start.seq;
    this.lastSeq = start.seq;
    this.strict = start.chain;
    this.prevStored = start.chain;
    this.prevTextSeq = start.seq;
  }

  /** The chain recomputed from the texts alone after `size` entries, if the chain reached it and it was watched. */
  chainAt(size: number): Buffer | undefined {
    return this.strictAt.get(size);
  }

  report(kind: FindingKind, from: number, to: number, detail = ''): void {
    const last = this.findings.at(-1);
    if (last && last.kind === kind && last.detail === detail && last.to + 1 === from && kind !== 'checkpoint' && kind !== 'head') {
      this.findings[this.findings.length - 1] = { ...last, to, message: describe(kind, last.from, to, detail) };
      return;
    }
    this.findings.push({ kind, from, to, detail, message: describe(kind, from, to, detail) });
  }

  push(row: StoredEntry): void {
    if (row.seq > this.lastSeq + 1) this.report('gap', this.lastSeq + 1, row.seq - 1);
    this.lastSeq = row.seq;
    const eh = row.hashChecked ? row.entryHash : entryHash(row.text);
    let textSeq = row.seq;
    let explained = false;
    if (!eh.equals(row.entryHash)) {
      this.report('edited-text', row.seq, row.seq);
      explained = true;
    } else if (!this.columnsMatchText(row)) {
      const parsed = this.checkColumns(row);
      if (parsed === null) explained = true;
      else if (parsed.seq !== row.seq) {
        textSeq = parsed.seq;
        explained = true;
      }
    }
    this.advance(textSeq, eh, row.chainHash, explained);
  }

  /**
   * An entry whose text was found, without decoding it, to hash to `entryHash` and to hold the
   * columns (entry-bytes.ts): what push() does for such an entry, minus the text checks.
   */
  pushIntact(seq: number, entryHash: Buffer, storedChain: Buffer): void {
    if (seq > this.lastSeq + 1) this.report('gap', this.lastSeq + 1, seq - 1);
    this.lastSeq = seq;
    this.advance(seq, entryHash, storedChain, false);
  }

  /** The stored chain hash the next entry should follow: the last entry's, or the start's. */
  storedChainHead(): Buffer {
    return this.prevStored;
  }

  /** Whether the strict chain is remembered at this tree size (a checkpoint's). */
  watches(size: number): boolean {
    return this.watched.has(size);
  }

  /**
   * A run of entries afterSeq + 1 .. lastSeq found intact before the walk (chain-feed.ts): each
   * entry hashes to its entry hash, follows its predecessor's chain hash and number, and holds
   * its columns. It joins the chain as it is only right after an intact chain (the strict
   * chain equal to the stored one, every entry at its number, no gap), where the run's stored
   * chain hashes are then the strict chain's too; after a break, entries are judged one by one
   * again, so that every later break is located. The link from the chain before the run to its
   * first entry is checked here against the verifier's own state, not the reader's. False, and
   * nothing changed, when the run cannot join. `marks`: the stored chain hashes of the run's last
   * RING entries and of the entries at watched sizes, in seq order.
   */
  pushCheckedRun(run: {
    afterSeq: number;
    lastSeq: number;
    first: { entryHash: Buffer; chainHash: Buffer };
    marks: readonly { seq: number; chainHash: Buffer }[];
  }): boolean {
    const pristine = this.strictMatchesStored && run.afterSeq === this.lastSeq && this.prevTextSeq === this.lastSeq && this.count === this.lastSeq;
    const last = run.marks.at(-1);
    if (!pristine || !last || last.seq !== run.lastSeq || !chainHash(this.prevStored, run.first.entryHash).equals(run.first.chainHash)) return false;
    for (const mark of run.marks) {
      // Where record() would have put the entry: its slot is its count before it, seq - 1 here.
      const slot = (mark.seq - 1) % RING;
      this.ringSeq[slot] = mark.seq;
      this.ringChain[slot] = mark.chainHash;
      if (this.watched.has(mark.seq)) this.strictAt.set(mark.seq, mark.chainHash);
    }
    this.strict = this.prevStored = last.chainHash;
    this.count = this.lastSeq = this.prevTextSeq = run.lastSeq;
    return true;
  }

  /** The chain checks of one entry whose text says it is entry `textSeq` and hashes to `eh`. */
  private advance(textSeq: number, eh: Buffer, storedChain: Buffer, explained: boolean): void {
    // The local check: does this entry follow from the stored hash of the entry its text says precedes it?
    const fast = textSeq - 1 === this.prevTextSeq;
    const predecessor = textSeq === 1 ? GENESIS : fast ? this.prevStored : this.storedChainOf(textSeq - 1);
    let local: Buffer | null = null;
    let localMatches = false;
    if (predecessor) {
      local = chainHash(predecessor, eh);
      localMatches = local.equals(storedChain);
      if (!explained && !localMatches) this.report('chain', this.lastSeq, this.lastSeq);
    }
    // The strict chain, from the texts alone. While it agrees with the stored chain, the local
    // hash just computed is the same value: one hash per entry in the intact case.
    if (fast && this.strictMatchesStored && local) {
      this.strict = local;
      this.strictMatchesStored = localMatches;
    } else {
      this.strict = chainHash(this.strict, eh);
      this.strictMatchesStored = this.strict.equals(storedChain);
    }
    this.record(textSeq, storedChain);
  }

  private record(textSeq: number, storedChain: Buffer): void {
    const slot = this.count % RING;
    this.ringSeq[slot] = textSeq;
    this.ringChain[slot] = storedChain;
    this.prevStored = storedChain;
    this.prevTextSeq = textSeq;
    this.count += 1;
    if (this.watched.has(this.count)) this.strictAt.set(this.count, this.strict);
  }

  /** After the last entry: the head row must name the last entry and its chain hash. */
  finish(head: { seq: number; chainHash: Buffer } | null): void {
    if (!head) {
      if (this.lastSeq > 0) this.report('head', 0, 0, 'missing (deleted head row)');
      return;
    }
    if (head.seq > this.lastSeq) {
      this.report('truncated', this.lastSeq + 1, head.seq);
    } else if (head.seq < this.lastSeq) {
      this.report('beyond-head', head.seq + 1, this.lastSeq, String(head.seq));
    } else if (!head.chainHash.equals(this.prevStored)) {
      this.report('head', head.seq, head.seq, `chain hash does not match entry ${head.seq} (edited head row)`);
    }
  }

  private storedChainOf(textSeq: number): Buffer | null {
    for (let i = 0; i < RING; i++) if (this.ringSeq[i] === textSeq) return this.ringChain[i] ?? null;
    return null;
  }

  /**
   * The text is canonical JSON with a fixed key order, so the columns can be checked piece by piece
   * at known positions, without parsing it or building strings (this runs once per entry).
   */
  columnsMatchText(row: StoredEntry): boolean {
    const text = row.text;
    if (!text.startsWith(this.textStart)) return false;
    let at = piece(text, this.textStart.length, String(row.seq));
    at = piece(text, at, ',"at":"');
    at = piece(text, at, row.loggedAt);
    at = row.userId === null ? piece(text, at, '","user":null') : piece(text, piece(text, piece(text, at, '","user":"'), row.userId), '"');
    at = piece(text, at, ',"roles":[');
    if (at < 0) return false;
    // Roles and purpose are ids without quotes or commas: the first "action" key after them is the real one.
    at = text.indexOf(',"action":"', at);
    if (at < 0) return false;
    at = piece(text, at + ',"action":"'.length, row.action);
    at = row.personId === null ? piece(text, at, '","person":null') : piece(text, piece(text, piece(text, at, '","person":"'), row.personId), '"');
    return piece(text, at, ',"classes":') >= 0;
  }

  /** The slow path, only when the fast check failed: parse the text and name what differs. Null when unparsable. */
  private checkColumns(row: StoredEntry): { seq: number } | null {
    let parsed: { v?: unknown; cpas?: unknown; seq?: unknown; at?: unknown; user?: unknown; person?: unknown; action?: unknown };
    try {
      parsed = JSON.parse(row.text) as typeof parsed;
    } catch {
      parsed = {};
    }
    if (parsed.v !== 1 || typeof parsed.seq !== 'number' || typeof parsed.cpas !== 'string') {
      this.report('invalid-text', row.seq, row.seq);
      return null;
    }
    if (parsed.cpas !== this.cpasId) {
      this.report('foreign', row.seq, row.seq);
      return null;
    }
    if (parsed.seq !== row.seq) {
      this.report('moved', row.seq, row.seq, String(parsed.seq - row.seq));
      return { seq: parsed.seq };
    }
    const differing = [
      parsed.at !== row.loggedAt && 'logged_at',
      parsed.user !== row.userId && 'user_id',
      parsed.person !== row.personId && 'person_id',
      parsed.action !== row.action && 'action',
    ].filter(Boolean);
    if (differing.length > 0) this.report('columns', row.seq, row.seq, differing.join(', '));
    return { seq: parsed.seq };
  }
}
