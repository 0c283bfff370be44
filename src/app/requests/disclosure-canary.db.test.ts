// Property: whatever a request asks for, and whatever the legal service decided on the open
// categories, nothing secret leaves. Each generated person has a unique canary in every secret
// field (social report situation and assessment, case note, medical document, PIIS objectives and
// evaluation, a secret attachment's name and content); neither the signed content nor the text of
// the PDF letter (as pdftotext reads it) may contain any canary, nor anything of a person the
// request did not name.
import { addDays, todayIn } from '../../domain/calendar-date.ts';
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { ITEM_CATEGORIES, DEFAULT_ITEM_TREATMENT, type ItemCategory } from '../../domain/requests/items.ts';
import { addTestCpas, testContext, type TestCpas } from '../../testing/fixtures.ts';
import { pdfTestSkip, pdfText } from '../../testing/pdf-text.ts';
import { configureConfirmed, prosecutorRequest, REGISTER_NOW, seedPersonFile, type SeededPerson } from '../../testing/requests.ts';
import { createTestDatabase, type TestDatabase } from '../../testing/test-database.ts';
import type { AppContext } from '../context.ts';
import { assessRecordedRequest } from './assess-request.ts';
import { delegateRegister } from './delegate-register.ts';
import { matchSubject } from './match-subject.ts';
import { prepareDisclosure } from './prepare-disclosure.ts';
import { readDisclosure } from './read-disclosure.ts';
import { readRequest } from './read-request.ts';
import { recordRequest } from './record-request.ts';
import { refuseRequest } from './refuse-request.ts';
import { renderRequestLetter } from './render-letter.ts';
import { returnRequest } from './return-request.ts';
import { signDisclosure } from './sign-disclosure.ts';

let t: TestDatabase;
let ctx: AppContext;
let namur: TestCpas;
let bystander: SeededPerson;
const everyCanary: string[] = [];

before(async () => {
  t = await createTestDatabase();
  ctx = testContext(t.db, REGISTER_NOW);
  namur = await addTestCpas(t.db, 'namur');
  await delegateRegister(ctx, namur.actors['directeur-general'], { userId: namur.actors['administrative-agent'].userId, grant: true, validUntil: addDays(todayIn(ctx.now), 90) });
  // A person no request names: nothing of theirs may appear anywhere (R37).
  bystander = await seedPersonFile(ctx, namur, { familyName: 'Bystanderovna', canary: 'CANARY-bystander' });
  everyCanary.push(...bystander.canaries, bystander.familyName, bystander.niss);
});
after(() => t.drop());

const OPEN = ITEM_CATEGORIES.filter((c) => DEFAULT_ITEM_TREATMENT[c].decision === 'legal-review');
const FAMILY_NAMES = ['Dubois', 'Peeters', 'Janssens', 'Müller', "D'Hondt", 'Öztürk', 'Lefèvre', 'Van den Broeck'];

const scenario = fc.record({
  items: fc.subarray([...ITEM_CATEGORIES] as ItemCategory[]),
  decisions: fc.record(Object.fromEntries(OPEN.map((c) => [c, fc.constantFrom('disclose' as const, 'withhold' as const)]))) as fc.Arbitrary<Record<string, 'disclose' | 'withhold'>>,
  familyName: fc.constantFrom(...FAMILY_NAMES),
  persons: fc.integer({ min: 1, max: 2 }),
  unknownPerson: fc.boolean(),
  author: fc.constantFrom('procureur-du-roi', 'procureur-du-roi', 'procureur-du-roi', 'police') as fc.Arbitrary<'procureur-du-roi' | 'police'>,
});

let run = 0;

test('property: no canary and no unnamed person in any disclosure or letter, whatever is asked', { skip: pdfTestSkip() }, async () => {
  const dg = namur.actors['directeur-general'];
  const agent = namur.actors['administrative-agent'];
  await fc.assert(
    fc.asyncProperty(scenario, async (s) => {
      run += 1;
      const persons: SeededPerson[] = [];
      for (let i = 0; i < s.persons; i++) {
        const person = await seedPersonFile(ctx, namur, { familyName: `${s.familyName} ${run}-${i}`, canary: `CANARY-${run}-${i}-${Math.random().toString(36).slice(2, 8)}` });
        persons.push(person);
        everyCanary.push(...person.canaries);
      }
      await configureConfirmed(ctx, namur.actors.president, dg, {
        answerDelayDays: 15,
        config: {
          id: `prop-${run}`,
          itemOverrides: Object.fromEntries(Object.entries(s.decisions).map(([c, decision]) => [c, { decision, reason: `Décision ${decision}.`, ref: `Service juridique, essai ${run}` }])),
        },
      });
      const niss = persons.map((p) => p.niss);
      const request = prosecutorRequest(niss, s.items, { author: { role: s.author } });
      const subjects = [...(request.subjects ?? []), ...(s.unknownPerson ? [{ name: 'Inconnu Totalement', birthDate: '1990-01-01' }] : [])];
      const { requestId } = await recordRequest(ctx, dg, { request: { ...request, subjects }, reference: `PROP-${run}` });
      for (const [i, p] of persons.entries()) await matchSubject(ctx, dg, { requestId, position: i + 1, personId: p.personId });
      if (s.unknownPerson) await matchSubject(ctx, dg, { requestId, position: persons.length + 1, personId: null });
      const { state, assessment } = await assessRecordedRequest(ctx, dg, { requestId });

      if (assessment.outcome === 'answer') {
        assert.equal(state, 'assessed', 'every open category was decided by the configuration');
        const draft = await prepareDisclosure(ctx, agent, { requestId });
        await signDisclosure(ctx, dg, { requestId, sha256: draft.sha256 });
        // What was disclosed is exactly the intersection of what was asked and what may go.
        const allowed = s.items.filter((c) => DEFAULT_ITEM_TREATMENT[c].decision === 'disclose' || s.decisions[c] === 'disclose');
        assert.deepEqual(draft.disclosed.map((i) => i.item), allowed);
      } else if (assessment.outcome === 'refuse') {
        await refuseRequest(ctx, dg, { requestId });
      } else {
        assert.equal(assessment.outcome, 'return-for-completion');
        await returnRequest(ctx, dg, { requestId });
      }
      const content = JSON.stringify((await readDisclosure(ctx, dg, { requestId })).content);
      const letter = await renderRequestLetter(ctx, dg, { requestId });
      assert.equal(letter.signed, true);
      const text = pdfText(letter.pdf);
      assert.ok(text.includes(`PROP-${run}`), 'the PDF text was extracted');
      for (const canary of everyCanary) {
        assert.ok(!content.includes(canary), `content leaks ${canary}`);
        assert.ok(!text.includes(canary), `PDF leaks ${canary}`);
      }
      assert.ok(!text.includes('CANARY') && !content.includes('CANARY'));
      assert.equal((await readRequest(ctx, dg, { requestId })).letter?.signedBy, dg.userId);
    }),
    { numRuns: 20 },
  );
});
