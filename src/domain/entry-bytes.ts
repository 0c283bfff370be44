// The column check of `audit verify` (ChainVerifier.columnsMatchText) done on the UTF-8 bytes of
// an entry as the database sent them, next to its columns in binary, without building a string
// per entry: the verification's time went into decoding texts, uuids and times that an intact
// entry never needs. It accepts exactly what columnsMatchText accepts, or less (anything it does
// not accept goes the string way, which then decides and names what differs): UTF-8 is
// self-synchronising, so an ASCII piece found at a byte offset is the piece found at the
// corresponding character offset of the decoded text.
// Pure: no I/O.

/** Where one entry lies in a batch: its text's UTF-8 bytes in `text`, its columns in `columns`. */
export interface EntryBytes {
  readonly seq: number;
  /** logged_at in milliseconds since 1970 (already truncated to the millisecond, as the text holds it). */
  readonly loggedAtMs: number;
  readonly columns: Buffer;
  /** Offset in `columns` of the 16 binary bytes of the uuid; -1 when the column is null. */
  readonly userAt: number;
  readonly personAt: number;
  /** The action's UTF-8 bytes in `columns`. */
  readonly actionStart: number;
  readonly actionEnd: number;
  readonly text: Buffer;
  readonly textStart: number;
  readonly textEnd: number;
}

const ascii = (s: string) => Buffer.from(s, 'latin1');
const AT = ascii(',"at":"');
const USER_NULL = ascii('","user":null');
const USER = ascii('","user":"');
const QUOTE = ascii('"');
const ROLES = ascii(',"roles":[');
const ACTION = ascii(',"action":"');
const PERSON_NULL = ascii('","person":null');
const PERSON = ascii('","person":"');
const CLASSES = ascii(',"classes":');
const HEX = ascii('0123456789abcdef');
/**
 * 1970 to 9999: where toISOString and the database's to_char write the same 24 characters. No
 * entry was written outside; a logged_at moved there takes the string way.
 */
const FOUR_DIGIT_YEARS = [0, Date.parse('9999-12-31T23:59:59.999Z')] as const;

/** bytes[at..] equals source[from..to]. A loop: for pieces this short, Buffer.compare's call costs more than the comparison. */
function same(bytes: Buffer, at: number, source: Uint8Array, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (bytes[at++] !== source[i]) return false;
  return true;
}

/** The text's bytes at `at` are `piece`: the offset after it, or -1 (and -1 stays -1). */
function lit(e: EntryBytes, at: number, piece: Buffer): number {
  const end = at + piece.length;
  return at >= 0 && end <= e.textEnd && same(e.text, at, piece, 0, piece.length) ? end : -1;
}

/** The decimal digits of seq (>= 1, no leading zero) at `at`. Arithmetic, not String(seq): this runs once per entry. */
function digits(e: EntryBytes, at: number): number {
  const seq = e.seq;
  if (at < 0 || !Number.isSafeInteger(seq) || seq < 1) return -1;
  let width = 1;
  for (let p = 10; p <= seq; p *= 10) width++;
  const end = at + width;
  if (end > e.textEnd) return -1;
  let rest = seq;
  for (let i = end - 1; i >= at; i--) {
    if (e.text[i] !== 0x30 + (rest % 10)) return -1;
    rest = Math.floor(rest / 10);
  }
  return end;
}

/** For each byte value, its two lower-case hex digits as one 16-bit number (high digit first). */
const HEX_PAIRS = Uint16Array.from({ length: 256 }, (_, v) => (HEX[v >> 4]! << 8) | HEX[v & 15]!);

/** A uuid column (16 bytes at `from` in the columns) written in its text form, lower-case hex with dashes, at `at`. */
function uuid(e: EntryBytes, at: number, from: number): number {
  if (at < 0 || at + 36 > e.textEnd) return -1;
  const b = e.text;
  let out = at;
  for (let i = 0; i < 16; i++) {
    if (i === 4 || i === 6 || i === 8 || i === 10) {
      if (b[out++] !== 0x2d) return -1;
    }
    if (((b[out]! << 8) | b[out + 1]!) !== HEX_PAIRS[e.columns[from + i]!]) return -1;
    out += 2;
  }
  return out;
}

/** The part "YYYY-MM-DDTHH:MM:" of the last minute seen: entries come in time order, minutes change rarely. */
let minuteCache = { minute: NaN, text: Buffer.alloc(0) };
const MINUTE_MS = 60_000;

/** The two decimal digits of n (0 to 99) at `at`. Integer arithmetic: n and its tens fit 32 bits. */
function two(b: Buffer, at: number, n: number): boolean {
  const tens = (n / 10) | 0;
  return b[at] === 0x30 + tens && b[at + 1] === 0x30 + n - 10 * tens;
}

/** logged_at as toISOString writes it ("2026-01-01T08:00:02.000Z", 24 characters) at `at`. */
function time(e: EntryBytes, at: number): number {
  const ms = e.loggedAtMs;
  if (at < 0 || !(ms >= FOUR_DIGIT_YEARS[0] && ms <= FOUR_DIGIT_YEARS[1]) || at + 24 > e.textEnd) return -1;
  const minute = Math.floor(ms / MINUTE_MS);
  if (minute !== minuteCache.minute) minuteCache = { minute, text: ascii(new Date(minute * MINUTE_MS).toISOString().slice(0, 17)) };
  if (lit(e, at, minuteCache.text) < 0) return -1;
  const b = e.text;
  // Milliseconds within the minute: below 60,000, so 32-bit integer arithmetic is exact.
  const rest = ms - minute * MINUTE_MS;
  const seconds = (rest / 1000) | 0;
  const milli = rest - seconds * 1000;
  const hundreds = (milli / 100) | 0;
  const p = at + 17;
  return two(b, p, seconds) && b[p + 2] === 0x2e && b[p + 3] === 0x30 + hundreds && two(b, p + 4, milli - hundreds * 100) && b[p + 6] === 0x5a ? at + 24 : -1;
}

/** Where `,"action":"` first occurs in the text from `at`, or -1. A loop: the call of indexOf cost more than the few bytes it scans. */
function firstAction(e: EntryBytes, from: number): number {
  const last = e.textEnd - ACTION.length;
  for (let at = from; at <= last; at++) {
    if (e.text[at] === 0x2c && same(e.text, at, ACTION, 0, ACTION.length)) return at;
  }
  return -1;
}

/**
 * The same test as ChainVerifier's columnsMatchText: the text starts with `start` (the CPAS's
 * fixed opening, `{"v":1,"cpas":"<id>","seq":`), then seq, time and user as the columns say; the
 * first `,"action":"` after the roles is followed by the action and person columns and `,"classes":`.
 */
export function columnsMatchBytes(start: Buffer, e: EntryBytes): boolean {
  let at = lit(e, e.textStart, start);
  at = lit(e, digits(e, at), AT);
  at = time(e, at);
  at = e.userAt < 0 ? lit(e, at, USER_NULL) : lit(e, uuid(e, lit(e, at, USER), e.userAt), QUOTE);
  at = lit(e, at, ROLES);
  if (at < 0) return false;
  // Roles and purpose are ids without quotes or commas: the first "action" key after them is the real one.
  at = firstAction(e, at);
  if (at < 0) return false;
  at += ACTION.length;
  const length = e.actionEnd - e.actionStart;
  if (at + length > e.textEnd || !same(e.text, at, e.columns, e.actionStart, e.actionEnd)) return false;
  at += length;
  at = e.personAt < 0 ? lit(e, at, PERSON_NULL) : lit(e, uuid(e, lit(e, at, PERSON), e.personAt), QUOTE);
  return lit(e, at, CLASSES) >= 0;
}
