// Malformed input is refused with one line naming the first field at fault, in the contract's order:
// an unknown field first, then the fields of the input table in order. Nothing is guessed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { GUIDE_FIELDS, GuideInputError, parseGuideConfig, parseGuideInput } from './parse-guide.ts';

const VALID = {
  counterpart: 'police',
  initiative: 'own-initiative',
  channel: 'phone',
  instrument: 'none',
  consent: 'none',
  danger: 'grave-and-imminent',
  endangered: 'minor',
  canProtect: 'no',
  offence: '458bis-offence',
  items: ['identity', 'domicile-address', 'social-notes'],
};

function faultOf(json: unknown): string {
  try {
    parseGuideInput(json);
  } catch (error) {
    assert.ok(error instanceof GuideInputError);
    assert.ok(!error.message.includes('\n'), 'one line');
    assert.ok(error.message.startsWith(`${error.field}: `), 'names the field first');
    return error.message;
  }
  return assert.fail('accepted');
}

test('the contract example parses as given', () => {
  assert.deepEqual(parseGuideInput(VALID), VALID);
});

test('the contract examples of malformed input, word for word', () => {
  assert.equal(faultOf({ ...VALID, counterpart: 'neighbour' }), 'counterpart: unknown value');
  assert.equal(faultOf({ ...VALID, endangered: undefined }), 'endangered: required when danger is "grave-and-imminent"');
  assert.equal(faultOf({ ...VALID, items: ['identity', 'full-file'] }), 'items[1]: unknown category');
});

test('each kind of fault', () => {
  assert.equal(faultOf([VALID]), 'input: expected an object, got a list');
  assert.equal(faultOf(null), 'input: expected an object, got null');
  assert.equal(faultOf('police'), 'input: expected an object, got text');
  assert.equal(faultOf({ ...VALID, canprotect: 'no' }), 'canprotect: unknown field');
  assert.equal(faultOf({ ...VALID, channel: undefined }), 'channel: required');
  assert.equal(faultOf({ ...VALID, consent: true }), 'consent: expected text, got a boolean');
  assert.equal(faultOf({ ...VALID, offence: '' }), 'offence: empty value');
  assert.equal(faultOf({ ...VALID, canProtect: null }), 'canProtect: required when danger is "grave-and-imminent"');
  assert.equal(faultOf({ ...VALID, items: [] }), 'items: empty (expected at least one category)');
  assert.equal(faultOf({ ...VALID, items: 'identity' }), 'items: expected a list of categories, got text');
  assert.equal(faultOf({ ...VALID, items: ['identity', ''] }), 'items[1]: empty category');
  assert.equal(faultOf({ ...VALID, items: ['identity', 3] }), 'items[1]: expected text, got a number');
  assert.equal(faultOf({ ...VALID, items: ['identity', 'piis', 'identity'] }), 'items[2]: repeated category');
});

test('an unknown field is reported before any other fault, then the fields in the order of the table', () => {
  assert.equal(faultOf({ items: [], knownToCpas: true }), 'knownToCpas: unknown field');
  const broken = Object.fromEntries(GUIDE_FIELDS.map((field) => [field, 42]));
  let remaining: Record<string, unknown> = { ...broken };
  for (const field of GUIDE_FIELDS) {
    assert.match(faultOf(remaining), new RegExp(`^${field}(\\[0\\])?: `), field);
    remaining = { ...remaining, [field]: (VALID as Record<string, unknown>)[field] };
  }
  // Written in reverse order, the first fault is still that of the table's first field.
  const reversed = Object.fromEntries(Object.entries({ ...VALID, counterpart: 'x', items: ['y'] }).reverse());
  assert.equal(faultOf(reversed), 'counterpart: unknown value');
});

test('endangered and canProtect: optional when there is no danger, still checked, then ignored', () => {
  const calm = { ...VALID, danger: 'none', endangered: undefined, canProtect: undefined };
  assert.equal(parseGuideInput(calm).endangered, undefined);
  assert.equal(parseGuideInput({ ...calm, endangered: null, canProtect: null }).canProtect, undefined);
  const ignored = parseGuideInput({ ...calm, endangered: 'minor', canProtect: 'alone' });
  assert.deepEqual([ignored.endangered, ignored.canProtect], [undefined, undefined]);
  assert.equal(faultOf({ ...calm, endangered: 'child' }), 'endangered: unknown value');
});

test('a value that is not an enumeration token, or a strange key, is never echoed', () => {
  const secret = 'Jeanne Dupont, née le 12/04/1988';
  for (const json of [{ ...VALID, counterpart: secret }, { ...VALID, items: [secret] }, { ...VALID, [secret]: 1 }]) {
    const message = faultOf(json);
    assert.ok(!message.includes('Jeanne') && !message.includes('1988'), message);
  }
  assert.equal(faultOf({ ...VALID, [secret]: 1 }), 'input: unknown field');
});

test('the configuration: an identifier and the one switch, nothing else', () => {
  assert.deepEqual(parseGuideConfig({ id: 'namur-2026-05' }), { id: 'namur-2026-05', externalSharedSecrecy: 'on' });
  assert.deepEqual(parseGuideConfig({ id: 'n', externalSharedSecrecy: 'off' }), { id: 'n', externalSharedSecrecy: 'off' });
  assert.throws(() => parseGuideConfig({ id: 'n', externalSharedSecrecy: 'no' }), /^GuideInputError: externalSharedSecrecy: unknown value$/);
  assert.throws(() => parseGuideConfig({ id: 'a b' }), /^GuideInputError: id: expected an identifier/);
  assert.throws(() => parseGuideConfig({ id: 'n', sealedRegister: 'on' }), /sealedRegister: unknown field/);
});
