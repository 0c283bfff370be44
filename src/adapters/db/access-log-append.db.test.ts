// The append computes the entry's text, its hash and the chain hash in the database (one
// statement, from the head it locks): those bytes must be exactly the domain's, or `audit verify`
// would report every entry written this way as tampered. Random drafts: unicode and quotes in
// every free field, empty or many details and classes, staff and citizen entries.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { isIntact, verifyAccessLog } from '../../app/verify-access-log.ts';
import { type AccessLogDraft, LOG_ACTIONS, canonicalEntry, chainHash, entryHash } from '../../domain/access-log-entry.ts';
import type { AccessRule } from '../../domain/access-policy.ts';
import { ITEM_CATEGORIES } from '../../domain/data-classes.ts';
import { PURPOSE_IDS } from '../../domain/purposes.ts';
import { ROLES } from '../../domain/roles.ts';
import { addTestCpas, type TestCpas } from '../../testing/fixtures.ts';
import { createTestDatabase, type TestDatabase } from '../../testing/test-database.ts';
import { appendAccessLog } from './access-log-store.ts';

const VERIFY = { key: null, originPrefix: 'confiance.example' };
let t: TestDatabase;
let namur: TestCpas;
before(async () => {
  t = await createTestDatabase();
  namur = await addTestCpas(t.db, 'namur');
});
after(() => t.drop());

// What JSON escapes or UTF-8 encodes on several bytes, often enough to be drawn, beside any code point.
const tricky = fc.constantFrom('"', '\\', "'", '/', '\n', '\u0000', '\u001f', '\u2028', 'é', 'ß', '€', '😀', '\ud800', '\udfff', 'a', ' ');
const text = fc.oneof(fc.string({ unit: tricky, maxLength: 12 }), fc.string({ unit: 'binary', maxLength: 40 }), fc.string({ maxLength: 20 }));
const detailValue = fc.oneof(text, fc.integer(), fc.double(), fc.boolean(), fc.array(text, { maxLength: 4 }));
const draftOf = (cpasId: string) => fc.record({
  cpasId: fc.constant(cpasId),
  userId: fc.option(fc.uuid(), { nil: null }),
  roles: fc.subarray([...ROLES]),
  purpose: fc.constantFrom(...PURPOSE_IDS),
  action: fc.constantFrom(...LOG_ACTIONS),
  personId: fc.option(fc.uuid(), { nil: null }),
  classes: fc.array(fc.constantFrom(...ITEM_CATEGORIES), { maxLength: 30 }),
  outcome: fc.constantFrom('allowed' as const, 'denied' as const),
  // The rule is a closed set in the domain; any text here only widens what the bytes must survive.
  rule: text.map((r) => r as AccessRule),
  details: fc.option(fc.dictionary(text, detailValue, { maxKeys: 8 }), { nil: undefined }),
  actorKind: fc.option(fc.constant('person' as const), { nil: undefined }),
}, { requiredKeys: ['cpasId', 'userId', 'roles', 'purpose', 'action', 'personId', 'classes', 'outcome', 'rule'] });
const instant = fc.date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2035-12-31T23:59:59Z'), noInvalidDate: true });

type Stored = { seq: number; entry_text: string; entry_hash: Buffer; chain_hash: Buffer };
const stored = (seq: number) => t.db.ownerTransaction(async (tx) => {
  const [row] = await tx.query<Stored>('SELECT seq, entry_text, entry_hash, chain_hash FROM access_log_entry WHERE cpas_id = $1 AND seq = $2', [namur.cpasId, seq]);
  return row;
});
const head = () => t.db.ownerTransaction(async (tx) => {
  const [row] = await tx.query<{ seq: number; chain_hash: Buffer }>('SELECT seq, chain_hash FROM access_log_head WHERE cpas_id = $1', [namur.cpasId]);
  return row;
});

test('the text and hashes computed in the database are exactly the domain\'s', async () => {
  await fc.assert(fc.asyncProperty(draftOf(namur.cpasId), instant, async (draft: AccessLogDraft, at) => {
    const before = await head();
    const seq = await t.db.transaction((tx) => appendAccessLog(tx, draft, at));
    const row = await stored(seq);
    const previous = seq === 1 ? Buffer.alloc(32) : (await stored(seq - 1))!.chain_hash;
    const expected = canonicalEntry(draft, seq, at);
    assert.equal(seq, (before ? Number(before.seq) : 0) + 1);
    assert.equal(row!.entry_text, expected);
    assert.deepEqual(row!.entry_hash, entryHash(expected));
    assert.deepEqual(row!.chain_hash, chainHash(previous, entryHash(expected)));
    assert.deepEqual((await head())!.chain_hash, row!.chain_hash);
  }), { numRuns: 150 });
  // Both ways `audit verify` reads: the hashes checked in the database, and all recomputed here.
  assert.ok(isIntact(await verifyAccessLog(t.db, { ...VERIFY, mode: 'checked' })));
  assert.ok(isIntact(await verifyAccessLog(t.db, { ...VERIFY, mode: 'independent' })));
});

test('the entry is routed to the partition of its month', async () => {
  await t.db.ownerTransaction((tx) => tx.query("SELECT access_log_ensure_month('2031-05-01')"));
  const draft: AccessLogDraft = {
    cpasId: namur.cpasId, userId: null, roles: [], purpose: 'case-follow-up', action: 'read', personId: null, classes: [], outcome: 'allowed', rule: 'administrative-staff',
  };
  const seq = await t.db.transaction((tx) => appendAccessLog(tx, draft, new Date('2031-05-17T10:00:00Z')));
  const [row] = await t.db.ownerTransaction((tx) =>
    tx.query<{ part: string }>('SELECT tableoid::regclass::text AS part FROM access_log_entry WHERE cpas_id = $1 AND seq = $2', [namur.cpasId, seq]));
  assert.equal(row?.part, 'access_log_partition.m2031_05');
});
