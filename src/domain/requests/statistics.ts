// Yearly statistics of the register, for transparency reports and the council: how many requests
// came from whom and how, what became of them, which categories were disclosed or withheld. They
// carry no personal data, and small counts are suppressed: in a CPAS that receives two requests a
// year, "1 request from the procureur fédéral, answered" may be enough to recognise a person whose
// case was in the press. A count of 1 to 4 is shown as "< 5" (0 stays 0).
//
// Suppressing a small cell is not enough when the table's total is known: total minus the other
// cells gives it back. So, while any suppressed cell of a table can still be computed from the
// total and the other cells, the smallest cell still shown is suppressed too, shown as "≥ 5"
// (true of it, since every cell under 5 is suppressed already). If that cannot hide it, the whole
// table is withheld. Pure: the counts come in, the published cells go out.
import { AUTHOR_ROLES, CHANNELS, type AuthorRole, type Channel } from './assess.ts';
import { ITEM_CATEGORIES, type ItemCategory, type ItemDecision } from './items.ts';
import type { RegisterState } from './register-state.ts';

export const SMALL = '< 5';
export const COMPLEMENTARY = '≥ 5';
export type Cell = number | typeof SMALL | typeof COMPLEMENTARY | null;

export interface StatisticsRecord {
  readonly received: string;
  readonly authorRole: AuthorRole;
  readonly channel: Channel;
  readonly state: RegisterState;
  /** The assessment's decision per requested item; null when not assessed. */
  readonly items: readonly { readonly item: ItemCategory; readonly decision: ItemDecision }[] | null;
}

export const OUTCOME_KEYS = ['answered', 'refused', 'returned-for-completion', 'pending'] as const;
export type OutcomeKey = (typeof OUTCOME_KEYS)[number];

export const TABLE_NAMES = ['received-by-author-role', 'received-by-channel', 'outcomes', 'items-disclosed', 'items-withheld'] as const;
export type TableName = (typeof TABLE_NAMES)[number];

/** A published table; the guide's disclosure view (src/domain/guide/disclosure-statistics.ts) names its own tables. */
export interface PublishedTable<N extends string = TableName> {
  readonly name: N;
  /** True when no arrangement of suppressed cells could hide them: every cell and the total are null. */
  readonly withheld: boolean;
  readonly total: Cell;
  readonly cells: Readonly<Record<string, Cell>>;
}

export interface RequestStatistics {
  readonly year: number;
  readonly tables: readonly PublishedTable[];
}

export function outcomeOf(state: RegisterState): OutcomeKey {
  switch (state) {
    case 'sent':
      return 'answered';
    case 'refused':
      return 'refused';
    case 'returned-for-completion':
      return 'returned-for-completion';
    case 'received':
    case 'assessed':
    case 'legal-review':
    case 'prepared':
    case 'signed':
      return 'pending';
  }
}

const zeros = (keys: readonly string[]): Record<string, number> => Object.fromEntries(keys.map((k) => [k, 0]));

/** The raw counts of one year, before suppression. */
export function countYear(records: readonly StatisticsRecord[], year: number): Record<TableName, Record<string, number>> {
  const counts: Record<TableName, Record<string, number>> = {
    'received-by-author-role': zeros(AUTHOR_ROLES),
    'received-by-channel': zeros(CHANNELS),
    outcomes: zeros(OUTCOME_KEYS),
    'items-disclosed': zeros(ITEM_CATEGORIES),
    'items-withheld': zeros(ITEM_CATEGORIES),
  };
  const add = (table: TableName, key: string) => {
    counts[table][key] = (counts[table][key] ?? 0) + 1;
  };
  for (const r of records) {
    if (!r.received.startsWith(`${year}-`)) continue;
    add('received-by-author-role', r.authorRole);
    add('received-by-channel', r.channel);
    const outcome = outcomeOf(r.state);
    add('outcomes', outcome);
    // Items count once a request is closed: an answer counts what it disclosed and withheld; a
    // refusal or a return withheld everything asked. Pending requests are not counted yet.
    if (outcome === 'pending') continue;
    for (const { item, decision } of r.items ?? []) {
      add(outcome === 'answered' && decision === 'disclose' ? 'items-disclosed' : 'items-withheld', item);
    }
  }
  return counts;
}

type Mark = 'exact' | 'small' | 'complementary';
interface Interval {
  lo: number;
  hi: number;
}

const intervalOf = (value: number, mark: Mark): Interval =>
  mark === 'exact' ? { lo: value, hi: value } : mark === 'small' ? { lo: 1, hi: 4 } : { lo: 5, hi: Infinity };

/** Whether some suppressed cell has a single value consistent with the published cells and total. */
export function anySuppressedCellDetermined(values: readonly number[], marks: readonly Mark[], totalMark: Mark, total: number): boolean {
  const cells = values.map((v, i) => intervalOf(v, marks[i]!));
  const sum = intervalOf(total, totalMark);
  return cells.some((c, i) => {
    if (marks[i] === 'exact') return false;
    const others = cells.filter((_, j) => j !== i);
    const othersLo = others.reduce((s, o) => s + o.lo, 0);
    const othersHi = others.reduce((s, o) => s + o.hi, 0);
    const lo = Math.max(c.lo, sum.lo - othersHi);
    const hi = Math.min(c.hi, sum.hi - othersLo);
    return lo === hi;
  });
}

export function suppressTable<N extends string = TableName>(name: N, counts: Readonly<Record<string, number>>): PublishedTable<N> {
  const keys = Object.keys(counts);
  const values = keys.map((k) => counts[k] ?? 0);
  const total = values.reduce((s, v) => s + v, 0);
  const totalMark: Mark = total >= 1 && total <= 4 ? 'small' : 'exact';
  const marks: Mark[] = values.map((v) => (v >= 1 && v <= 4 ? 'small' : 'exact'));
  while (anySuppressedCellDetermined(values, marks, totalMark, total)) {
    let smallest = -1;
    values.forEach((v, i) => {
      if (marks[i] === 'exact' && v > 0 && (smallest < 0 || v < values[smallest]!)) smallest = i;
    });
    if (smallest < 0) {
      return { name, withheld: true, total: null, cells: Object.fromEntries(keys.map((k) => [k, null])) };
    }
    marks[smallest] = 'complementary';
  }
  const show = (v: number, mark: Mark): Cell => (mark === 'small' ? SMALL : mark === 'complementary' ? COMPLEMENTARY : v);
  return {
    name,
    withheld: false,
    total: show(total, totalMark),
    cells: Object.fromEntries(keys.map((k, i) => [k, show(values[i]!, marks[i]!)])),
  };
}

export function requestStatistics(records: readonly StatisticsRecord[], year: number): RequestStatistics {
  const counts = countYear(records, year);
  return { year, tables: TABLE_NAMES.map((name) => suppressTable(name, counts[name])) };
}

const csvCell = (cell: Cell): string => (cell === null ? 'withheld' : String(cell));

/** One line per cell: year, table, key, count. Keys are fixed vocabularies; no free text goes in. */
export function statisticsCsv(stats: RequestStatistics): string {
  const lines = ['year,table,key,count'];
  for (const table of stats.tables) {
    for (const [key, cell] of Object.entries(table.cells)) lines.push(`${stats.year},${table.name},${key},${csvCell(cell)}`);
    lines.push(`${stats.year},${table.name},total,${csvCell(table.total)}`);
  }
  return `${lines.join('\n')}\n`;
}
