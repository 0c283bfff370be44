// Secrecy of the measure (art. 46bis/1 §2 CIC; R20, R21): once a request has been answered, nothing
// the person concerned can obtain shows a trace of it: not their file as any member of staff opens
// it, not the file as exported for the person, not the list of who consulted it. The register's
// tables are not part of the file at all; the accesses made to answer carry purpose
// 'authority-request', which the person's access history leaves out.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { REGISTER_TABLES } from '../../domain/data-classes-requests.ts';
import type { TestCpas } from '../../testing/fixtures.ts';
import { prosecutorRequest, openRegisterWorld, type SeededPerson } from '../../testing/requests.ts';
import type { TestDatabase } from '../../testing/test-database.ts';
import type { AppContext } from '../context.ts';
import { exportPerson } from '../export-person.ts';
import { openPersonFile } from '../open-person-file.ts';
import { personAccessHistory } from '../person-access-history.ts';
import { assessRecordedRequest } from './assess-request.ts';
import { findSubjectCandidates } from './find-subject-candidates.ts';
import { markSent } from './mark-sent.ts';
import { matchSubject } from './match-subject.ts';
import { prepareDisclosure } from './prepare-disclosure.ts';
import { recordRequest } from './record-request.ts';
import { renderRequestLetter } from './render-letter.ts';
import { signDisclosure } from './sign-disclosure.ts';

let t: TestDatabase;
let ctx: AppContext;
let namur: TestCpas;
let person: SeededPerson;
let requestId = '';
const REFERENCE = 'NA.99.SECRET.4646/26';
const AUTHOR = 'Substitut Mystérieux';
const OFFICE = 'Parquet de Namur, section terrorisme';

before(async () => {
  ({ t, ctx, namur, person } = await openRegisterWorld());
  const dg = namur.actors['directeur-general'];
  ({ requestId } = await recordRequest(ctx, namur.actors['social-worker'], {
    request: prosecutorRequest([person.niss], ['identity', 'domicile-address', 'aid-decisions', 'application-data'], { author: { role: 'procureur-du-roi', name: AUTHOR, office: OFFICE } }),
    reference: REFERENCE,
    reasonsText: 'Soupçon de participation aux activités d\'un groupe terroriste.',
    letter: { fileName: 'requisitoire-46bis.pdf', mediaType: 'application/pdf', content: Buffer.from('scan') },
  }));
  await findSubjectCandidates(ctx, dg, { requestId, position: 1 });
  await matchSubject(ctx, dg, { requestId, position: 1, personId: person.personId });
  await assessRecordedRequest(ctx, dg, { requestId });
  const draft = await prepareDisclosure(ctx, dg, { requestId });
  await renderRequestLetter(ctx, dg, { requestId });
  await signDisclosure(ctx, namur.actors.president, { requestId, sha256: draft.sha256 });
  await markSent(ctx, dg, { requestId });
});
after(() => t.drop());

const TRACES = () => [REFERENCE, AUTHOR, OFFICE, requestId, 'authority-request', '46bis', 'requisitoire', 'terroris', 'procureur'];

function assertNoTrace(what: string, value: unknown): void {
  const text = JSON.stringify(value);
  for (const trace of TRACES()) assert.ok(!text.toLowerCase().includes(trace.toLowerCase()), `${what} shows "${trace}"`);
}

test('the file, as every member of staff who may open it sees it, shows no trace of the request', async () => {
  const views = [
    ['assigned social worker', namur.actors['social-worker'], 'case-follow-up'],
    ['head of social service', namur.actors['head-of-social-service'], 'supervision'],
    ['administrative agent', namur.actors['administrative-agent'], 'administrative-processing'],
    ['directeur général', namur.actors['directeur-general'], 'administrative-processing'],
  ] as const;
  for (const [who, actor, purpose] of views) {
    const file = await openPersonFile(ctx, actor, { personId: person.personId, purpose });
    assert.ok(Object.keys(file.administrative).length > 0, `${who} opened the file`);
    assertNoTrace(`the file opened by the ${who}`, file);
  }
});

test('the file as exported for the person concerned shows no trace of the request', async () => {
  const exported = await exportPerson(ctx, namur.actors['administrative-agent'], { niss: person.niss });
  assert.equal(exported.personId, person.personId);
  assert.ok(Object.keys(exported.administrative).length > 0, 'the export carries the file');
  assertNoTrace('the export', exported);
  assert.ok(!exported.attachments.some((a) => a.fileName.includes('requisitoire')), 'the scanned letter is not an attachment of the file');
});

test('who consulted the file: the search, the reads and the disclosure made for the request are left out', async () => {
  const history = await personAccessHistory(ctx, namur.actors['administrative-agent'], { personId: person.personId });
  assert.ok(history.accesses.length > 0, 'the ordinary accesses are shown');
  assert.ok(!history.accesses.some((a) => a.action === 'disclose'));
  assertNoTrace('the access history', history);
  // The DPO still sees that entries were withheld, and why: in the log entry of that very printout.
  const [entry] = await t.db.ownerTransaction((tx) =>
    tx.query<{ entry_text: string }>(`SELECT entry_text FROM access_log_entry WHERE cpas_id = $1 AND action = 'read-log' ORDER BY seq DESC LIMIT 1`, [namur.cpasId]),
  );
  assert.match(entry!.entry_text, /"withheldForSecrecyOfMeasure":[1-9]/);
});

test('no module of the person file, search, export or access history names a register table', () => {
  const offenders: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) {
        // The register's own modules (and their tests, and the migrations that create the tables) may.
        if (!/requests$|migrations$/.test(path)) walk(path);
        continue;
      }
      // schema.ts only types the tables; a query through Kysely still names its table, so it is caught here.
      if (!name.endsWith('.ts') || name.endsWith('.test.ts') || /^(request-|disclosure-store|data-classes|schema\.ts$)/.test(name)) continue;
      const text = readFileSync(path, 'utf8');
      for (const table of REGISTER_TABLES) if (new RegExp(`\\b${table}\\b`).test(text)) offenders.push(`${path}: ${table}`);
    }
  };
  walk('src');
  assert.deepEqual(offenders, []);
});
