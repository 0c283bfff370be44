import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { AssessmentConfigError } from './assessment-config.ts';
import { parseAssessmentConfig, parseAssessmentInput, RequestInputError } from './parse-request.ts';

const VALID = {
  dated: '2025-03-03',
  received: '2025-03-05',
  channel: 'letter',
  author: { role: 'procureur-du-roi', name: 'Substitut Dupont', office: 'Parquet de Namur' },
  reasoned: true,
  offences: ['Art. 140 bis', '137 §1'],
  subjects: [{ niss: '85.07.30-033.28', name: 'Jeanne Secret', birthDate: '1985-07-30' }],
  items: ['domicile-address', 'known-addresses'],
};

/** The error a bad request gets: its class, the field it names, its one line. */
function rejection(json: unknown): RequestInputError {
  try {
    parseAssessmentInput(json);
  } catch (error) {
    assert.ok(error instanceof RequestInputError, String(error));
    assert.equal(error.code, 'invalid-input');
    assert.ok(!error.message.includes('\n'), 'one line');
    assert.ok(error.message.startsWith(`${error.field}: `), error.message);
    return error;
  }
  assert.fail('expected a RequestInputError');
}
const withField = (key: string, value: unknown) => ({ ...VALID, [key]: value });
const without = (key: string) => Object.fromEntries(Object.entries(VALID).filter(([k]) => k !== key));

test('a valid request is read, article numbers and national numbers normalised', () => {
  assert.deepEqual(parseAssessmentInput(VALID), {
    ...VALID,
    offences: ['140bis', '137'],
    subjects: [{ niss: '85073003328', name: 'Jeanne Secret', birthDate: '1985-07-30' }],
  });
  const minimal = parseAssessmentInput(without('received'));
  assert.equal('received' in minimal, false, 'absent optional fields stay absent');
  assert.equal('subjects' in parseAssessmentInput(without('subjects')), false);
});

test('a missing required field is named', () => {
  for (const key of ['dated', 'channel', 'author', 'reasoned', 'offences', 'items']) {
    const error = rejection(without(key));
    assert.equal(error.field, key);
    assert.match(error.message, new RegExp(`^${key}: missing \\(expected .+\\)$`));
  }
  assert.equal(rejection(withField('author', { name: 'X' })).field, 'author.role');
});

test('a value outside an enumeration is named with the expected values', () => {
  assert.equal(
    rejection(withField('items', ['identity', 'social-reports'])).message,
    'items[1]: the text is not an item category (expected one of identity, domicile-address, known-addresses, application-data, aid-decisions, household-composition, payment-account, contact-details, bcss-data, decision-motivation, social-report, social-notes, medical-data, piis, opinions)',
  );
  assert.equal(
    rejection(withField('channel', 'telephone')).message,
    'channel: the text is not a channel (expected one of letter, email, fax, secure-platform, phone, in-person)',
  );
  const role = rejection(withField('author', { role: 'prosecutor' }));
  assert.equal(role.field, 'author.role');
  assert.match(role.message, /^author\.role: the text is not an author role \(expected one of procureur-du-roi, /);
});

test('a date must be a real calendar date in the form YYYY-MM-DD', () => {
  assert.equal(rejection(withField('dated', '2025-02-30')).message, 'dated: the text is not a real calendar date (expected YYYY-MM-DD)');
  assert.equal(rejection(withField('dated', '2023-02-29')).field, 'dated');
  assert.equal(parseAssessmentInput(withField('dated', '2024-02-29')).dated, '2024-02-29');
  assert.equal(rejection(withField('dated', '03/02/2025')).message, 'dated: the text is not a date in the form YYYY-MM-DD');
  assert.equal(rejection(withField('dated', '2025-03-02T10:00:00Z')).field, 'dated');
  assert.equal(rejection(withField('received', '2025-13-01')).field, 'received');
  assert.equal(rejection(withField('dated', 20250302)).message, 'dated: a number is not a date (expected YYYY-MM-DD)');
});

test('a value of the wrong type is named', () => {
  assert.equal(rejection(withField('reasoned', 'yes')).message, 'reasoned: the text is not true or false');
  assert.equal(rejection(withField('reasoned', null)).field, 'reasoned');
  assert.match(rejection(withField('offences', '140')).message, /^offences: the text is not a list/);
  assert.match(rejection(withField('items', { identity: true })).message, /^items: an object is not a list/);
  assert.match(rejection(withField('offences', [140])).message, /^offences\[0\]: is a number \(write the article as text, such as "140"\)$/);
  assert.match(rejection(withField('author', 'procureur-du-roi')).message, /^author: text is not an object/);
  assert.match(rejection(withField('subjects', { niss: '85073003328' })).message, /^subjects: an object is not a list/);
  assert.match(rejection([VALID]).message, /^request: a list is not an object/);
  assert.match(rejection(null).message, /^request: null is not an object/);
});

test('an offence that is not an article number is named', () => {
  assert.equal(
    rejection(withField('offences', ['140', 'radicalisation'])).message,
    'offences[1]: the text is not an article of the Code pénal (expected one article, such as "140", "140bis", "137 §1", "art. 140 Sw. 1867" or "art. 140 CP 2024")',
  );
});

test('offenceCode and written editions: read into the canonical references, contradictions rejected', () => {
  const parsed = parseAssessmentInput({ ...VALID, offenceCode: '1867', offences: ['140', 'art. 140bis Sw. 1867'] });
  assert.equal(parsed.offenceCode, '1867');
  assert.deepEqual(parsed.offences, ['140 (1867)', '140bis (1867)']);
  assert.deepEqual(parseAssessmentInput({ ...VALID, offences: ['art. 140 C. pén. (1867)', 'art. 400 CP 2024', '137'] }).offences, [
    '140 (1867)',
    '400 (2024)',
    '137',
  ]);
  assert.equal(
    rejection({ ...VALID, offenceCode: '1900' }).message,
    'offenceCode: the text is not an edition of the Code pénal (expected one of 1867, 2024)',
  );
  assert.equal(rejection({ ...VALID, offenceCode: 1867 }).field, 'offenceCode');
  assert.equal(
    rejection({ ...VALID, offenceCode: '1867', offences: ['140', 'art. 140 CP 2024'] }).message,
    'offences[1]: cites the Code pénal of 2024 while offenceCode is 1867',
  );
  // offenceCode is read before offences: its fault comes first.
  assert.equal(rejection({ ...VALID, offenceCode: 'x', offences: ['radicalisation'] }).field, 'offenceCode');
});

test('unknown fields are rejected rather than ignored', () => {
  assert.equal(
    rejection({ ...VALID, item: ['identity'] }).message,
    'item: unknown field (expected one of dated, received, channel, author, reasoned, offenceCode, offences, subjects, items)',
  );
  assert.equal(rejection(withField('author', { role: 'police', phone: '0470' })).field, 'author.phone');
  assert.equal(rejection(withField('subjects', [{ niss: '85073003328', nom: 'X' }])).field, 'subjects[0].nom');
  // A key that is not a field name may be data: its object is named instead of repeating it.
  assert.equal(rejection({ ...VALID, 'a b': 1 }).field, 'request');
});

test('a person must be identifiable, by a valid national number or a name', () => {
  assert.equal(rejection(withField('subjects', [{}])).message, 'subjects[0]: names nobody (expected a niss or a name)');
  assert.equal(rejection(withField('subjects', [{ birthDate: '1985-07-30' }])).field, 'subjects[0]');
  assert.equal(
    rejection(withField('subjects', [{ niss: '85073003329' }])).message,
    'subjects[0].niss: not a valid national number (check digits do not match; expected 11 digits)',
  );
  assert.equal(parseAssessmentInput(withField('subjects', [])).subjects?.length, 0);
});

test('free text and personal data are never shown back', () => {
  const secrets = [
    withField('subjects', [{ niss: '8507300332', name: 'Jeanne Secret' }]),
    withField('subjects', [{ name: 'Jeanne Secret', birthDate: '1985-02-30' }]),
    withField('subjects', [{ name: '' }]),
    withField('author', { role: 'procureur-du-roi', name: '' }),
  ];
  for (const json of secrets) {
    const error = rejection(json);
    for (const secret of ['Jeanne', '8507300332', '1985-02-30']) assert.ok(!error.message.includes(secret), error.message);
  }
  assert.match(rejection(withField('author', { role: 'police', name: 42 })).message, /^author\.name: expected non-empty text .*got a number$/);
});

test('an offending value is never shown back, however long or short', () => {
  for (const value of [`radicalisation de ${'x'.repeat(500)}`, 'Jeanne Secret', 'Diagnostic F32']) {
    for (const [field, json] of [['offences', [value]], ['items', [value]], ['channel', value], ['dated', value], ['reasoned', value]] as const) {
      const error = rejection(withField(field, json));
      assert.ok(!error.message.includes(value.slice(0, 12)), error.message);
    }
  }
});

test('property: any JSON gets an assessment input or a one-line RequestInputError naming a field', () => {
  const mutated = fc
    .tuple(fc.constantFrom(...Object.keys(VALID), 'author', 'extra'), fc.jsonValue())
    .map(([key, value]) => ({ ...VALID, [key]: value }));
  fc.assert(
    fc.property(fc.oneof(fc.jsonValue(), mutated), (json) => {
      try {
        parseAssessmentInput(json);
      } catch (error) {
        assert.ok(error instanceof RequestInputError, String(error));
        assert.ok(!error.message.includes('\n'));
        assert.ok(error.message.startsWith(`${error.field}: `));
      }
    }),
    { numRuns: 1000 },
  );
});

test('a configuration file is read strictly, then checked for safety', () => {
  const config = parseAssessmentConfig({
    id: 'namur-2026-05',
    itemOverrides: { 'household-composition': { decision: 'disclose', reason: 'Décision du service juridique.', ref: 'SJ 12/05/2026' } },
    offenceCatalogue: { newBookIIFrom: '2026-04-09', newBookII: { id: 'sj-livre2', articles: ['140 bis'], source: 'SJ 12/05/2026' } },
  });
  assert.equal(config.itemOverrides['household-composition']?.decision, 'disclose');
  assert.deepEqual(config.offenceCatalogue.newBookII?.articles, ['140bis']);
  assert.equal(parseAssessmentConfig({ id: 'x' }).offenceCatalogue.newBookII, null, 'absent parts keep the default');

  assert.throws(() => parseAssessmentConfig({ id: 'x', itemOverrides: { 'social-reports': {} } }), {
    name: 'RequestInputError',
    field: 'itemOverrides.social-reports',
  });
  assert.throws(() => parseAssessmentConfig({ id: 'x', itemOverrides: { 'household-composition': { decision: 'maybe', reason: 'r', ref: 'r' } } }), {
    field: 'itemOverrides.household-composition.decision',
  });
  assert.throws(
    () => parseAssessmentConfig({ id: 'x', itemOverrides: { 'social-report': { decision: 'disclose', reason: 'r', ref: 'r' } } }),
    (error: unknown) => error instanceof AssessmentConfigError && error.field === 'itemOverrides.social-report',
  );
  assert.throws(() => parseAssessmentConfig({ id: 'x', offenceCatalogue: { newBookIIFrom: '2026-02-30' } }), {
    field: 'offenceCatalogue.newBookIIFrom',
  });
});
