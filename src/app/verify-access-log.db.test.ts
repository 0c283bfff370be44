// The tamper suite: a verified chain of 50 entries with signed checkpoints at 20, 40 and 50, then
// each kind of tampering a superuser can do, applied directly in SQL with the append-only trigger
// disabled. Each must be detected AND located. A fresh database per case.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { loadCheckpointSigner } from '../adapters/crypto/checkpoint-key.ts';
import { appendAccessLog } from '../adapters/db/access-log-store.ts';
import { readChainBatches } from '../adapters/db/stores/access-log-batch-store.ts';
import type { Param, Tx } from '../adapters/db/database.ts';
import { type AccessLogDraft, GENESIS, canonicalEntry, chainHash, entryHash } from '../domain/access-log-entry.ts';
import { ChainVerifier, type Finding } from '../domain/chain-verifier.ts';
import { columnsMatchBytes } from '../domain/entry-bytes.ts';
import { ROLES } from '../domain/roles.ts';
import { registerCpas } from './register-cpas.ts';
import { createTestDatabase, type TestDatabase } from '../testing/test-database.ts';
import { type CheckpointNote, type CpasVerification, verifyAccessLog, verificationLines } from './verify-access-log.ts';
import { writeCheckpoints } from './write-checkpoints.ts';

const ORIGIN = 'confiance.example';
const signer = loadCheckpointSigner({ CONFIANCE_CHECKPOINT_KEY: Buffer.alloc(32, 42).toString('base64') })!;
const T0 = Date.parse('2026-11-02T08:00:00Z');

interface Chain {
  t: TestDatabase;
  cpasId: string;
  /** The checkpoints as archived files (what the DPO keeps outside the server). */
  files: CheckpointNote[];
}

async function buildChain(entries = 50, checkpointsAt: readonly number[] = [20, 40, 50]): Promise<Chain> {
  const t = await createTestDatabase();
  // A CPAS with no staff made: the chain must hold exactly the entries written here (making staff
  // through the separation of duties logs each step), and the entries need only ids and roles.
  const namur = await registerCpas(t.db, { code: 'namur', name: 'CPAS namur', region: 'wallonie', languages: ['fr'], defaultLanguage: 'fr', street: 'Rue 1', postalCode: '5000', municipality: 'Namur' });
  const files: CheckpointNote[] = [];
  const actors = ROLES.map((role) => ({ userId: randomUUID(), roles: [role] }));
  for (let seq = 1; seq <= entries; seq++) {
    const actor = actors[seq % actors.length]!;
    const draft: AccessLogDraft = {
      cpasId: namur.cpasId, userId: actor.userId, roles: actor.roles, purpose: 'case-follow-up', action: seq % 3 === 0 ? 'search' : 'read',
      personId: seq % 3 === 0 ? null : randomUUID(), classes: ['identity'], outcome: 'allowed', rule: 'administrative-staff', details: { n: seq },
    };
    await t.db.transaction((tx) => appendAccessLog(tx, draft, new Date(T0 + seq * 1000)));
    if (checkpointsAt.includes(seq)) {
      const [outcome] = await writeCheckpoints(t.db, signer, { originPrefix: ORIGIN, now: () => new Date(T0 + seq * 1000) });
      assert.equal(outcome?.status, 'signed');
      if (outcome?.status === 'signed') files.push({ source: `namur/${seq}.checkpoint`, cpasCode: 'namur', note: outcome.note });
    }
  }
  return { t, cpasId: namur.cpasId, files };
}

/** Runs SQL as the owner with the append-only triggers off, as an attacker with superuser rights would. */
async function tamper(chain: Chain, work: (tx: Tx) => Promise<unknown>): Promise<void> {
  await chain.t.db.ownerTransaction(async (tx) => {
    await tx.query('ALTER TABLE access_log_entry DISABLE TRIGGER USER');
    await tx.query('ALTER TABLE access_log_checkpoint DISABLE TRIGGER USER');
    await work(tx);
    await tx.query('ALTER TABLE access_log_entry ENABLE TRIGGER USER');
    await tx.query('ALTER TABLE access_log_checkpoint ENABLE TRIGGER USER');
  });
}

/** Both ways of reading the chain (chain-feed.ts) must find exactly the same breaks, at the same places. */
const verify = async (chain: Chain, withFiles = true): Promise<CpasVerification> => {
  const options = { key: signer.verifierKey, originPrefix: ORIGIN, files: withFiles ? chain.files : [], batchSize: 7 };
  const [checked] = await verifyAccessLog(chain.t.db, { ...options, mode: 'checked' });
  const [independent] = await verifyAccessLog(chain.t.db, { ...options, mode: 'independent' });
  assert.deepEqual(checked, independent, 'the database-checked and the independent verification agree');
  return checked!;
};

type Row = { seq: number; entry_text: string; chain_hash: Buffer };
const rowsFrom = (tx: Tx, cpasId: string, seq: number) =>
  tx.query<Row>('SELECT seq, entry_text, chain_hash FROM access_log_entry WHERE cpas_id = $1 AND seq >= $2 ORDER BY seq', [cpasId, seq]);
const q = (tx: Tx, sql: string, ...params: Param[]) => tx.query(sql, params);

/** What an attacker who knows the scheme does: rewrite entries from `from` on with hashes recomputed, head included. */
async function rewriteSuffix(tx: Tx, cpasId: string, from: number, edit: (text: string, seq: number) => string): Promise<void> {
  const [prev] = await tx.query<{ chain_hash: Buffer }>('SELECT chain_hash FROM access_log_entry WHERE cpas_id = $1 AND seq = $2', [cpasId, from - 1]);
  let chain = prev?.chain_hash ?? GENESIS;
  for (const row of await rowsFrom(tx, cpasId, from)) {
    const text = edit(row.entry_text, row.seq);
    const hash = entryHash(text);
    chain = chainHash(chain, hash);
    await q(tx, 'UPDATE access_log_entry SET entry_text = $3, entry_hash = $4, chain_hash = $5 WHERE cpas_id = $1 AND seq = $2', cpasId, row.seq, text, hash, chain);
  }
  await q(tx, 'UPDATE access_log_head SET chain_hash = $2 WHERE cpas_id = $1', cpasId, chain);
}

const entryFindings = (r: CpasVerification) => r.findings.filter((f) => f.kind !== 'checkpoint');
const located = (r: CpasVerification, kind: Finding['kind'], from: number): Finding => {
  const found = r.findings.find((f) => f.kind === kind && f.from === from);
  assert.ok(found, `expected a ${kind} finding at ${from}, got:\n${verificationLines([r]).join('\n')}`);
  return found;
};

async function withChain(run: (chain: Chain) => Promise<void>): Promise<void> {
  const chain = await buildChain();
  try {
    await run(chain);
  } finally {
    await chain.t.drop();
  }
}

test('an intact chain verifies, with its stored and archived checkpoints', () =>
  withChain(async (chain) => {
    const result = await verify(chain);
    assert.deepEqual(result.findings, []);
    assert.deepEqual(verificationLines([result]), ['OK: namur: 50 entries, 6 checkpoints verified']);
  }));

test('an edited entry text is located', () =>
  withChain(async (chain) => {
    await tamper(chain, (tx) => q(tx, `UPDATE access_log_entry SET entry_text = replace(entry_text, '"outcome":"allowed"', '"outcome":"denied"') WHERE cpas_id = $1 AND seq = 23`, chain.cpasId));
    const result = await verify(chain);
    assert.equal(located(result, 'edited-text', 23).message, 'entry 23: stored text does not match its hash (edited entry)');
    assert.deepEqual(entryFindings(result).map((f) => f.from), [23], 'the entries after it still chain: one finding');
    assert.equal(verificationLines([result])[0], 'namur: entry 23: stored text does not match its hash (edited entry)');
  }));

test('an edited index column is located and named', () =>
  withChain(async (chain) => {
    await tamper(chain, async (tx) => {
      await q(tx, 'UPDATE access_log_entry SET person_id = $2 WHERE cpas_id = $1 AND seq = 31', chain.cpasId, randomUUID());
      await q(tx, `UPDATE access_log_entry SET logged_at = logged_at - interval '3 days', user_id = NULL WHERE cpas_id = $1 AND seq = 33`, chain.cpasId);
    });
    const result = await verify(chain);
    assert.match(located(result, 'columns', 31).message, /^entry 31: indexed column person_id does not match/);
    assert.match(located(result, 'columns', 33).message, /^entry 33: indexed columns logged_at, user_id do not match/);
    assert.equal(result.findings.length, 2, 'the chain itself is intact');
  }));

test('a deleted entry is a sequence gap at its place', () =>
  withChain(async (chain) => {
    await tamper(chain, (tx) => q(tx, 'DELETE FROM access_log_entry WHERE cpas_id = $1 AND seq = 23', chain.cpasId));
    const result = await verify(chain);
    assert.equal(located(result, 'gap', 23).message, 'entry 23: sequence gap (deleted entry)');
    assert.deepEqual(entryFindings(result).map((f) => f.from), [23]);
  }));

test('deleted last entries: the head row catches it, and the checkpoint when the head is rolled back too', () =>
  withChain(async (chain) => {
    await tamper(chain, (tx) => q(tx, 'DELETE FROM access_log_entry WHERE cpas_id = $1 AND seq > 45', chain.cpasId));
    const result = await verify(chain);
    assert.match(located(result, 'truncated', 46).message, /^entries 46\.\.50: missing at the end of the chain/);
    await tamper(chain, async (tx) => {
      const [last] = await rowsFrom(tx, chain.cpasId, 45);
      await q(tx, 'UPDATE access_log_head SET seq = 45, chain_hash = $2 WHERE cpas_id = $1', chain.cpasId, last!.chain_hash);
    });
    const rolledBack = await verify(chain);
    assert.deepEqual(entryFindings(rolledBack), [], 'chain and head agree now');
    assert.match(located(rolledBack, 'checkpoint', 46).message, /^checkpoint at size 50: the chain has only 45 entries/);
  }));

test('two swapped entries are each located, and the chain after them is still checked', () =>
  withChain(async (chain) => {
    await tamper(chain, async (tx) => {
      await q(tx, 'UPDATE access_log_entry SET seq = 1000 WHERE cpas_id = $1 AND seq = 10', chain.cpasId);
      await q(tx, 'UPDATE access_log_entry SET seq = 10 WHERE cpas_id = $1 AND seq = 11', chain.cpasId);
      await q(tx, 'UPDATE access_log_entry SET seq = 11 WHERE cpas_id = $1 AND seq = 1000', chain.cpasId);
    });
    const result = await verify(chain);
    assert.equal(located(result, 'moved', 10).message, 'entry 10: holds the text of entry 11 (entries reordered, inserted or deleted here)');
    located(result, 'moved', 11);
    assert.deepEqual(entryFindings(result).map((f) => f.from), [10, 11], 'nothing reported after them');
  }));

test('a forged entry inserted in the middle: the entries after it no longer fit', () =>
  withChain(async (chain) => {
    await tamper(chain, async (tx) => {
      // Make room at 26 (from the top down, so the primary key never collides), then insert a
      // forged entry whose own hashes are right: it chains correctly from entry 25.
      for (let seq = 50; seq >= 26; seq--) await q(tx, 'UPDATE access_log_entry SET seq = seq + 1 WHERE cpas_id = $1 AND seq = $2', chain.cpasId, seq);
      const [prev] = await rowsFrom(tx, chain.cpasId, 25);
      const text = canonicalEntry({
        cpasId: chain.cpasId, userId: null, roles: [], purpose: 'case-follow-up', action: 'read', personId: randomUUID(),
        classes: ['social-report'], outcome: 'allowed', rule: 'assigned-worker',
      }, 26, new Date(T0 + 25_500));
      const hash = entryHash(text);
      await q(tx, `INSERT INTO access_log_entry (cpas_id, seq, logged_at, user_id, person_id, action, entry_text, entry_hash, chain_hash)
                   VALUES ($1, 26, $2, NULL, $3, 'read', $4, $5, $6)`,
        chain.cpasId, new Date(T0 + 25_500), JSON.parse(text).person as string, text, hash, chainHash(prev!.chain_hash, hash));
      const [last] = await rowsFrom(tx, chain.cpasId, 51);
      await q(tx, 'UPDATE access_log_head SET seq = 51, chain_hash = $2 WHERE cpas_id = $1', chain.cpasId, last!.chain_hash);
    });
    const result = await verify(chain);
    assert.equal(located(result, 'moved', 27).message, 'entries 27..51: renumbered up by 1: entry 26 inserted (forged)');
    assert.equal(entryFindings(result).length, 1);
    located(result, 'checkpoint', 21);
  }));

test('a forged entry with the whole suffix recomputed: only the signed checkpoint catches it', () =>
  withChain(async (chain) => {
    await tamper(chain, async (tx) => {
      for (let seq = 50; seq >= 26; seq--) await q(tx, 'UPDATE access_log_entry SET seq = seq + 1 WHERE cpas_id = $1 AND seq = $2', chain.cpasId, seq);
      const [forgedAt] = await rowsFrom(tx, chain.cpasId, 27);
      await q(tx, `INSERT INTO access_log_entry (cpas_id, seq, logged_at, user_id, person_id, action, entry_text, entry_hash, chain_hash)
                   SELECT cpas_id, 26, logged_at, user_id, person_id, action, entry_text, entry_hash, chain_hash FROM access_log_entry WHERE cpas_id = $1 AND seq = 27`, chain.cpasId);
      assert.ok(forgedAt);
      await rewriteSuffix(tx, chain.cpasId, 26, (text, seq) => text.replace(/"seq":\d+/, `"seq":${seq}`));
      await q(tx, 'UPDATE access_log_head SET seq = 51 WHERE cpas_id = $1', chain.cpasId);
    });
    const result = await verify(chain);
    assert.deepEqual(entryFindings(result), [], 'every hash was recomputed: the chain alone looks intact');
    assert.equal(located(result, 'checkpoint', 21).message, 'checkpoint at size 40 does not match the chain (history rewritten between entries 21 and 40)');
  }));

test('a suffix rewritten after a checkpoint with consistent hashes: the next checkpoint catches it', () =>
  withChain(async (chain) => {
    await tamper(chain, (tx) => rewriteSuffix(tx, chain.cpasId, 31, (text) => text.replace('"outcome":"allowed"', '"outcome":"denied"')));
    const result = await verify(chain);
    assert.deepEqual(entryFindings(result), []);
    assert.deepEqual(result.findings.map((f) => f.message), [
      'checkpoint at size 40 does not match the chain (history rewritten between entries 21 and 40)',
      'checkpoint at size 50 does not match the chain (history rewritten between entries 21 and 50)',
    ]);
  }));

test('deleting the stored checkpoints does not help: the archived files still catch a rewrite', () =>
  withChain(async (chain) => {
    await tamper(chain, async (tx) => {
      await q(tx, 'DELETE FROM access_log_checkpoint WHERE cpas_id = $1', chain.cpasId);
      await rewriteSuffix(tx, chain.cpasId, 5, (text) => text.replace('"outcome":"allowed"', '"outcome":"denied"'));
    });
    assert.deepEqual((await verify(chain, false)).findings, [], 'without the archive, nothing is left to compare with');
    const result = await verify(chain);
    located(result, 'checkpoint', 1);
    assert.match(result.findings[0]!.message, /^checkpoint at size 20 does not match the chain \(history rewritten at or before entry 20\)$/);
  }));

test('a checkpoint edited in the database no longer verifies; an edited head row is named', () =>
  withChain(async (chain) => {
    await tamper(chain, async (tx) => {
      await q(tx, `UPDATE access_log_checkpoint SET note_text = replace(note_text, E'\\n40\\n', E'\\n39\\n') WHERE cpas_id = $1 AND tree_size = 40`, chain.cpasId);
      await q(tx, 'UPDATE access_log_checkpoint SET root_hash = $2 WHERE cpas_id = $1 AND tree_size = 20', chain.cpasId, Buffer.alloc(32, 2));
      await q(tx, 'UPDATE access_log_head SET chain_hash = $2 WHERE cpas_id = $1', chain.cpasId, Buffer.alloc(32, 1));
    });
    const result = await verify(chain);
    assert.ok(result.findings.some((f) => f.message === 'stored checkpoint: signature by confiance.example/checkpoint does not verify (forged or altered checkpoint)'));
    assert.equal(located(result, 'head', 50).message, 'head row: chain hash does not match entry 50 (edited head row)');
    assert.match(located(result, 'checkpoint', 20).message, /^checkpoint at size 20 \(stored\): its tree_size or root_hash column does not match its signed note/);
  }));

test('a checkpoint is not signed over a chain that was tampered with since the last one', async () => {
  const chain = await buildChain(50, [20, 40]);
  try {
    await tamper(chain, (tx) => q(tx, `UPDATE access_log_entry SET entry_text = entry_text || ' ' WHERE cpas_id = $1 AND seq = 45`, chain.cpasId));
    const [outcome] = await writeCheckpoints(chain.t.db, signer, { originPrefix: ORIGIN, now: () => new Date(T0 + 61_000) });
    assert.equal(outcome?.status, 'refused');
    assert.deepEqual(outcome?.status === 'refused' && outcome.findings.map((f) => f.from), [45]);
  } finally {
    await chain.t.drop();
  }
});

test('verification streams: 3,000 entries in small batches, with a checkpoint at the end', async () => {
  const chain = await buildChain(0, []);
  try {
    const [namur] = await chain.t.db.transaction((tx) => tx.query<{ cpas_id: string }>('SELECT cpas_id FROM cpas'));
    await chain.t.db.transaction(async (tx) => {
      for (let i = 1; i <= 3000; i++) {
        await appendAccessLog(tx, {
          cpasId: namur!.cpas_id, userId: null, roles: [], purpose: 'bulk-import', action: 'import', personId: null, classes: [], outcome: 'allowed', rule: 'operation', details: { i },
        }, new Date(T0 + i));
      }
    });
    await writeCheckpoints(chain.t.db, signer, { originPrefix: ORIGIN, now: () => new Date() });
    const [result] = await verifyAccessLog(chain.t.db, { key: signer.verifierKey, originPrefix: ORIGIN, batchSize: 256 });
    assert.deepEqual(verificationLines([result!]), ['OK: namur: 3000 entries, 1 checkpoint verified']);
  } finally {
    await chain.t.drop();
  }
});

/** Per entry, whether the database found its text hash right ('t') and whether its columns hold on its bytes ('c'). */
const flagsOf = async (chain: Chain) => {
  const flags: string[] = [];
  const start = new ChainVerifier(chain.cpasId).textStartBytes;
  for await (const batch of readChainBatches(chain.t.db, chain.cpasId, { afterSeq: 0, batchSize: 7, hashInDatabase: true })) {
    for (let i = 0; i < batch.length; i++) {
      const e = batch.bytesAt(i);
      const entry = batch.entryAt(i);
      flags.push(`${entry.seq}:${entry.hashChecked ? 't' : '-'}${columnsMatchBytes(start, e) ? 'c' : '-'}`);
    }
  }
  return flags;
};

test('the database checks each entry hash itself; the columns are checked on the bytes', () =>
  withChain(async (chain) => {
    const intact = await flagsOf(chain);
    assert.deepEqual(intact, Array.from({ length: 50 }, (_, i) => `${i + 1}:tc`));
    await tamper(chain, async (tx) => {
      await q(tx, `UPDATE access_log_entry SET entry_text = replace(entry_text, '"outcome":"allowed"', '"outcome":"denied"') WHERE cpas_id = $1 AND seq = 23`, chain.cpasId);
      await q(tx, 'UPDATE access_log_entry SET person_id = $2 WHERE cpas_id = $1 AND seq = 31', chain.cpasId, randomUUID());
      await q(tx, `UPDATE access_log_entry SET logged_at = logged_at + interval '1 millisecond' WHERE cpas_id = $1 AND seq = 33`, chain.cpasId);
      await q(tx, 'UPDATE access_log_entry SET user_id = NULL WHERE cpas_id = $1 AND seq = 34', chain.cpasId);
      await q(tx, `UPDATE access_log_entry SET action = 'read-log' WHERE cpas_id = $1 AND seq = 35`, chain.cpasId);
      await q(tx, 'UPDATE access_log_entry SET chain_hash = $2 WHERE cpas_id = $1 AND seq = 40', chain.cpasId, Buffer.alloc(32, 3));
      await q(tx, 'UPDATE access_log_entry SET entry_hash = $2 WHERE cpas_id = $1 AND seq = 41', chain.cpasId, Buffer.alloc(31, 3));
    });
    const flags = await flagsOf(chain);
    assert.deepEqual(flags.filter((f, i) => f !== intact[i]), ['23:-c', '31:t-', '33:t-', '34:t-', '35:t-', '41:-c']);
  }));

const verifyIncremental = async (chain: Chain) =>
  (await verifyAccessLog(chain.t.db, { key: signer.verifierKey, originPrefix: ORIGIN, files: chain.files, batchSize: 7, incremental: true }))[0]!;

test('incremental verification: from the last signed checkpoint the stored chain still holds', async () => {
  const chain = await buildChain(50, [20, 40]);
  try {
    const intact = await verifyIncremental(chain);
    assert.equal(intact.from, 40);
    assert.deepEqual(verificationLines([intact]), ['OK: namur: 50 entries (10 since the checkpoint at 40), 4 checkpoints verified']);
    await tamper(chain, (tx) => q(tx, `UPDATE access_log_entry SET entry_text = entry_text || ' ' WHERE cpas_id = $1 AND seq = 45`, chain.cpasId));
    const edited = await verifyIncremental(chain);
    assert.equal(located(edited, 'edited-text', 45).message, 'entry 45: stored text does not match its hash (edited entry)');
  } finally {
    await chain.t.drop();
  }
});

test('incremental verification: history rewritten before the checkpoint falls back to the whole chain, which locates it', async () => {
  const chain = await buildChain(50, [20, 40]);
  try {
    await tamper(chain, (tx) => rewriteSuffix(tx, chain.cpasId, 31, (text) => text.replace('"outcome":"allowed"', '"outcome":"denied"')));
    const result = await verifyIncremental(chain);
    assert.equal(result.from, 0, 'the stored entry 40 no longer has the signed hash: nothing after it can be trusted');
    assert.deepEqual(result.findings.map((f) => f.message), ['checkpoint at size 40 does not match the chain (history rewritten between entries 21 and 40)']);
  } finally {
    await chain.t.drop();
  }
});
