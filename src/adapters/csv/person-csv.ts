// Reads the person CSV of `confiance persons import` (docs/import-format.md) into validated rows.
//
//   niss;family_name;given_names;birth_date;birth_place;sex;nationality;phone;email;iban;street;house_number;box;postal_code;municipality;address_valid_from
//
// - UTF-8 (a byte-order mark is ignored); a header row first; separator ";" (Belgian Excel
//   exports) or ",", told from the header line.
// - Required columns: niss, family_name, given_names. The others may be left out of the header;
//   the address columns describe the domicile and go together (box is optional), in the header
//   and in each row: a row fills all of them or none.
// - Column names are case-insensitive; an unknown or repeated column is an error, so that a typo
//   ("familyname") cannot silently drop a column of every row.
// - Cells are trimmed; an empty cell is "not given". Dates are YYYY-MM-DD. Blank rows are skipped.
//
// Each row is validated by the same schemas as the API (personInput, addressInput). Errors name
// the physical line (header = line 1) and the CSV column, never the cell's value: the report is
// printed on a terminal and ends up in shell logs, and the values are personal data.
import { CsvError, parse } from 'csv-parse/sync';
import { z } from 'zod';
import type { ImportRow, RowIssue } from '../../app/import-persons.ts';
import { type AddressInput, addressInput, describeIssue, type PersonInput, personInput } from '../../domain/schemas.ts';

const PERSON_COLUMNS = {
  niss: 'niss',
  family_name: 'familyName',
  given_names: 'givenNames',
  birth_date: 'birthDate',
  birth_place: 'birthPlace',
  sex: 'sex',
  nationality: 'nationality',
  phone: 'phone',
  email: 'email',
  iban: 'iban',
} as const satisfies Record<string, keyof PersonInput>;

const ADDRESS_COLUMNS = {
  street: 'street',
  house_number: 'houseNumber',
  box: 'box',
  postal_code: 'postalCode',
  municipality: 'municipality',
  address_valid_from: 'validFrom',
} as const satisfies Record<string, keyof AddressInput>;

type Column = keyof typeof PERSON_COLUMNS | keyof typeof ADDRESS_COLUMNS;
export const CSV_COLUMNS = [...Object.keys(PERSON_COLUMNS), ...Object.keys(ADDRESS_COLUMNS)] as Column[];
const REQUIRED_COLUMNS: readonly Column[] = ['niss', 'family_name', 'given_names'];
const OPTIONAL_ADDRESS_COLUMNS: readonly Column[] = ['box'];

/** Schema field back to CSV column, so a zod issue names the column the user sees. */
const columnOfPersonField = Object.fromEntries(Object.entries(PERSON_COLUMNS).map(([column, field]) => [field, column]));
const columnOfAddressField = Object.fromEntries(Object.entries(ADDRESS_COLUMNS).map(([column, field]) => [field, column]));

export interface ParsedPersonCsv {
  rows: ImportRow[];
  errors: RowIssue[];
  /** The file as a whole cannot be read (encoding, header, broken quoting): nothing may be imported from it. */
  fatal: boolean;
}

export interface ParseOptions {
  /** Called once per data row validated. */
  onProgress?: (done: number, total: number) => void;
}

const fatal = (errors: RowIssue[]): ParsedPersonCsv => ({ rows: [], errors, fatal: true });

export function parsePersonCsv(input: string | Uint8Array, opts: ParseOptions = {}): ParsedPersonCsv {
  const decoded = typeof input === 'string' ? input : decodeUtf8(input);
  if (typeof decoded !== 'string') return fatal([decoded]);
  // One line ending, so that csv-parse's line count is the physical line number: it counts the
  // CR and the LF of a CRLF inside a quoted value as two lines.
  const text = decoded.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const records = readRecords(text);
  if (!Array.isArray(records)) return fatal([records]);
  const [header, ...data] = records;
  if (!header) return fatal([{ line: 1, field: 'header', message: 'is missing: the file is empty' }]);
  const columns = readHeader(header.record);
  if (!(columns instanceof Map)) return fatal(columns);

  const rows: ImportRow[] = [];
  const errors: RowIssue[] = [];
  data.forEach(({ record, info }, i) => {
    opts.onProgress?.(i + 1, data.length);
    if (record.every((cell) => cell === '')) return;
    // csv-parse reports the line a record ends on; a quoted value may span lines.
    const line = info.lines - record.reduce((n, cell) => n + cell.split('\n').length - 1, 0);
    if (record.length !== header.record.length) {
      errors.push({ line, field: '(row)', message: `has ${record.length} values, the header has ${header.record.length} columns` });
      return;
    }
    const row = readRow(line, record, columns);
    if ('input' in row) rows.push(row);
    else errors.push(...row);
  });
  return { rows, errors, fatal: false };
}

/** A file saved in Windows-1252 (Excel's default "CSV") would turn "Hélène" into "H�l�ne": refused, not guessed. */
function decodeUtf8(bytes: Uint8Array): string | RowIssue {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const loose = new TextDecoder('utf-8').decode(bytes);
    const line = loose.slice(0, loose.indexOf('\uFFFD')).split('\n').length;
    return { line, field: 'file', message: 'is not UTF-8 text (in Excel, save as "CSV UTF-8")' };
  }
}

interface CsvRecord {
  record: string[];
  info: { lines: number };
}

function readRecords(text: string): CsvRecord[] | RowIssue {
  const end = text.indexOf('\n');
  const firstLine = end < 0 ? text : text.slice(0, end);
  let lastRecordLine = 0;
  try {
    return parse(text, {
      delimiter: firstLine.includes(';') ? ';' : ',',
      info: true,
      relax_column_count: true, // counted per row below, so one short row does not stop the whole file
      relax_quotes: true, // a quote inside an unquoted value (O"Brien) is kept as text
      skip_empty_lines: true,
      trim: true,
      on_record: (record, context) => {
        lastRecordLine = context.lines;
        return record;
      },
    }) as unknown as CsvRecord[];
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    // csv-parse's own messages quote the cell being read: they are not shown.
    const code = error.code;
    if (code === 'CSV_QUOTE_NOT_CLOSED') {
      return { line: lastRecordLine + 1, field: 'csv', message: 'a quote opened on this line or a later one is never closed' };
    }
    const line = typeof error.lines === 'number' ? error.lines : lastRecordLine + 1;
    if (/CLOSING_QUOTE/.test(code)) return { line, field: 'csv', message: 'a closing quote is followed by other characters' };
    return { line, field: 'csv', message: `is not readable CSV (${code})` };
  }
}

function readHeader(cells: string[]): Map<Column, number> | RowIssue[] {
  const known = cells.map((cell) => cell.toLowerCase()).filter((name) => (CSV_COLUMNS as string[]).includes(name));
  // No column name at all: most likely the header was left out and line 1 is a person. Naming
  // its cells as "unknown columns" would print that person's data, so they are not named.
  if (known.length === 0) return [{ line: 1, field: 'header', message: `the first line must name the columns: ${CSV_COLUMNS.join(', ')}` }];
  const errors: RowIssue[] = [];
  const columns = new Map<Column, number>();
  cells.forEach((cell, index) => {
    const name = cell.toLowerCase();
    if (!(CSV_COLUMNS as string[]).includes(name)) errors.push({ line: 1, field: cell || `column ${index + 1}`, message: `unknown column (expected some of: ${CSV_COLUMNS.join(', ')})` });
    else if (columns.has(name as Column)) errors.push({ line: 1, field: name, message: 'appears twice' });
    else columns.set(name as Column, index);
  });
  const hasAddress = Object.keys(ADDRESS_COLUMNS).some((c) => columns.has(c as Column));
  const required = [...REQUIRED_COLUMNS, ...(hasAddress ? Object.keys(ADDRESS_COLUMNS) as Column[] : []).filter((c) => !OPTIONAL_ADDRESS_COLUMNS.includes(c))];
  for (const column of required.filter((c) => !columns.has(c))) {
    errors.push({ line: 1, field: column, message: hasAddress && !REQUIRED_COLUMNS.includes(column) ? 'is missing (the address columns go together)' : 'is missing' });
  }
  return errors.length > 0 ? errors : columns;
}

function readRow(line: number, record: string[], columns: Map<Column, number>): ImportRow | RowIssue[] {
  const cell = (column: Column): string | undefined => {
    const index = columns.get(column);
    const value = index === undefined ? '' : record[index] ?? '';
    return value === '' ? undefined : value;
  };
  const pick = (table: Record<string, string>) =>
    Object.fromEntries(Object.entries(table).flatMap(([column, field]) => {
      const value = cell(column as Column);
      return value === undefined ? [] : [[field, value]];
    }));
  const issues: RowIssue[] = [];
  const person = personInput.safeParse(pick(PERSON_COLUMNS));
  if (!person.success) issues.push(...issuesOf(line, person.error, columnOfPersonField));
  const addressCells = pick(ADDRESS_COLUMNS);
  let addresses: AddressInput[] = [];
  if (Object.keys(addressCells).length > 0) {
    const address = addressInput.safeParse({ kind: 'domicile', ...addressCells });
    if (address.success) addresses = [address.data];
    else issues.push(...issuesOf(line, address.error, columnOfAddressField));
  }
  if (issues.length > 0 || !person.success) return issues;
  return { line, input: { person: person.data, addresses } };
}

/** Every fault of the row, not only the first, so one correction round fixes the row. */
function issuesOf(line: number, error: z.ZodError, columnOf: Record<string, string>): RowIssue[] {
  return error.issues.map((issue) => {
    const { field, message } = describeIssue(new z.ZodError([issue]));
    return { line, field: columnOf[field] ?? field, message };
  });
}
