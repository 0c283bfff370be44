// Imports persons in bulk (the export of a former system, a spreadsheet) in ONE transaction: a
// failure half-way leaves the database as it was, so a file is never "half imported" and can
// simply be run again once fixed. Rows arrive already validated by the input schemas; this use
// case adds what only the database and the whole file can tell: a national number repeated in
// the file, or already held by a person of this CPAS.
//
// The access log gets ONE entry per import (action 'import', purpose 'bulk-import', the classes
// written, counts only). Per-person entries would mean one chained append per row, minutes for
// 100,000 persons; listing the new person ids in the entry would make it megabytes. Neither the
// values nor the national numbers are logged.
import { appendAccessLog } from '../adapters/db/access-log-store.ts';
import type { Tx } from '../adapters/db/database.ts';
import { findPersonsByNiss, insertAddressRows, insertHouseholdRows, insertPersonRows, preparePlansForChildRows } from '../adapters/db/stores/person-batch-store.ts';
import { mayPerform } from '../domain/access-policy.ts';
import type { ItemCategory } from '../domain/data-classes.ts';
import type { AddressInput, HouseholdMemberInput } from '../domain/schemas.ts';
import { DomainError, forbidden } from '../domain/errors.ts';
import type { Actor } from '../domain/roles.ts';
import { type AppContext, Refusal, runAudited } from './context.ts';
import { categoriesOfNewPerson, type NewPerson } from './create-person.ts';

/** One person to import, with the line of the source file it came from (for the reports). */
export interface ImportRow {
  readonly line: number;
  readonly input: NewPerson;
}

/** A fault of one row: the column at fault and why, never the value (it is personal data). */
export interface RowIssue {
  readonly line: number;
  readonly field: string;
  readonly message: string;
}

export interface ImportOptions {
  /**
   * 'all-or-nothing' (default): a single bad row and nothing is imported.
   * 'skip-invalid': the good rows are imported, the bad ones left out and reported.
   */
  readonly mode?: 'all-or-nothing' | 'skip-invalid';
  /** Rows of the file the caller already found invalid (schema) and left out of `rows`. */
  readonly invalidRows?: number;
  /** Called after each batch with the persons inserted so far. */
  readonly onProgress?: (done: number, total: number) => void;
}

export interface ImportResult {
  readonly imported: number;
  /** Rows of the file not imported: the caller's invalid rows, the rejected ones, or all when refused. */
  readonly skipped: number;
  /** The rows this use case rejected, by line. */
  readonly rejected: RowIssue[];
}

const LISTED_LINES = 5;
const UNIQUE_VIOLATION = '23505';

export async function importPersons(ctx: AppContext, actor: Actor, rows: readonly ImportRow[], opts: ImportOptions = {}): Promise<ImportResult> {
  const invalidRows = opts.invalidRows ?? 0;
  const base = {
    cpasId: actor.cpasId, userId: actor.userId, roles: actor.roles, purpose: 'bulk-import' as const, action: 'import' as const,
    personId: null, classes: classesOf(rows), rule: 'operation' as const,
  };
  try {
    return await runAudited(ctx, async (tx) => {
      if (!mayPerform(actor.roles, 'import-persons')) {
        await appendAccessLog(tx, { ...base, outcome: 'denied', details: { rows: rows.length } }, ctx.now());
        return new Refusal(forbidden('not allowed to import persons'));
      }
      const niss = nissOfFile(rows);
      const rejected = [...rowsWithoutNiss(rows), ...duplicatesWithinFile(niss.repeated), ...(await knownInCpas(tx, actor.cpasId, rows, niss.distinct))]
        .sort((a, b) => a.line - b.line);
      const rejectedLines = new Set(rejected.map((issue) => issue.line));
      const refused = (opts.mode ?? 'all-or-nothing') === 'all-or-nothing' && (invalidRows > 0 || rejectedLines.size > 0);
      const accepted = refused ? [] : rows.filter((row) => !rejectedLines.has(row.line));
      await insertInBatches(tx, actor.cpasId, accepted, opts.onProgress);
      const skipped = invalidRows + rows.length - accepted.length;
      // Logged last, in the same transaction: appending locks the CPAS's log head until commit,
      // and taking it first would hold up every logged access of the CPAS for the whole import.
      // Logged even when nothing was written: the check told the actor which numbers are known.
      await appendAccessLog(tx, {
        ...base,
        outcome: 'allowed',
        details: { count: accepted.length, skipped, invalid: invalidRows, rejected: rejectedLines.size },
      }, ctx.now());
      return { imported: accepted.length, skipped, rejected };
    });
  } catch (error) {
    // The check above ran in this transaction, but a person created meanwhile by someone else
    // still meets the unique index: the whole import is rolled back, as for any failure.
    if ((error as { code?: unknown }).code === UNIQUE_VIOLATION) {
      throw new DomainError('conflict', 'niss: a person with one of these national numbers was added while the import ran; nothing was imported, run it again', 'niss');
    }
    throw error;
  }
}

function classesOf(rows: readonly ImportRow[]): ItemCategory[] {
  const classes = new Set<ItemCategory>(['identity']);
  for (const row of rows) for (const c of categoriesOfNewPerson(row.input)) classes.add(c);
  return [...classes];
}

/**
 * The national number is the only key that tells the import a person is known already. Without
 * it, running a file twice (or importing a person the CPAS knows) would open a second file on
 * the same person, beside the first and its assigned worker. Persons without a national number
 * are created one at a time, by someone who searched by name first.
 */
function rowsWithoutNiss(rows: readonly ImportRow[]): RowIssue[] {
  return rows
    .filter((row) => !row.input.person.niss)
    .map((row) => ({ line: row.line, field: 'niss', message: 'is required for an import (create persons without a national number one at a time)' }));
}

/** The national numbers of the file, each once, and the lines of those given on more than one row. */
function nissOfFile(rows: readonly ImportRow[]): { distinct: string[]; repeated: number[][] } {
  // One map entry per number, and an array only for a repeated one: an array per row cost half a
  // second for 200,000 rows, before the first of them could be written.
  const firstLine = new Map<string, number>();
  const repeated = new Map<string, number[]>();
  for (const { line, input } of rows) {
    const niss = input.person.niss;
    if (!niss) continue;
    const first = firstLine.get(niss);
    if (first === undefined) {
      firstLine.set(niss, line);
      continue;
    }
    const lines = repeated.get(niss);
    if (lines) lines.push(line);
    else repeated.set(niss, [first, line]);
  }
  return { distinct: [...firstLine.keys()], repeated: [...repeated.values()] };
}

/** Every row of a repeated number is rejected: which of them is right is not for the import to guess. */
function duplicatesWithinFile(repeated: readonly number[][]): RowIssue[] {
  const issues: RowIssue[] = [];
  for (const lines of repeated) {
    for (const line of lines) {
      const others = lines.filter((l) => l !== line);
      const listed = others.slice(0, LISTED_LINES).join(', ') + (others.length > LISTED_LINES ? ` and ${others.length - LISTED_LINES} more` : '');
      issues.push({ line, field: 'niss', message: `the same national number is also on line ${listed}` });
    }
  }
  return issues;
}

async function knownInCpas(tx: Tx, cpasId: string, rows: readonly ImportRow[], nissList: readonly string[]): Promise<RowIssue[]> {
  const known = new Set((await findPersonsByNiss(tx, cpasId, nissList)).map((p) => p.niss));
  return rows
    .filter((row) => row.input.person.niss && known.has(row.input.person.niss))
    .map((row) => ({ line: row.line, field: 'niss', message: 'a person with this national number exists already in this CPAS' }));
}

/**
 * Persons first, then their addresses and household members: each of those checks its person
 * through a foreign key, and PostgreSQL plans that check once per session. Planned while the
 * person table is still tiny, it walks every person of the CPAS for each row (100,000 rows went
 * from 30 seconds to tens of minutes); see preparePlansForChildRows.
 */
async function insertInBatches(tx: Tx, cpasId: string, rows: readonly ImportRow[], onProgress: ImportOptions['onProgress']): Promise<void> {
  // Progress counts rows of the file: the share of all records written, scaled to the rows.
  let records = 0;
  for (const { input } of rows) records += 1 + (input.addresses?.length ?? 0) + (input.household?.length ?? 0);
  let written = 0;
  const progress = (batch: number) => {
    written += batch;
    onProgress?.(Math.round((written / records) * rows.length), rows.length);
  };
  onProgress?.(0, rows.length);
  const personIds = await insertPersonRows(tx, cpasId, rows.map((row) => row.input.person), progress);
  const addresses: { personId: string; address: AddressInput }[] = [];
  const members: { personId: string; member: HouseholdMemberInput }[] = [];
  rows.forEach(({ input }, i) => {
    const personId = personIds[i]!;
    for (const address of input.addresses ?? []) addresses.push({ personId, address });
    for (const member of input.household ?? []) members.push({ personId, member });
  });
  if (addresses.length + members.length > 0) await preparePlansForChildRows(tx);
  await insertAddressRows(tx, cpasId, addresses, progress);
  await insertHouseholdRows(tx, cpasId, members, progress);
}
