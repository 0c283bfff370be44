// Disclosures recorded after the guide, counted by ground for each year, for the DPO and the head
// of social service. Only counts leave: no person, no text. Small counts are suppressed exactly as
// in the register's statistics (suppressTable of src/domain/requests/statistics.ts): in a small
// CPAS, "1 disclosure to the procureur du Roi under art. 458bis in 2026" can designate a family.
import { suppressTable, type PublishedTable } from '../requests/statistics.ts';
import { RECORD_GROUNDS, type RecordGround } from './disclosure-record.ts';

export interface DisclosureCount {
  readonly year: number;
  readonly ground: RecordGround;
  readonly count: number;
}

export interface DisclosureYear {
  readonly year: number;
  readonly byGround: PublishedTable<'disclosures-by-ground'>;
}

/** One published table per year that has any disclosure, newest first; every ground of the closed list is a cell. */
export function disclosureStatistics(counts: readonly DisclosureCount[]): DisclosureYear[] {
  const years = [...new Set(counts.map((c) => c.year))].sort((a, b) => b - a);
  return years.map((year) => {
    const cells = Object.fromEntries(RECORD_GROUNDS.map((ground) => [ground, 0])) as Record<RecordGround, number>;
    for (const c of counts) if (c.year === year && c.ground in cells) cells[c.ground] += c.count;
    return { year, byGround: suppressTable('disclosures-by-ground', cells) };
  });
}
