// The access log over years, measured in one run on one engine: a month of N entries (one CPAS)
//   (a) given its partition (moved out of the default partition, where it was written);
//   (b) archived to a signed file (read, verified and written) vs plain SHA-256 over the same texts;
//   (c) that file checked offline vs plain SHA-256 over the same texts (target: within a factor 2);
//   (d) its partition dropped, and `audit verify` of what remains.
// Usage: npx tsx bench/log-archive.ts [--engine pglite|postgres] [--entries 100000]
import { hash, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadCheckpointSigner } from '../src/adapters/crypto/checkpoint-key.ts';
import type { Database, Param } from '../src/adapters/db/database.ts';
import { createArchiveFile, readArchiveLines } from '../src/adapters/fs/log-archive-file.ts';
import { archiveAccessLog } from '../src/app/archive-access-log.ts';
import { dropLogMonth, ensureLogPartitions } from '../src/app/prune-access-log.ts';
import { registerCpas } from '../src/app/register-cpas.ts';
import { verifyAccessLog } from '../src/app/verify-access-log.ts';
import { type AccessLogDraft, GENESIS, canonicalEntry, chainHash, entryHash } from '../src/domain/access-log-entry.ts';
import { ArchiveChecker } from '../src/domain/log-archive.ts';
import { logMonth, monthBounds } from '../src/domain/log-month.ts';
import { benchOptions, count, engineOption } from './options.ts';
import { benchDatabase } from './support.ts';

const { values: options } = benchOptions('npx tsx bench/log-archive.ts [--engine pglite|postgres] [--entries 100000]', { engine: 'pglite', entries: '100000' });
const engine = engineOption(options.engine);
const ENTRIES = count('entries', options.entries);
const MONTH = logMonth('2025-01');
const ORIGIN = 'confiance.example';
const signer = loadCheckpointSigner({ CONFIANCE_CHECKPOINT_KEY: Buffer.alloc(32, 42).toString('base64') })!;
const now = () => new Date('2025-04-15T10:00:00Z');

const seconds = async (work: () => Promise<unknown>) => {
  const start = process.hrtime.bigint();
  await work();
  return Number(process.hrtime.bigint() - start) / 1e9;
};
const rate = (s: number) => `${Math.round(ENTRIES / s).toLocaleString('en')}/s`;

/** N entries spread over the month, inserted in bulk with their hashes (the append path is bench/access-log.ts's). */
async function fillMonth(db: Database, cpasId: string): Promise<string[]> {
  const texts: string[] = [];
  const { start, end } = monthBounds(MONTH);
  const step = (end.getTime() - start.getTime()) / (ENTRIES + 1);
  const users = Array.from({ length: 40 }, () => randomUUID());
  let chain: Buffer = GENESIS;
  for (let seq = 1; seq <= ENTRIES; ) {
    const values: string[] = [];
    const params: Param[] = [];
    for (; seq <= ENTRIES && values.length < 1000; seq++) {
      const at = new Date(Math.floor(start.getTime() + seq * step));
      const draft: AccessLogDraft = {
        cpasId, userId: users[seq % users.length]!, roles: ['social-worker'], purpose: 'case-follow-up', action: 'read', personId: randomUUID(),
        classes: ['identity', 'domicile-address', 'social-report'], outcome: 'allowed', rule: 'assigned-worker', details: { record: randomUUID() },
      };
      const text = canonicalEntry(draft, seq, at);
      const eh = entryHash(text);
      chain = chainHash(chain, eh);
      texts.push(text);
      values.push(`(${Array.from({ length: 9 }, (_, i) => `$${params.length + i + 1}`).join(', ')})`);
      params.push(cpasId, seq, at, draft.userId, draft.personId, draft.action, text, eh, chain);
    }
    await db.ownerTransaction((tx) => tx.query(`INSERT INTO access_log_entry (cpas_id, seq, logged_at, user_id, person_id, action, entry_text, entry_hash, chain_hash) VALUES ${values.join(', ')}`, params));
  }
  await db.ownerTransaction((tx) => tx.query('INSERT INTO access_log_head (cpas_id, seq, chain_hash) VALUES ($1, $2, $3)', [cpasId, ENTRIES, chain]));
  return texts;
}

const { db, drop } = await benchDatabase(engine);
const dir = mkdtempSync(join(tmpdir(), 'confiance-bench-archive-'));
const rows: string[][] = [];
try {
  const { cpasId } = await registerCpas(db, { code: 'namur', name: 'CPAS namur', region: 'wallonie', languages: ['fr'], defaultLanguage: 'fr', street: 'Rue 1', postalCode: '5000', municipality: 'Namur' });
  const texts = await fillMonth(db, cpasId);
  const sha = Math.min(...[1, 2, 3].map(() => {
    const start = process.hrtime.bigint();
    for (const text of texts) hash('sha256', text, 'buffer');
    return Number(process.hrtime.bigint() - start) / 1e9;
  }));
  const baseline = `${rate(sha)} SHA-256`;
  const moved = await seconds(() => ensureLogPartitions(db, now()));
  rows.push(['(a) partition created, entries moved out of the default', rate(moved), baseline, (moved / sha).toFixed(1)]);

  const file = join(dir, 'namur-2025-01.archive');
  const archived = await seconds(() => archiveAccessLog(db, signer, { month: MONTH, originPrefix: ORIGIN, now, out: createArchiveFile(file) }));
  const size = statSync(file).size;
  rows.push([`(b) archive written (${(size / 1e6).toFixed(1)} MB, ${Math.round(size / ENTRIES)} bytes/entry)`, rate(archived), baseline, (archived / sha).toFixed(1)]);

  let findings: string[] = [];
  const checked = await seconds(async () => {
    const checker = new ArchiveChecker({ key: signer.verifierKey, originPrefix: ORIGIN });
    const lines = await readArchiveLines(file, '--archive', (text, n) => checker.line(text, n));
    findings = checker.finish(lines + 1);
  });
  if (findings.length > 0) throw new Error(`archive does not verify: ${findings.slice(0, 3).join('; ')}`);
  rows.push(['(c) archive checked offline (target: ratio <= 2)', rate(checked), baseline, (checked / sha).toFixed(1)]);

  const dropped = await seconds(() => dropLogMonth(db, MONTH, now(), null));
  const [rest] = await verifyAccessLog(db, { key: signer.verifierKey, originPrefix: ORIGIN });
  if (!rest || rest.findings.length > 0 || rest.from !== ENTRIES) throw new Error('the rest does not verify from the archive');
  rows.push(['(d) month dropped; the rest verifies from its anchor', `${(dropped * 1000).toFixed(0)} ms`, '-', '-']);
} finally {
  rmSync(dir, { recursive: true, force: true });
  await drop();
}

const header = ['measure', 'value', 'baseline', 'ratio'];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
const line = (r: string[]) => r.map((c, i) => c.padEnd(widths[i]!)).join('  ');
console.log(`\naccess-log archive on ${engine}, ${ENTRIES.toLocaleString('en')} entries (node ${process.version})`);
console.log(line(header));
console.log(widths.map((w) => '-'.repeat(w)).join('  '));
for (const r of rows) console.log(line(r));
