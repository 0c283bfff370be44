// Figures for the register of authority requests, one run on one engine:
//   (a) pure assessments per second (assessRequest over the contract's scenarios, no I/O);
//   (b) preparing an answer: the logged check, the projection as confiance_disclosure, the stored draft;
//   (c) rendering the response letter as PDF (DejaVu embedded), alone and through the logged use case;
//   (d) the whole path from a recorded request to a signed letter's PDF.
// Usage: npx tsx bench/requests.ts [--engine pglite|postgres] [--assessments 200000] [--letters 30]
// PostgreSQL: TEST_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/test); a scratch database is created and dropped.
import { readFileSync } from 'node:fs';
import { assessRecordedRequest } from '../src/app/requests/assess-request.ts';
import { matchSubject } from '../src/app/requests/match-subject.ts';
import { prepareDisclosure } from '../src/app/requests/prepare-disclosure.ts';
import { recordRequest } from '../src/app/requests/record-request.ts';
import { renderRequestLetter } from '../src/app/requests/render-letter.ts';
import { signDisclosure } from '../src/app/requests/sign-disclosure.ts';
import { readDisclosure } from '../src/app/requests/read-disclosure.ts';
import { renderResponseLetter } from '../src/adapters/pdf/response-letter.ts';
import { assessRequest, DEFAULT_ASSESSMENT_CONFIG, type AssessmentInput } from '../src/domain/requests/assess.ts';
import { parseAssessmentInput } from '../src/domain/requests/parse-request.ts';
import { benchOptions, count, engineOption } from './options.ts';

const { values: options } = benchOptions(
  'npx tsx bench/requests.ts [--engine pglite|postgres] [--assessments 200000] [--letters 30]',
  { engine: 'pglite', assessments: '200000', letters: '30' },
);
const engine = engineOption(options.engine);
process.env.CONFIANCE_TEST_ENGINE = engine;
const ASSESSMENTS = count('assessments', options.assessments);
const LETTERS = count('letters', options.letters);

// Loaded after the engine is chosen: the test database module reads it.
const { addTestCpas, testContext } = await import('../src/testing/fixtures.ts');
const { createTestDatabase } = await import('../src/testing/test-database.ts');
const { prosecutorRequest, REGISTER_NOW, seedPersonFile } = await import('../src/testing/requests.ts');

function stats(samples: number[] & { cpuMs?: number }): string {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  const where = engine === 'pglite' ? 'Node and PGlite' : 'Node only, not the server';
  const cpu = samples.cpuMs === undefined ? '' : `, CPU ${samples.cpuMs.toFixed(1)} ms each (${where})`;
  return `median ${at(0.5).toFixed(1)} ms, p95 ${at(0.95).toFixed(1)} ms (n=${samples.length})${cpu}`;
}

/** Wall-clock samples; the mean CPU time of this process is attached (other load on the machine does not count in it). */
async function timed(n: number, run: () => Promise<unknown>): Promise<number[] & { cpuMs?: number }> {
  const samples: number[] & { cpuMs?: number } = [];
  const cpu = process.cpuUsage();
  for (let i = 0; i < n; i++) {
    const start = performance.now();
    await run();
    samples.push(performance.now() - start);
  }
  const used = process.cpuUsage(cpu);
  samples.cpuMs = (used.user + used.system) / 1000 / n;
  return samples;
}

// (a) Pure assessments.
const scenarios = (JSON.parse(readFileSync(new URL('../src/domain/requests/scenarios.json', import.meta.url), 'utf8')) as { request: unknown }[])
  .map((s) => parseAssessmentInput(s.request) as AssessmentInput);
for (let i = 0; i < 10_000; i++) assessRequest(scenarios[i % scenarios.length]!, DEFAULT_ASSESSMENT_CONFIG);
const assessStart = performance.now();
for (let i = 0; i < ASSESSMENTS; i++) assessRequest(scenarios[i % scenarios.length]!, DEFAULT_ASSESSMENT_CONFIG);
const assessSeconds = (performance.now() - assessStart) / 1000;
console.log(`(a) assessRequest: ${Math.round(ASSESSMENTS / assessSeconds).toLocaleString('en')} assessments/s (${ASSESSMENTS} over ${scenarios.length} scenarios, ${(1e6 * assessSeconds / ASSESSMENTS).toFixed(1)} µs each)`);

// A CPAS, a full file, and a request ready to be answered.
const t = await createTestDatabase();
try {
  const ctx = testContext(t.db, REGISTER_NOW);
  const cpas = await addTestCpas(t.db, 'bench');
  const person = await seedPersonFile(ctx, cpas);
  const dg = cpas.actors['directeur-general'];
  const president = cpas.actors.president;
  const items = ['identity', 'domicile-address', 'known-addresses', 'application-data', 'aid-decisions', 'social-report', 'medical-data'] as const;
  const { requestId } = await recordRequest(ctx, dg, { request: prosecutorRequest([person.niss], items), reference: 'BENCH-1' });
  await matchSubject(ctx, dg, { requestId, position: 1, personId: person.personId });
  await assessRecordedRequest(ctx, dg, { requestId });

  // (b) Preparing (a draft may be prepared again until it is signed).
  await prepareDisclosure(ctx, president, { requestId });
  console.log(`(b) prepareDisclosure (${items.length} items, 1 person, ${engine}): ${stats(await timed(LETTERS, () => prepareDisclosure(ctx, president, { requestId })))}`);

  // (c) Rendering.
  const view = await readDisclosure(ctx, dg, { requestId });
  const letter = { content: view.content, sha256: view.sha256, signature: { name: 'Directrice', role: 'directeur-general' as const, title: 'Directrice générale', signedAt: REGISTER_NOW() }, date: REGISTER_NOW() };
  await renderResponseLetter(letter);
  const pdfSamples = await timed(LETTERS, () => renderResponseLetter(letter));
  const size = (await renderResponseLetter(letter)).length;
  console.log(`(c) renderResponseLetter (PDF only, ${Math.round(size / 1024)} KiB): ${stats(pdfSamples)}`);
  console.log(`    renderRequestLetter (logged use case + PDF): ${stats(await timed(LETTERS, () => renderRequestLetter(ctx, dg, { requestId })))}`);

  // (d) From a recorded request to the signed letter's PDF.
  const whole = await timed(Math.max(5, Math.floor(LETTERS / 3)), async () => {
    const { requestId: id } = await recordRequest(ctx, dg, { request: prosecutorRequest([person.niss], items), reference: 'BENCH-2' });
    await matchSubject(ctx, dg, { requestId: id, position: 1, personId: person.personId });
    await assessRecordedRequest(ctx, dg, { requestId: id });
    const draft = await prepareDisclosure(ctx, president, { requestId: id });
    await signDisclosure(ctx, dg, { requestId: id, sha256: draft.sha256 });
    await renderRequestLetter(ctx, dg, { requestId: id });
  });
  console.log(`(d) record + match + assess + prepare + sign + PDF: ${stats(whole)}`);
} finally {
  await t.drop();
}
