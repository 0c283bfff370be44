// The archive file of a closed month of the access log, and its offline check. One JSON value per
// line; for each CPAS a section:
//   {"format":"confiance-access-log-archive/1","month":"2026-10","cpas":"namur","cpasId":"…","afterSeq":N,"anchor":"<hex>","lastSeq":M}
//   {"seq":N+1,"at":"…","user":…,"person":…,"action":"…","text":"<the entry text exactly as stored>","entry":"<hex>","chain":"<hex>"}
//   … one line per entry, in seq order, up to M …
//   {"checkpoint":"<a signed note: the checkpoint of the CPAS's log at size M>"}
// The anchor is the chain hash after entry N (the previous archive's last chain hash; 32 zero
// bytes when N = 0). The signed checkpoint commits to the whole chain up to M: whoever edits an
// entry must also forge the signature, which needs the key kept outside the database. Checking
// needs no database: the same ChainVerifier as `audit verify` recomputes every hash and says which
// entry (seq) is wrong.
import { GENESIS } from './access-log-entry.ts';
import { ChainVerifier, type StoredEntry } from './chain-verifier.ts';
import { checkpointOrigin, type VerifierKey, verifyCheckpoint } from './checkpoint.ts';

export const ARCHIVE_FORMAT = 'confiance-access-log-archive/1';

export interface ArchiveHeader {
  readonly month: string;
  readonly cpasCode: string;
  readonly cpasId: string;
  readonly afterSeq: number;
  readonly anchor: Buffer;
  readonly lastSeq: number;
}

export const archiveHeaderLine = (h: ArchiveHeader): string =>
  JSON.stringify({ format: ARCHIVE_FORMAT, month: h.month, cpas: h.cpasCode, cpasId: h.cpasId, afterSeq: h.afterSeq, anchor: h.anchor.toString('hex'), lastSeq: h.lastSeq });

export const archiveEntryLine = (e: StoredEntry): string =>
  JSON.stringify({ seq: e.seq, at: e.loggedAt, user: e.userId, person: e.personId, action: e.action, text: e.text, entry: e.entryHash.toString('hex'), chain: e.chainHash.toString('hex') });

export const archiveCheckpointLine = (note: string): string => JSON.stringify({ checkpoint: note });

/** Where a checked section ends: the next month's archive must start there. */
export interface ArchiveEnd {
  readonly lastSeq: number;
  readonly lastChain: Buffer;
}

export interface SectionResult {
  readonly cpasCode: string;
  readonly month: string;
  readonly afterSeq: number;
  readonly lastSeq: number;
  readonly entries: number;
  /** Set when the section verified: its signed end. */
  readonly end: ArchiveEnd | null;
  readonly findings: readonly string[];
}

export interface ArchiveCheckOptions {
  readonly key: VerifierKey | null;
  readonly originPrefix: string;
  /** The ends of the previous month's archive, by CPAS code: each section must start where it ended. */
  readonly previous?: ReadonlyMap<string, ArchiveEnd> | undefined;
}

const HEX32 = /^[0-9a-f]{64}$/;
const isHash = (v: unknown): v is string => typeof v === 'string' && HEX32.test(v);
const isSeq = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) >= 0;
const nullableText = (v: unknown): v is string | null => v === null || typeof v === 'string';

function parseLine(text: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(text);
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

function parseHeader(v: Record<string, unknown>): ArchiveHeader | null {
  const { month, cpas, cpasId, afterSeq, anchor, lastSeq } = v;
  if (v.format !== ARCHIVE_FORMAT || typeof month !== 'string' || typeof cpas !== 'string' || typeof cpasId !== 'string') return null;
  if (!isSeq(afterSeq) || !isSeq(lastSeq) || lastSeq < afterSeq || !isHash(anchor)) return null;
  return { month, cpasCode: cpas, cpasId, afterSeq, anchor: Buffer.from(anchor, 'hex'), lastSeq };
}

function parseEntry(v: Record<string, unknown>): StoredEntry | null {
  const { seq, at, user, person, action, text, entry, chain } = v;
  if (!isSeq(seq) || typeof at !== 'string' || !nullableText(user) || !nullableText(person) || typeof action !== 'string' || typeof text !== 'string') return null;
  if (!isHash(entry) || !isHash(chain)) return null;
  return { seq, loggedAt: at, userId: user, personId: person, action, text, entryHash: Buffer.from(entry, 'hex'), chainHash: Buffer.from(chain, 'hex') };
}

/** One section being read. */
class Section {
  readonly verifier: ChainVerifier;
  readonly findings: string[] = [];
  constructor(readonly header: ArchiveHeader) {
    this.verifier = new ChainVerifier(header.cpasId, [header.lastSeq], { seq: header.afterSeq, chain: header.anchor });
  }
}

/**
 * Reads an archive line by line (files of millions of entries are streamed, never held whole) and
 * collects, per section, what is wrong and where: "namur 2026-10: entry 1234: stored text does not
 * match its hash (edited entry)".
 */
export class ArchiveChecker {
  readonly results: SectionResult[] = [];
  private section: Section | null = null;
  private readonly loose: string[] = [];

  constructor(private readonly options: ArchiveCheckOptions) {}

  line(text: string, lineNo: number): void {
    if (text === '') return;
    const value = parseLine(text);
    const header = value && 'format' in value ? parseHeader(value) : null;
    if (header) {
      this.closeSection(null, lineNo);
      this.section = new Section(header);
      this.checkAnchor(this.section);
      return;
    }
    const section = this.section;
    if (!section) {
      this.loose.push(`line ${lineNo}: ${value && 'format' in value ? 'not a valid section header' : 'no section header before it (not an archive of the access log)'}`);
      return;
    }
    if (value && typeof value.checkpoint === 'string') {
      this.closeSection(value.checkpoint, lineNo);
      return;
    }
    const entry = value ? parseEntry(value) : null;
    // An unreadable line is reported where it is; its entry is then missing, which the chain reports too.
    if (!entry) section.findings.push(`line ${lineNo}: not a valid entry line (damaged file)`);
    else section.verifier.push(entry);
  }

  /** After the last line: every finding, with the section it is in. Empty when the archive is intact. */
  finish(lineNo: number): string[] {
    this.closeSection(null, lineNo);
    if (this.results.length === 0 && this.loose.length === 0) this.loose.push('no section: the file holds no archive');
    return [...this.loose, ...this.results.flatMap((r) => r.findings.map((f) => `${r.cpasCode} ${r.month}: ${f}`))];
  }

  private checkAnchor(section: Section): void {
    const h = section.header;
    if (h.afterSeq === 0 && !h.anchor.equals(GENESIS)) section.findings.push('starts at the beginning of the log but its anchor is not the genesis hash');
    const previous = this.options.previous;
    if (!previous) return;
    const end = previous.get(h.cpasCode);
    if (!end) {
      if (h.afterSeq > 0) section.findings.push(`the previous archive has no verified section for ${h.cpasCode}`);
    }
    else if (end.lastSeq !== h.afterSeq || !end.lastChain.equals(h.anchor)) {
      section.findings.push(`does not anchor to the previous archive (it ends at entry ${end.lastSeq}, this one starts after entry ${h.afterSeq} or from another chain hash)`);
    }
  }

  private closeSection(note: string | null, lineNo: number): void {
    const section = this.section;
    if (!section) return;
    this.section = null;
    const { header: h, verifier, findings } = section;
    if (note === null) findings.push(`line ${lineNo}: section ends without its signed checkpoint (truncated file)`);
    if (verifier.lastSeq < h.lastSeq) verifier.report('truncated', verifier.lastSeq + 1, h.lastSeq);
    else if (verifier.lastSeq > h.lastSeq) verifier.report('beyond-head', h.lastSeq + 1, verifier.lastSeq, String(h.lastSeq));
    findings.unshift(...verifier.findings.map((f) => f.message));
    const root = h.lastSeq === h.afterSeq ? h.anchor : verifier.chainAt(h.lastSeq);
    if (note !== null) findings.push(...this.checkNote(note, h, root));
    this.results.push({
      cpasCode: h.cpasCode, month: h.month, afterSeq: h.afterSeq, lastSeq: h.lastSeq, entries: verifier.count - h.afterSeq,
      end: findings.length === 0 && root ? { lastSeq: h.lastSeq, lastChain: root } : null, findings,
    });
  }

  private checkNote(note: string, h: ArchiveHeader, root: Buffer | undefined): string[] {
    if (!this.options.key) return ['the checkpoint cannot be verified: no checkpoint key is configured (--vkey)'];
    const checked = verifyCheckpoint(note, this.options.key);
    if (!checked.ok) return [`checkpoint: ${checked.reason}`];
    const c = checked.checkpoint;
    if (c.origin !== checkpointOrigin(this.options.originPrefix, h.cpasCode)) return [`checkpoint: origin "${c.origin}" is not this CPAS's log`];
    if (c.treeSize !== h.lastSeq) return [`checkpoint: signed at size ${c.treeSize}, the section ends at entry ${h.lastSeq}`];
    if (!root || !root.equals(c.rootHash)) return [`checkpoint at size ${c.treeSize} does not match the entries (history rewritten between entries ${h.afterSeq + 1} and ${h.lastSeq})`];
    return [];
  }
}
