// The column check on bytes must accept exactly the entries the check on the decoded text accepts:
// `audit verify` takes the byte way for every entry it accepts, so one it accepted wrongly would be
// an edited index column nobody is told about. Property-based: canonical entries, then columns or
// text changed as a superuser could change them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { LOG_ACTIONS, canonicalEntry, type AccessLogDraft } from './access-log-entry.ts';
import { ChainVerifier, type StoredEntry } from './chain-verifier.ts';
import { columnsMatchBytes, type EntryBytes } from './entry-bytes.ts';

const CPAS = '0a8d7130-e402-484c-8ddc-02d2ba9d53a8';
const uuidBytes = (id: string | null) => (id === null ? Buffer.alloc(16) : Buffer.from(id.replaceAll('-', ''), 'hex'));

/** The entry as the batch reader hands it over: columns in binary, the text's UTF-8 bytes after a 0x00. */
function asBytes(row: StoredEntry, loggedAtMs: number): EntryBytes {
  const action = Buffer.from(row.action, 'utf8');
  const columns = Buffer.concat([uuidBytes(row.userId), uuidBytes(row.personId), action]);
  const text = Buffer.concat([Buffer.from([0]), Buffer.from(row.text, 'utf8'), Buffer.from('{"next":"entry","action":"x"}')]);
  return {
    seq: row.seq, loggedAtMs, columns, userAt: row.userId === null ? -1 : 0, personAt: row.personId === null ? -1 : 16,
    actionStart: 32, actionEnd: 32 + action.length, text, textStart: 1, textEnd: text.length - 29,
  };
}

const lowerUuid = fc.uuid().map((u) => u.toLowerCase());
const action = fc.oneof(fc.constantFrom(...LOG_ACTIONS), fc.string({ maxLength: 12, unit: 'binary' }));
const draft = fc.record({
  userId: fc.option(lowerUuid, { nil: null }),
  personId: fc.option(lowerUuid, { nil: null }),
  action,
  roles: fc.constantFrom(['social-worker'], ['social-worker', 'dpo'], []),
  seq: fc.oneof(fc.integer({ min: 1, max: 2_000 }), fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER })),
  ms: fc.oneof(fc.integer({ min: 0, max: 4_102_444_800_000 }), fc.integer({ min: -62_000_000_000_000, max: 253_402_300_799_999 })),
});

/** A change a superuser could make: to one column, or to the text at some place. */
const change = fc.oneof(
  fc.constant({ kind: 'none' as const }),
  fc.record({ kind: fc.constant('seq' as const), by: fc.integer({ min: -3, max: 3 }) }),
  fc.record({ kind: fc.constant('time' as const), by: fc.oneof(fc.constantFrom(-1, 1, 10, -100, 100, -1000, 1000, 60_000, 3_600_000, 86_400_000), fc.integer({ min: -90_000_000, max: 90_000_000 })) }),
  fc.record({ kind: fc.constant('user' as const), to: fc.option(lowerUuid, { nil: null }) }),
  fc.record({ kind: fc.constant('person' as const), to: fc.option(lowerUuid, { nil: null }) }),
  fc.record({ kind: fc.constant('action' as const), to: action }),
  // One hex digit of a uuid column changed: the smallest edit of an id.
  fc.record({ kind: fc.constantFrom('user-digit' as const, 'person-digit' as const), at: fc.nat({ max: 35 }), digit: fc.constantFrom(...'0123456789abcdef') }),
  fc.record({ kind: fc.constant('text' as const), at: fc.nat(), cut: fc.nat({ max: 3 }), insert: fc.string({ maxLength: 3, unit: 'binary' }) }),
);

test('the byte check accepts an entry exactly when the text check does', () => {
  fc.assert(
    fc.property(draft, change, (d, c) => {
      const entry: AccessLogDraft = {
        cpasId: CPAS, userId: d.userId, roles: d.roles as AccessLogDraft['roles'], purpose: 'case-follow-up', action: 'read', personId: d.personId,
        classes: ['identity'], outcome: 'allowed', rule: 'assigned-worker', details: { record: 'r' },
      };
      const at = new Date(d.ms);
      // canonicalEntry writes the action through JSON.stringify: what the column holds is the action before escaping.
      const text = canonicalEntry(entry, d.seq, at).replace('"action":"read"', `"action":${JSON.stringify(d.action)}`);
      let row: StoredEntry = { seq: d.seq, loggedAt: at.toISOString(), userId: d.userId, personId: d.personId, action: d.action, text, entryHash: Buffer.alloc(32), chainHash: Buffer.alloc(32) };
      let ms = d.ms;
      if (c.kind === 'seq') row = { ...row, seq: Math.max(1, d.seq + c.by) };
      if (c.kind === 'time') {
        ms = d.ms + c.by;
        row = { ...row, loggedAt: new Date(ms).toISOString() };
      }
      if (c.kind === 'user') row = { ...row, userId: c.to };
      if (c.kind === 'person') row = { ...row, personId: c.to };
      if (c.kind === 'action') row = { ...row, action: c.to };
      const near = (id: string | null, at: number, digit: string) => (id === null || id[at] === '-' ? id : id.slice(0, at) + digit + id.slice(at + 1));
      if (c.kind === 'user-digit') row = { ...row, userId: near(row.userId, c.at, c.digit) };
      if (c.kind === 'person-digit') row = { ...row, personId: near(row.personId, c.at, c.digit) };
      if (c.kind === 'text') {
        const place = c.at % (text.length + 1);
        row = { ...row, text: text.slice(0, place) + c.insert + text.slice(place + c.cut) };
      }
      const verifier = new ChainVerifier(CPAS);
      const byText = verifier.columnsMatchText(row);
      const byBytes = columnsMatchBytes(verifier.textStartBytes, asBytes(row, ms));
      // Outside 1970-9999 the byte way declines (the text way, with the database's own time text, decides).
      if (ms < 0 || ms > 253_402_300_799_999) assert.equal(byBytes, false);
      else assert.equal(byBytes, byText, `text ${row.text}`);
    }),
    { numRuns: 3000 },
  );
});
