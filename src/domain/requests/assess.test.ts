import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import {
  assessRequest,
  AUTHOR_ROLES,
  CHANNELS,
  DEFAULT_ASSESSMENT_CONFIG,
  RULES,
  type AssessmentConfig,
  type AssessmentInput,
} from './assess.ts';
import { AssessmentConfigError } from './assessment-config.ts';
import { DEFAULT_ITEM_TREATMENT, ITEM_CATEGORIES, type ItemCategory } from './items.ts';
import { NEW_BOOK_II_FROM, TITLE_IERTER_ARTICLES } from './offences.ts';
import { parseAssessmentInput } from './parse-request.ts';

interface Scenario {
  readonly name: string;
  readonly request: unknown;
  readonly expect: {
    readonly qualifies: boolean;
    readonly outcome: string;
    readonly items: Readonly<Record<string, string>>;
    readonly problems?: readonly string[];
  };
}
const readScenarios = (file: string) => JSON.parse(readFileSync(new URL(file, import.meta.url), 'utf8')) as Scenario[];
/** The contract's public scenarios, and ours for the two Codes pénal (offenceCode and written editions). */
const SCENARIOS = readScenarios('./scenarios.json');
const SCENARIOS_2024 = readScenarios('./scenarios-2024.json');

const VALID: AssessmentInput = {
  dated: '2025-03-03',
  received: '2025-03-05',
  channel: 'letter',
  author: { role: 'procureur-du-roi', office: 'Parquet de Namur' },
  reasoned: true,
  offences: ['140'],
  subjects: [{ niss: '85073003328' }],
  items: ['identity', 'household-composition', 'social-report'],
};
const assess = (changes: Partial<AssessmentInput>, config: AssessmentConfig = DEFAULT_ASSESSMENT_CONFIG) =>
  assessRequest({ ...VALID, ...changes }, config);
const codes = (changes: Partial<AssessmentInput>, config?: AssessmentConfig) =>
  assess(changes, config).problems.map((p) => p.code);

const WITHHELD_BY_LAW = ITEM_CATEGORIES.filter((c) => DEFAULT_ITEM_TREATMENT[c].decision === 'withhold');
const OPEN_TO_CONFIG = ITEM_CATEGORIES.filter((c) => DEFAULT_ITEM_TREATMENT[c].decision === 'legal-review');

test(`the ${SCENARIOS.length} public scenarios and the ${SCENARIOS_2024.length} of the two Codes pénal`, async (t) => {
  assert.equal(SCENARIOS.length, 12);
  for (const scenario of [...SCENARIOS, ...SCENARIOS_2024]) {
    await t.test(scenario.name, () => {
      const input = parseAssessmentInput(scenario.request);
      const answer = assessRequest(input, DEFAULT_ASSESSMENT_CONFIG);
      assert.equal(answer.qualifies, scenario.expect.qualifies);
      assert.equal(answer.outcome, scenario.expect.outcome);
      assert.deepEqual(
        answer.items.map((i) => i.item),
        input.items,
      );
      for (const entry of answer.items) assert.equal(entry.decision, scenario.expect.items[entry.item], entry.item);
      if (scenario.expect.problems) assert.deepEqual(answer.problems.map((p) => p.code), scenario.expect.problems);
    });
  }
});

test('a qualifying request is answered per category, under the secrecy of the measure', () => {
  const answer = assess({});
  assert.equal(answer.outcome, 'answer');
  assert.deepEqual(answer.problems, []);
  assert.deepEqual(
    answer.items.map((i) => [i.item, i.decision]),
    [
      ['identity', 'disclose'],
      ['household-composition', 'legal-review'],
      ['social-report', 'withhold'],
    ],
  );
  assert.match(answer.items[0]?.reason ?? '', /personnes nommées dans la demande/);
  assert.equal(answer.secrecyOfMeasure, true);
  assert.deepEqual(answer.signatories, ['directeur-general', 'president']);
  assert.deepEqual(answer.configuration, { id: 'default-2026-11', offenceCatalogue: 'cp-1867-livre2-titre1ter' });
  assert.deepEqual(answer.offences.map((o) => [o.article, o.code, o.terrorist]), [['140', '1867', true]]);
});

test('R1: only the procureur du Roi qualifies; every other non-judicial author is refused', () => {
  for (const role of ['police', 'intelligence-service', 'bourgmestre', 'social-inspection', 'immigration-office', 'other'] as const) {
    const answer = assess({ author: { role } });
    assert.equal(answer.outcome, 'refuse', role);
    assert.deepEqual(codes({ author: { role } }), ['author-not-authorised'], role);
  }
});

test('R2, R3: procureur fédéral, juge d\'instruction and courts go to legal review, even for a terrorist offence', () => {
  for (const role of ['procureur-federal', 'juge-instruction', 'court'] as const) {
    const answer = assess({ author: { role } });
    assert.equal(answer.outcome, 'legal-review', role);
    assert.equal(answer.items[0]?.ref.slice(0, 3), role === 'procureur-federal' ? 'R2:' : 'R3:');
  }
});

test('R4: an oral request is refused with the standard reply asking for a written, reasoned request', () => {
  for (const channel of ['phone', 'in-person'] as const) {
    const answer = assess({ channel });
    assert.equal(answer.outcome, 'refuse');
    const [problem] = answer.problems;
    assert.equal(problem?.code, 'not-written');
    assert.match(problem?.message ?? '', /demande écrite et motivée du procureur du Roi/);
  }
  for (const channel of ['letter', 'email', 'fax', 'secure-platform'] as const) assert.equal(assess({ channel }).outcome, 'answer');
});

test('R5, R7, R37: a request lacking reasons, items or a named person is returned for completion', () => {
  assert.deepEqual(codes({ reasoned: false }), ['not-reasoned']);
  assert.deepEqual(codes({ items: [] }), ['no-items']);
  assert.deepEqual(codes({ subjects: [] }), ['no-subject']);
  assert.deepEqual(codes({ subjects: undefined }), ['no-subject']);
  for (const changes of [{ reasoned: false }, { items: [] }, { subjects: [] }]) {
    assert.equal(assess(changes).outcome, 'return-for-completion');
  }
  assert.deepEqual(assess({ items: [] }).items, []);
});

test('R6: no terrorist offence, or only the articles of the title that define none, is refused', () => {
  assert.deepEqual(codes({ offences: ['505'] }), ['no-terrorist-offence']);
  assert.deepEqual(codes({ offences: [] }), ['no-terrorist-offence']);
  const onlySafeguards = assess({ offences: ['141bis', '141ter'] });
  assert.equal(onlySafeguards.outcome, 'refuse');
  assert.match(onlySafeguards.problems[0]?.message ?? '', /141bis et 141ter font partie du même titre/);
  // One terrorist article among others is enough, however it is written.
  assert.equal(assess({ offences: ['505', 'Art. 140 bis', '51'] }).outcome, 'answer');
  for (const article of TITLE_IERTER_ARTICLES) assert.equal(assess({ offences: [article] }).outcome, 'answer', article);
});

test('R38: requests dated before 1 September 2017 are refused', () => {
  assert.deepEqual(codes({ dated: '2017-08-31' }), ['before-entry-into-force']);
  assert.equal(assess({ dated: '2017-08-31' }).configuration.offenceCatalogue, null);
  assert.equal(assess({ dated: '2017-09-01' }).outcome, 'answer');
  assert.deepEqual(codes({ dated: '2016-01-01', offences: [] }), ['before-entry-into-force', 'no-terrorist-offence']);
});

test('all problems are reported, in precedence order; the first one decides', () => {
  // Oral and from the police: refused, whatever else is wrong.
  const phoned = assess({ channel: 'phone', author: { role: 'police' }, reasoned: false, items: [], offences: [] });
  assert.equal(phoned.outcome, 'refuse');
  assert.deepEqual(
    phoned.problems.map((p) => p.code),
    ['not-written', 'author-not-authorised', 'no-terrorist-offence', 'not-reasoned', 'no-items'],
  );
  // A juge d’instruction on the phone: the oral request is refused before any legal review.
  assert.equal(assess({ channel: 'phone', author: { role: 'juge-instruction' } }).outcome, 'refuse');
  // A juge d’instruction's written request: legal review comes before the 46bis/1 scope checks.
  const judge = assess({ author: { role: 'juge-instruction' }, offences: ['393'], reasoned: false });
  assert.equal(judge.outcome, 'legal-review');
  assert.deepEqual(
    judge.problems.map((p) => p.code),
    ['author-needs-legal-review', 'no-terrorist-offence', 'not-reasoned'],
  );
  assert.deepEqual(codes({ author: { role: 'court' }, dated: '2016-05-01' }), ['author-needs-legal-review', 'before-entry-into-force']);
  // Out of scope is refused even when it also lacks reasons: completing it would not bring it in.
  const drugs = assess({ offences: ['505'], reasoned: false, subjects: [] });
  assert.equal(drugs.outcome, 'refuse');
  assert.deepEqual(
    drugs.problems.map((p) => p.code),
    ['no-terrorist-offence', 'not-reasoned', 'no-subject'],
  );
  assert.ok(drugs.items.every((i) => i.decision === 'withhold' && i.ref.startsWith('R6:')));
});

test('R41: from the new Book II, a bare article number is ambiguous and goes to legal review', () => {
  assert.equal(assess({ dated: '2026-04-07' }).outcome, 'answer');
  const after = assess({ dated: '2026-04-08' });
  assert.equal(after.outcome, 'legal-review');
  assert.deepEqual(after.problems.map((p) => p.code), ['offence-reference-ambiguous']);
  assert.match(after.problems[0]?.message ?? '', /1867.*2024/);
  assert.deepEqual(after.offences, [{ reference: '140', article: '140', code: null, catalogue: null, terrorist: null }]);
  assert.equal(after.configuration.offenceCatalogue, null);
  assert.ok(after.items.every((i) => i.decision === 'withhold' && i.ref.startsWith('R41:')));
  // Any bare article, since the 2024 code gives the old numbers to other offences.
  assert.equal(assess({ dated: '2026-11-02', offences: ['505'] }).outcome, 'legal-review');
  // Naming no offence at all needs no catalogue.
  assert.equal(assess({ dated: '2026-11-02', offences: [] }).outcome, 'refuse');
  // Ambiguity before completion: completing the request would not settle the offence.
  assert.deepEqual(codes({ dated: '2026-11-02', reasoned: false }), ['offence-reference-ambiguous', 'not-reasoned']);
});

test('R41: a reference to the 1867 code is assessed on the 1867 catalogue whatever the date of the request', () => {
  for (const offences of [['140 (1867)'], ['art. 140 Sw. 1867']]) {
    const answer = assess({ dated: '2027-05-02', offences: offences.map((o) => (o.includes('Sw') ? '140 (1867)' : o)) });
    assert.equal(answer.outcome, 'answer');
    assert.equal(answer.configuration.offenceCatalogue, 'cp-1867-livre2-titre1ter');
  }
  const declared = assess({ dated: '2027-05-02', offenceCode: '1867' });
  assert.equal(declared.outcome, 'answer');
  assert.deepEqual(declared.offences[0], { reference: '140 (1867)', article: '140', code: '1867', catalogue: 'cp-1867-livre2-titre1ter', terrorist: true });
  const drugs = assess({ dated: '2027-05-02', offences: ['505 (1867)'] });
  assert.equal(drugs.outcome, 'refuse');
  assert.deepEqual(drugs.problems.map((p) => p.code), ['no-terrorist-offence']);
});

test('R39: a reference to the 2024 code goes to legal review until the legal service confirms the catalogue', () => {
  const unconfirmed = assess({ dated: '2026-11-02', offences: ['140 (2024)'] });
  assert.equal(unconfirmed.outcome, 'legal-review');
  assert.deepEqual(unconfirmed.problems.map((p) => p.code), ['offence-catalogue-unreviewed']);
  assert.equal(unconfirmed.configuration.offenceCatalogue, 'cp-2024-livre2-non-revu');
  // One terrorist 1867 reference is enough; a still-unknown 2024 one does not hold it back.
  assert.equal(assess({ dated: '2026-11-02', offences: ['400 (2024)', '140 (1867)'] }).outcome, 'answer');
});

test('R39: a confirmed 2024 catalogue decides references to the 2024 code, and the answer names it', () => {
  const config: AssessmentConfig = {
    ...DEFAULT_ASSESSMENT_CONFIG,
    id: 'namur-2026-05',
    offenceCatalogue: {
      newBookIIFrom: NEW_BOOK_II_FROM,
      newBookII: { id: 'namur-livre2-2026-05', articles: ['400', '401'], source: 'Service juridique, décision du 12/05/2026' },
    },
  };
  const answer = assess({ dated: '2026-11-02', offenceCode: '2024', offences: ['400'] }, config);
  assert.equal(answer.outcome, 'answer');
  assert.deepEqual(answer.configuration, { id: 'namur-2026-05', offenceCatalogue: 'namur-livre2-2026-05' });
  // 140 of the 2024 code is not one of the confirmed articles: refused, on the 2024 catalogue.
  const other = assess({ dated: '2026-11-02', offences: ['140 (2024)'] }, config);
  assert.equal(other.outcome, 'refuse');
  assert.match(other.problems[0]?.message ?? '', /Code pénal de 2024/);
  // A confirmed 2024 catalogue does not settle a bare number: still ambiguous.
  assert.equal(assess({ dated: '2026-11-02', offences: ['400'] }, config).outcome, 'legal-review');
  // Requests of the old period keep reading bare numbers in the 1867 code.
  assert.equal(assess({ dated: '2025-01-01', offences: ['137'] }, config).configuration.offenceCatalogue, 'cp-1867-livre2-titre1ter');
});

test('R39: the switch date is a reviewed parameter: earlier, or up to the reported postponement, never beyond', () => {
  const earlier = { ...DEFAULT_ASSESSMENT_CONFIG, offenceCatalogue: { newBookIIFrom: '2026-01-01', newBookII: null } };
  assert.equal(assess({ dated: '2026-02-01' }, earlier).outcome, 'legal-review');
  const postponed = { ...DEFAULT_ASSESSMENT_CONFIG, offenceCatalogue: { newBookIIFrom: '2026-09-01', newBookII: null } };
  assert.equal(assess({ dated: '2026-08-31' }, postponed).outcome, 'answer');
  assert.equal(assess({ dated: '2026-09-01' }, postponed).outcome, 'legal-review');
  const later = { ...DEFAULT_ASSESSMENT_CONFIG, offenceCatalogue: { newBookIIFrom: '2027-01-01', newBookII: null } };
  assert.throws(() => assess({}, later), { name: 'AssessmentConfigError', field: 'offenceCatalogue.newBookIIFrom' });
  const beforeTheLaw = { ...DEFAULT_ASSESSMENT_CONFIG, offenceCatalogue: { newBookIIFrom: '2017-09-01', newBookII: null } };
  assert.throws(() => assess({}, beforeTheLaw), AssessmentConfigError);
});

test('a configuration may decide household composition, and the answer says which configuration decided', () => {
  const config: AssessmentConfig = {
    ...DEFAULT_ASSESSMENT_CONFIG,
    id: 'namur-2026-05',
    itemOverrides: {
      'household-composition': {
        decision: 'disclose',
        reason: 'Le service juridique considère la composition du ménage comme un renseignement administratif.',
        ref: 'Service juridique, décision du 12/05/2026; droitsquotidiens.be',
      },
      'bcss-data': { decision: 'withhold', reason: 'Les données BCSS ne sont jamais transmises.', ref: 'Service juridique, 12/05/2026' },
    },
  };
  const answer = assess({ items: ['household-composition', 'bcss-data', 'payment-account'] }, config);
  assert.deepEqual(
    answer.items.map((i) => i.decision),
    ['disclose', 'withhold', 'legal-review'],
  );
  assert.equal(answer.configuration.id, 'namur-2026-05');
  assert.match(answer.items[0]?.reason ?? '', /configuration « namur-2026-05 »/);
  assert.match(answer.items[0]?.ref ?? '', /namur-2026-05/);
  // A decision of the configuration never applies to a request that does not qualify.
  assert.deepEqual(
    assess({ author: { role: 'police' }, items: ['household-composition'] }, config).items.map((i) => i.decision),
    ['withhold'],
  );
});

test('no configuration can make a secret disclosable, nor withhold what the law obliges the CPAS to give', () => {
  const override = { decision: 'disclose', reason: 'Pourquoi pas.', ref: 'Décision' } as const;
  for (const item of WITHHELD_BY_LAW) {
    const config = { ...DEFAULT_ASSESSMENT_CONFIG, itemOverrides: { [item]: override } };
    assert.throws(() => assess({}, config), (error: unknown) => {
      assert.ok(error instanceof AssessmentConfigError);
      assert.equal(error.field, `itemOverrides.${item}`);
      assert.match(error.message, /professional secrecy/);
      return true;
    });
  }
  const withholdIdentity = { ...DEFAULT_ASSESSMENT_CONFIG, itemOverrides: { identity: { ...override, decision: 'withhold' } } };
  assert.throws(() => assess({}, withholdIdentity as AssessmentConfig), { field: 'itemOverrides.identity' });
  const noReason = { ...DEFAULT_ASSESSMENT_CONFIG, itemOverrides: { 'household-composition': { ...override, reason: ' ' } } };
  assert.throws(() => assess({}, noReason), { field: 'itemOverrides.household-composition.reason' });
  const reviewAgain = { ...DEFAULT_ASSESSMENT_CONFIG, itemOverrides: { 'payment-account': { ...override, decision: 'legal-review' } } };
  assert.throws(() => assess({}, reviewAgain as unknown as AssessmentConfig), { field: 'itemOverrides.payment-account.decision' });
  assert.throws(() => assess({}, { ...DEFAULT_ASSESSMENT_CONFIG, id: '' }), { field: 'id' });
});

test('a duplicated item gets one entry per occurrence, with the same decision', () => {
  const answer = assess({ items: ['identity', 'social-report', 'identity'] });
  assert.deepEqual(
    answer.items.map((i) => [i.item, i.decision]),
    [
      ['identity', 'disclose'],
      ['social-report', 'withhold'],
      ['identity', 'disclose'],
    ],
  );
});

test('every rule cited in a ref is a rule of the model', () => {
  const known = new Set<string>(RULES.map((r) => r.id));
  const cited = ITEM_CATEGORIES.flatMap((c) => DEFAULT_ITEM_TREATMENT[c].ref.split(':')[0]?.split(', ') ?? []);
  for (const id of cited) assert.ok(known.has(id), id);
  assert.equal(known.size, RULES.length, 'rule ids are unique');
});

// ---- properties over any valid request and any valid configuration ----

const isoDate = fc
  .date({ min: new Date('2012-01-01T00:00:00Z'), max: new Date('2032-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
const article = fc.oneof(
  fc.constantFrom(...TITLE_IERTER_ARTICLES, '141bis', '141ter', 'Art. 140 bis', '137 §1', '140BIS'),
  fc.constantFrom('140 (1867)', '140bis (1867)', '505 (1867)', '140 (2024)', '400 (2024)'),
  fc.integer({ min: 1, max: 999 }).map(String),
);
/** Mostly `usual`, sometimes anything: so that a good share of the requests qualify. */
const mostly = <T>(usual: T, any: fc.Arbitrary<T>) => fc.oneof({ arbitrary: fc.constant(usual), weight: 3 }, { arbitrary: any, weight: 1 });
const request: fc.Arbitrary<AssessmentInput> = fc.record({
  dated: isoDate,
  channel: mostly('letter' as const, fc.constantFrom(...CHANNELS)),
  author: fc.record({ role: mostly('procureur-du-roi' as const, fc.constantFrom(...AUTHOR_ROLES)) }),
  reasoned: fc.boolean(),
  offenceCode: fc.option(fc.constantFrom('1867' as const, '2024' as const), { nil: undefined }),
  offences: fc.array(article, { maxLength: 4 }),
  subjects: fc.option(fc.array(fc.constant({ niss: '85073003328' }), { maxLength: 2 }), { nil: undefined }),
  items: fc.array(fc.constantFrom(...ITEM_CATEGORIES), { maxLength: 20 }),
});
const config: fc.Arbitrary<AssessmentConfig> = fc.record({
  id: fc.constantFrom('default-2026-11', 'namur-2026-05'),
  itemOverrides: fc
    .subarray(OPEN_TO_CONFIG)
    .chain((items) => fc.tuple(...items.map((item) => fc.constantFrom('disclose', 'withhold').map((decision) => [item, decision] as const))))
    .map((pairs) =>
      Object.fromEntries(pairs.map(([item, decision]) => [item, { decision, reason: 'Décision du service juridique.', ref: 'SJ 2026-05' }])),
    ),
  offenceCatalogue: fc.record({
    newBookIIFrom: fc.constantFrom('2020-01-01', '2026-01-01', '2026-04-08', '2026-09-01'),
    newBookII: fc.option(
      fc.record({ id: fc.constant('sj-livre2'), articles: fc.subarray([...TITLE_IERTER_ARTICLES], { minLength: 1 }), source: fc.constant('SJ') }),
      { nil: null },
    ),
  }),
});

const FRENCH = /\b(le|la|les|de|du|des|est|sont|rien|ne)\b/i;

test('property: nothing secret is ever disclosed, nothing at all unless the request qualifies', () => {
  let disclosed = 0;
  fc.assert(
    fc.property(request, config, (input, cfg) => {
      const answer = assessRequest(input, cfg);
      disclosed += answer.items.filter((i) => i.decision === 'disclose').length;
      assert.deepEqual(
        answer.items.map((i) => i.item),
        input.items,
        'one entry per requested item, in order',
      );
      for (const entry of answer.items) {
        if ((WITHHELD_BY_LAW as readonly ItemCategory[]).includes(entry.item)) assert.equal(entry.decision, 'withhold');
        if (answer.outcome !== 'answer') assert.equal(entry.decision, 'withhold');
        assert.match(entry.reason, FRENCH);
        assert.ok(entry.ref.trim().length > 0);
      }
      assert.equal(answer.qualifies, answer.outcome === 'answer');
      assert.equal(answer.qualifies, answer.problems.length === 0);
      assert.equal(answer.secrecyOfMeasure, answer.qualifies);
      // Answered only on an offence some reviewed catalogue names; an ambiguous reference never answers alone.
      if (answer.qualifies) assert.ok(answer.offences.some((o) => o.terrorist === true && o.code !== null));
      if (answer.outcome === 'refuse' && answer.problems[0]?.code === 'no-terrorist-offence') {
        assert.ok(answer.offences.every((o) => o.terrorist === false), 'never refused while an offence is unknown');
      }
      assert.ok(!answer.signatories.some((s) => (s as string) === 'social-worker'));
      for (const problem of answer.problems) assert.match(problem.message, FRENCH);
      assert.deepEqual(assessRequest(input, cfg), answer, 'same input, same answer');
    }),
    { numRuns: 2000 },
  );
  assert.ok(disclosed > 100, `the generator must also produce qualifying requests (${disclosed} items disclosed)`);
});
