// Counts of the disclosures recorded after the guide, by year and ground: the plain description
// columns only, never the sealed recipient or content, and no person.
import { RECORD_GROUNDS, type RecordGround } from '../../../domain/guide/disclosure-record.ts';
import type { DisclosureCount } from '../../../domain/guide/disclosure-statistics.ts';
import type { Tx } from '../database.ts';

export async function countGuideDisclosures(tx: Tx, cpasId: string): Promise<DisclosureCount[]> {
  const rows = await tx.query<{ year: number; ground: string; n: number }>(
    `SELECT extract(year FROM disclosed_on)::int AS year, ground_kind AS ground, count(*)::int AS n
     FROM guide_disclosure WHERE cpas_id = $1 AND outcome_kind = 'disclosure'
     GROUP BY 1, 2 ORDER BY 1, 2`,
    [cpasId],
  );
  return rows
    .filter((r) => (RECORD_GROUNDS as readonly string[]).includes(r.ground))
    .map((r) => ({ year: r.year, ground: r.ground as RecordGround, count: r.n }));
}
