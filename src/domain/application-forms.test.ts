// The declared facts of every kind of application: labelled in the three languages, and validated
// by the API's schema by their type, so the form, the API and the file page agree on every field.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { APPLICATION_KINDS, DECLARATION_FIELDS, type DeclarationKey, FIELDS_OF_KIND } from './application-forms.ts';
import { applicationInput } from './schemas.ts';

const LANGS = ['fr', 'nl', 'de'] as const;
const SAMPLE = { money: 1250.5, count: 3, 'yes-no': true, text: 'location privée' } as const;
const base = (kind: string) => ({ kind, submittedOn: '2026-11-02', channel: 'desk' });

test('every field of every kind has a French, Dutch and German label, none a raw key, all distinct within a kind', () => {
  for (const kind of APPLICATION_KINDS) {
    for (const lang of LANGS) {
      const labels = FIELDS_OF_KIND[kind].map((key) => DECLARATION_FIELDS[key].label[lang]);
      for (const [i, label] of labels.entries()) {
        assert.ok(label.trim().length > 2, `${kind} ${FIELDS_OF_KIND[kind][i]} ${lang}`);
        assert.doesNotMatch(label, /[a-z][A-Z]/, `${label}: no camelCase key as label`);
      }
      assert.equal(new Set(labels).size, labels.length, `${kind} ${lang}: two fields with one label`);
    }
  }
  const used = new Set(APPLICATION_KINDS.flatMap((kind) => FIELDS_OF_KIND[kind]));
  assert.deepEqual([...Object.keys(DECLARATION_FIELDS)].filter((key) => !used.has(key as DeclarationKey)), [], 'every field belongs to some kind');
});

test('each kind accepts its own fields with their types and nothing else', () => {
  for (const kind of APPLICATION_KINDS) {
    const own = FIELDS_OF_KIND[kind];
    const communicated = Object.fromEntries(own.map((key) => [key, SAMPLE[DECLARATION_FIELDS[key].type]]));
    assert.deepEqual(applicationInput.parse({ ...base(kind), communicated }).communicated, communicated, kind);
    assert.ok(applicationInput.safeParse({ ...base(kind), communicated: {} }).success, `${kind}: nothing declared is allowed`);
    const foreign = (Object.keys(DECLARATION_FIELDS) as DeclarationKey[]).find((key) => !own.includes(key))!;
    assert.equal(applicationInput.safeParse({ ...base(kind), communicated: { [foreign]: SAMPLE[DECLARATION_FIELDS[foreign].type] } }).success, false, `${kind} refuses ${foreign}`);
    for (const key of own) {
      const type = DECLARATION_FIELDS[key].type;
      const wrong = type === 'text' ? 42 : type === 'yes-no' ? 'oui' : 'mille';
      const result = applicationInput.safeParse({ ...base(kind), communicated: { [key]: wrong } });
      assert.equal(result.success, false, `${kind} ${key} refuses ${String(wrong)}`);
      assert.deepEqual(result.error!.issues[0]!.path, ['communicated', key], 'the issue names the field');
    }
  }
});

test('amounts are euros with at most two decimals, counts whole and not negative, a household at least one person', () => {
  const ri = (communicated: Record<string, unknown>) => applicationInput.safeParse({ ...base('revenu-integration'), communicated }).success;
  assert.ok(ri({ declaredMonthlyIncome: 0 }));
  assert.ok(ri({ declaredMonthlyIncome: 1234.56 }));
  assert.equal(ri({ declaredMonthlyIncome: 12.345 }), false);
  assert.equal(ri({ declaredMonthlyIncome: -1 }), false);
  assert.equal(ri({ householdSize: 0 }), false);
  assert.equal(ri({ householdSize: 2.5 }), false);
  assert.ok(ri({ householdSize: 1, availableForWork: false, housing: null }));
  assert.equal(applicationInput.safeParse({ ...base('leefloon'), communicated: {} }).success, false, 'an unknown kind');
});
