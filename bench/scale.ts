// The pieces of the foundation bench that only the large scale needs (`--scale million`, or
// `--entries N` on PostgreSQL): the plain COPY the import is measured against, the access log
// filled by the real chain arithmetic, and what the log costs on disk.
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import pg from 'pg';
import { canonicalEntry, chainHash, entryHash, GENESIS, type AccessLogDraft } from '../src/domain/access-log-entry.ts';
import type { ItemCategory } from '../src/domain/data-classes.ts';
import type { Purpose } from '../src/domain/purposes.ts';
import type { Database } from '../src/adapters/db/database.ts';
import { searchNameOf } from '../src/adapters/db/stores/person-store.ts';
import type { ImportRow } from '../src/app/import-persons.ts';

const csvCell = (v: string | null | undefined): string => (v == null ? '' : /[",\n\r]/.test(v) || v === '' ? `"${v.replace(/"/g, '""')}"` : v);
const csvLine = (cells: (string | null | undefined)[]): string => cells.map(csvCell).join(',') + '\n';

const PERSON_COLUMNS = 'cpas_id, person_id, family_name, given_names, search_name, birth_date, birth_place, sex, nationality, niss, phone, email, iban';
const ADDRESS_COLUMNS = 'cpas_id, address_id, person_id, kind, street, house_number, box, postal_code, municipality, country, valid_from, valid_to';
const ENTRY_COLUMNS = 'cpas_id, seq, logged_at, user_id, person_id, action, entry_text, entry_hash, chain_hash';

/** Runs psql's client-side \copy of `table` from `input` (a file or a stream), in CSV. */
function psqlCopy(url: string, table: string, columns: string, input: { file: string } | { stream: Readable }): Promise<void> {
  const source = 'file' in input ? `'${input.file}'` : 'stdin';
  const child = spawn('psql', [url, '-X', '-q', '-v', 'ON_ERROR_STOP=1', '-c', `\\copy ${table} (${columns}) from ${source} with (format csv)`],
    { stdio: ['stream' in input ? 'pipe' : 'ignore', 'ignore', 'pipe'] });
  let errors = '';
  child.stderr!.on('data', (chunk: Buffer) => (errors += chunk.toString()));
  if ('stream' in input) input.stream.pipe(child.stdin!);
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`psql \\copy ${table}: exit ${code}: ${errors.slice(0, 300)}`))));
  });
}

/**
 * The baseline of the import: the same rows (persons with their search key, their addresses) as
 * CSV files written beforehand, loaded by psql's \copy into the same tables with the same indexes,
 * for another CPAS (the national numbers are unique per CPAS). No check, no batch, no log.
 */
export async function copyPersons(url: string, cpasId: string, rows: readonly ImportRow[]): Promise<number> {
  const dir = await mkdtemp(join(tmpdir(), 'confiance-copy-'));
  try {
    const persons: string[] = [];
    const addresses: string[] = [];
    for (const { input } of rows) {
      const personId = randomUUID();
      const p = input.person;
      persons.push(csvLine([cpasId, personId, p.familyName, p.givenNames, searchNameOf(p.familyName, p.givenNames), p.birthDate, p.birthPlace,
        p.sex, p.nationality, p.niss, p.phone, p.email, p.iban]));
      for (const a of input.addresses ?? []) {
        addresses.push(csvLine([cpasId, randomUUID(), personId, a.kind, a.street, a.houseNumber, a.box, a.postalCode, a.municipality, a.country, a.validFrom, a.validTo]));
      }
    }
    const personFile = join(dir, 'person.csv');
    const addressFile = join(dir, 'address.csv');
    await writeFile(personFile, persons.join(''));
    await writeFile(addressFile, addresses.join(''));
    const start = performance.now();
    await psqlCopy(url, 'person', PERSON_COLUMNS, { file: personFile });
    await psqlCopy(url, 'person_address', ADDRESS_COLUMNS, { file: addressFile });
    return performance.now() - start;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

const READ_CLASSES: readonly ItemCategory[][] = [['identity', 'contact-details'], ['identity', 'domicile-address', 'household-composition'], ['identity', 'social-report']];
const PURPOSES: readonly Purpose[] = ['case-follow-up', 'administrative-processing', 'intake'];

/** Draft number `i` of a CPAS's history: mostly file openings and searches by a few hundred staff. */
function historyDraft(cpasId: string, i: number, staff: readonly string[], persons: readonly string[]): AccessLogDraft {
  const search = i % 5 === 0;
  return {
    cpasId,
    userId: staff[(i * 7) % staff.length]!,
    roles: ['social-worker'],
    purpose: PURPOSES[i % PURPOSES.length]!,
    action: search ? 'search' : 'read',
    personId: search ? null : persons[(i * 7919) % persons.length]!,
    classes: READ_CLASSES[i % READ_CLASSES.length]!,
    outcome: 'allowed',
    rule: 'assigned-worker',
    details: search ? { criteria: ['name'], results: i % 20 } : {},
  };
}

/**
 * Continues the chain of each CPAS by `perCpas` entries, computed by the real chain arithmetic
 * (canonical text, entry hash, chain hash) and streamed to COPY, then moves the head: afterwards
 * the application appends to these chains as to any other. The entries spread over three years.
 */
export async function fillAccessLog(db: Database, url: string, chains: readonly { cpasId: string; persons: readonly string[] }[], perCpas: number): Promise<number> {
  const start = performance.now();
  const staff = Array.from({ length: 300 }, () => randomUUID());
  const days = 3 * 365;
  for (const { cpasId, persons } of chains) {
    const [head] = await db.ownerTransaction((tx) => tx.query<{ seq: number; chain_hash: Buffer }>('SELECT seq, chain_hash FROM access_log_head WHERE cpas_id = $1', [cpasId]));
    // A CPAS of the run without persons still logs reads of persons (the person index counts in the size).
    const subjects = persons.length ? persons : Array.from({ length: 100_000 }, () => randomUUID());
    let seq = head?.seq ?? 0;
    let chain = head?.chain_hash ?? GENESIS;
    const first = Date.now() - days * 86_400_000;
    const step = (days * 86_400_000) / perCpas;
    const lines = function* (): Generator<string> {
      for (let i = 0; i < perCpas; i++) {
        seq += 1;
        const at = new Date(first + i * step);
        const draft = historyDraft(cpasId, i, staff, subjects);
        const text = canonicalEntry(draft, seq, at);
        const hash = entryHash(text);
        chain = chainHash(chain, hash);
        yield csvLine([cpasId, String(seq), at.toISOString(), draft.userId, draft.personId, draft.action, text, `\\x${hash.toString('hex')}`, `\\x${chain.toString('hex')}`]);
      }
    };
    await psqlCopy(url, 'access_log_entry', ENTRY_COLUMNS, { stream: Readable.from(batched(lines(), 2000)) });
    await db.ownerTransaction((tx) => tx.query(
      `INSERT INTO access_log_head (cpas_id, seq, chain_hash) VALUES ($1, $2, $3)
       ON CONFLICT (cpas_id) DO UPDATE SET seq = EXCLUDED.seq, chain_hash = EXCLUDED.chain_hash`, [cpasId, seq, chain]));
  }
  return performance.now() - start;
}

function* batched(lines: Iterable<string>, size: number): Generator<string> {
  let batch: string[] = [];
  for (const line of lines) {
    batch.push(line);
    if (batch.length === size) {
      yield batch.join('');
      batch = [];
    }
  }
  if (batch.length) yield batch.join('');
}

/**
 * What the access log takes on disk: the table with its TOAST and indexes, summed over the table
 * and its partitions if it has any (a partitioned parent alone weighs nothing; the partition tree
 * of a plain table is empty).
 */
export async function logBytesPerEntry(db: Database): Promise<{ entries: number; total: number; heap: number; indexes: number }> {
  const [row] = await db.ownerTransaction((tx) => tx.query<{ entries: number; total: string; heap: string; indexes: string }>(
    `SELECT (SELECT count(*) FROM access_log_entry) AS entries, sum(pg_total_relation_size(relid)) AS total,
            sum(pg_table_size(relid)) AS heap, sum(pg_indexes_size(relid)) AS indexes
     FROM (SELECT 'access_log_entry'::regclass AS relid UNION SELECT relid FROM pg_partition_tree('access_log_entry')) AS tree`));
  return { entries: row!.entries, total: Number(row!.total), heap: Number(row!.heap), indexes: Number(row!.indexes) };
}

/** The tables the bench fills: the persons of the import and of its COPY twin, and the access log. */
export const FILLED_TABLES = ['person', 'person_address', 'access_log_entry', 'access_log_head'] as const;

/**
 * Brings the database to a steady state before the latencies are timed, as the owner: VACUUM
 * (ANALYZE) of the filled tables (visibility map, hint bits, statistics) and a CHECKPOINT (the
 * dirty pages of the fill written out). Timed right after a fill of millions of entries, the
 * searches share the machine with the autovacuum and checkpoint work the fill sets off (with 10
 * million entries the NISS search p99 was 20.5 ms, over its 20 ms target), which says little of
 * the searches of an ordinary day. VACUUM cannot run in a transaction: it gets a connection of its own.
 * Then the persons' tables and indexes are read into memory (pg_prewarm): the VACUUM of an 8 GB log
 * passes through the page cache and pushes them out, while a server that has been running holds its
 * persons in memory (with 10 million entries, file openings had a p99 of 204 ms without this, 18 ms
 * on a run without the VACUUM: cold reads of random persons, not the opening's work).
 */
export async function settle(url: string): Promise<number> {
  const start = performance.now();
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`VACUUM (ANALYZE) ${FILLED_TABLES.join(', ')}`);
    await client.query('CHECKPOINT');
    await client.query('CREATE EXTENSION IF NOT EXISTS pg_prewarm');
    await client.query(`SELECT pg_prewarm(c.oid) FROM pg_class c
      WHERE c.oid IN ('person'::regclass, 'person_address'::regclass)
         OR c.oid IN (SELECT indexrelid FROM pg_index WHERE indrelid IN ('person'::regclass, 'person_address'::regclass))`);
  } finally {
    await client.end();
  }
  return performance.now() - start;
}
