// The archive rows of the access log's closed months (migration 019): written once, then only
// marked dropped, once.
import type { Tx } from '../database.ts';
import { kyselyOf } from '../kysely.ts';

export interface ArchiveRow {
  cpasId: string;
  /** The month's first day, 'YYYY-MM-01'. */
  month: string;
  afterSeq: number;
  anchorHash: Buffer;
  lastSeq: number;
  lastChainHash: Buffer;
  noteText: string;
  droppedAt: Date | null;
}

const selectArchives = (tx: Tx) =>
  kyselyOf(tx)
    .selectFrom('access_log_archive')
    .select([
      'cpas_id as cpasId', 'month', 'after_seq as afterSeq', 'anchor_hash as anchorHash', 'last_seq as lastSeq',
      'last_chain_hash as lastChainHash', 'note_text as noteText', 'dropped_at as droppedAt',
    ]);

/** The CPAS's latest archive (by month); null when none. */
export async function latestArchive(tx: Tx, cpasId: string): Promise<ArchiveRow | null> {
  return (await selectArchives(tx).where('cpas_id', '=', cpasId).orderBy('month', 'desc').limit(1).executeTakeFirst()) ?? null;
}

export async function archiveOf(tx: Tx, cpasId: string, firstDay: string): Promise<ArchiveRow | null> {
  return (await selectArchives(tx).where('cpas_id', '=', cpasId).where('month', '=', firstDay).executeTakeFirst()) ?? null;
}

/** The anchor of what remains: the CPAS's archive whose month was dropped last; null when none was. */
export async function latestDroppedArchive(tx: Tx, cpasId: string): Promise<ArchiveRow | null> {
  return (await selectArchives(tx).where('cpas_id', '=', cpasId).where('dropped_at', 'is not', null).orderBy('last_seq', 'desc').limit(1).executeTakeFirst()) ?? null;
}

/** Inserts the row; false when the month was archived already (the row then stays as it was). */
export async function insertArchive(tx: Tx, row: Omit<ArchiveRow, 'droppedAt'>, at: Date): Promise<boolean> {
  const inserted = await kyselyOf(tx)
    .insertInto('access_log_archive')
    .values({
      cpas_id: row.cpasId, month: row.month, after_seq: row.afterSeq, anchor_hash: row.anchorHash, last_seq: row.lastSeq,
      last_chain_hash: row.lastChainHash, note_text: row.noteText, archived_at: at,
    })
    .onConflict((oc) => oc.doNothing())
    .returning('last_seq')
    .executeTakeFirst();
  return inserted !== undefined;
}

/** The highest seq of the CPAS covered by an archive; 0 when none. */
export async function lastArchivedSeq(tx: Tx, cpasId: string): Promise<number> {
  const row = await kyselyOf(tx).selectFrom('access_log_archive').select((eb) => eb.fn.max('last_seq').as('seq')).where('cpas_id', '=', cpasId).executeTakeFirst();
  return row?.seq ?? 0;
}

/** Records that the month's partition was dropped (for every CPAS archived for it). */
export async function markMonthDropped(tx: Tx, cpasId: string, firstDay: string, at: Date): Promise<void> {
  await kyselyOf(tx).updateTable('access_log_archive').set({ dropped_at: at }).where('cpas_id', '=', cpasId).where('month', '=', firstDay).where('dropped_at', 'is', null).execute();
}
