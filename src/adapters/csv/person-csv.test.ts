import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { makeNiss } from '../../domain/niss.ts';
import { CSV_COLUMNS, parsePersonCsv } from './person-csv.ts';

const HEADER = CSV_COLUMNS.join(';');
const NISS_A = makeNiss('1985-07-30', 33);
const NISS_B = makeNiss('1992-02-14', 108);
const ADDRESS = ['Rue de Fer', '12', '', '5000', 'Namur', '2019-03-01'];
const row = (niss: string, family = 'Dubois', address: string[] = ADDRESS) =>
  [niss, family, 'Marie', '1985-07-30', 'Namur', 'F', 'BE', '', '', '', ...address].join(';');
const csv = (...lines: string[]) => `${lines.join('\n')}\n`;
const report = (errors: { line: number; field: string; message: string }[]) => errors.map((e) => `line ${e.line}: ${e.field}: ${e.message}`);

test('the example file in docs/examples parses without errors', () => {
  const parsed = parsePersonCsv(readFileSync(new URL('../../../docs/examples/persons.csv', import.meta.url)));
  assert.deepEqual(parsed.errors, []);
  assert.equal(parsed.fatal, false);
  assert.deepEqual(parsed.rows.map((r) => r.line), [2, 3, 4, 5]);
  assert.equal(parsed.rows[3]?.input.person.birthPlace, 'Saint-Servais; Namur', 'a quoted separator stays in the value');
  assert.deepEqual(parsed.rows[2]?.input.addresses, [], 'a row without address cells has no domicile');
});

test('a row maps to NewPerson through the schemas: NISS normalised, the domicile as an address', () => {
  const parsed = parsePersonCsv(csv(HEADER, row('85.07.30-033.28')));
  assert.deepEqual(parsed.errors, []);
  assert.deepEqual(parsed.rows[0], {
    line: 2,
    input: {
      person: { niss: NISS_A, familyName: 'Dubois', givenNames: 'Marie', birthDate: '1985-07-30', birthPlace: 'Namur', sex: 'F', nationality: 'BE' },
      addresses: [{ kind: 'domicile', street: 'Rue de Fer', houseNumber: '12', postalCode: '5000', municipality: 'Namur', country: 'BE', validFrom: '2019-03-01' }],
    },
  });
});

test('comma separator, byte-order mark, CRLF line ends and upper-case column names are accepted', () => {
  const text = `\uFEFF${HEADER.toUpperCase().replaceAll(';', ',')}\r\n${row(NISS_A).replaceAll(';', ',')}\r\n${row(NISS_B).replaceAll(';', ',')}\r\n`;
  const parsed = parsePersonCsv(new TextEncoder().encode(text));
  assert.deepEqual(parsed.errors, []);
  assert.deepEqual(parsed.rows.map((r) => [r.line, r.input.person.niss]), [[2, NISS_A], [3, NISS_B]]);
});

test('line numbers are physical lines: blank lines and quoted values spanning lines are counted', () => {
  const multiLine = row(NISS_A, '"Dubois\r\nDupont"');
  const text = [HEADER, '', multiLine, ';;;;;;;;;;;;;;;', '', `${row(NISS_B, '')}`].join('\r\n');
  const parsed = parsePersonCsv(text);
  assert.deepEqual(parsed.rows.map((r) => r.line), [3]);
  assert.deepEqual(report(parsed.errors), ['line 7: family_name: is required']);
});

test('every fault of a row is reported, naming the CSV column and never the value', () => {
  const bad = [NISS_A.slice(0, 9) + '00', 'Dubois', '', '1985-02-30', '', 'female', 'Belgium', 'call me', 'not-an-email', 'BE00123', ...ADDRESS].join(';');
  const parsed = parsePersonCsv(csv(HEADER, bad));
  assert.deepEqual(parsed.rows, []);
  assert.deepEqual(report(parsed.errors), [
    'line 2: given_names: is required',
    'line 2: birth_date: is not a calendar date',
    'line 2: sex: must be one of F, M, X',
    'line 2: nationality: must be an ISO 3166 country code like BE',
    'line 2: niss: is not a valid national number (check digits do not match)',
    'line 2: phone: is not a phone number',
    'line 2: email: is not an e-mail address',
    'line 2: iban: is not a valid IBAN',
  ]);
  for (const value of [NISS_A.slice(0, 9), 'female', 'Belgium', 'call me', 'not-an-email', 'BE00123']) {
    assert.ok(!parsed.errors.some((e) => e.message.includes(value)), `the value "${value}" is not echoed`);
  }
});

test('the address columns are all or nothing in a row', () => {
  const parsed = parsePersonCsv(csv(HEADER, row(NISS_A, 'Dubois', ['', '', '', '5000', '', ''])));
  assert.deepEqual(report(parsed.errors), [
    'line 2: street: is required',
    'line 2: house_number: is required',
    'line 2: municipality: is required',
    'line 2: address_valid_from: is required',
  ]);
});

test('a row with more or fewer values than the header is an error of that row only', () => {
  const parsed = parsePersonCsv(csv(HEADER, row(NISS_A), `${row(NISS_B)};extra`));
  assert.deepEqual(parsed.rows.map((r) => r.line), [2]);
  assert.deepEqual(report(parsed.errors), ['line 3: (row): has 17 values, the header has 16 columns']);
  assert.equal(parsed.fatal, false);
});

test('optional columns may be left out of the header; the required ones may not', () => {
  const parsed = parsePersonCsv(csv('niss,family_name,given_names', `${NISS_A},Dubois,Marie`));
  assert.deepEqual(parsed.errors, []);
  assert.deepEqual(parsed.rows[0]?.input, { person: { niss: NISS_A, familyName: 'Dubois', givenNames: 'Marie' }, addresses: [] });

  const missing = parsePersonCsv(csv('niss;given_names;street;municipality;colour', `${NISS_A};Marie;Rue;Namur;blue`));
  assert.equal(missing.fatal, true);
  assert.deepEqual(report(missing.errors), [
    'line 1: colour: unknown column (expected some of: niss, family_name, given_names, birth_date, birth_place, sex, nationality, phone, email, iban, street, house_number, box, postal_code, municipality, address_valid_from)',
    'line 1: family_name: is missing',
    'line 1: house_number: is missing (the address columns go together)',
    'line 1: postal_code: is missing (the address columns go together)',
    'line 1: address_valid_from: is missing (the address columns go together)',
  ]);

  const twice = parsePersonCsv(csv('niss;family_name;given_names;NISS'));
  assert.deepEqual(report(twice.errors), ['line 1: niss: appears twice']);
});

test('a file without its header is refused without printing the first person as column names', () => {
  const parsed = parsePersonCsv(csv(row(NISS_A), row(NISS_B)));
  assert.equal(parsed.fatal, true);
  assert.deepEqual(report(parsed.errors), [`line 1: header: the first line must name the columns: ${CSV_COLUMNS.join(', ')}`]);
});

test('a file that is not UTF-8 is refused with the line of the first bad byte', () => {
  const latin1 = Buffer.from(csv(HEADER, row(NISS_A), row(NISS_B, 'Lefèvre')), 'latin1');
  const parsed = parsePersonCsv(latin1);
  assert.equal(parsed.fatal, true);
  assert.deepEqual(report(parsed.errors), ['line 3: file: is not UTF-8 text (in Excel, save as "CSV UTF-8")']);
});

test('broken quoting stops the file, without quoting the cell', () => {
  const unclosed = parsePersonCsv(csv(HEADER, row(NISS_A), row(NISS_B, '"Secret name'), row(NISS_A)));
  assert.equal(unclosed.fatal, true);
  assert.deepEqual(report(unclosed.errors), ['line 3: csv: a quote opened on this line or a later one is never closed']);

  const closing = parsePersonCsv(csv(HEADER, row(NISS_A), row(NISS_B, '"Secret"name')));
  assert.deepEqual(report(closing.errors), ['line 3: csv: a closing quote is followed by other characters']);
});

test('a quote inside an unquoted value is kept as text', () => {
  const parsed = parsePersonCsv(csv(HEADER, row(NISS_A, 'O"Brien')));
  assert.equal(parsed.rows[0]?.input.person.familyName, 'O"Brien');
});

test('an empty file has no header; a header alone gives no rows and no errors', () => {
  assert.deepEqual(report(parsePersonCsv('').errors), ['line 1: header: is missing: the file is empty']);
  assert.deepEqual(parsePersonCsv(csv(HEADER)), { rows: [], errors: [], fatal: false });
});

test('progress is reported per data row', () => {
  const seen: [number, number][] = [];
  parsePersonCsv(csv(HEADER, row(NISS_A), row(NISS_B)), { onProgress: (done, total) => seen.push([done, total]) });
  assert.deepEqual(seen, [[1, 2], [2, 2]]);
});
