// A form the role cannot submit is not shown: every form route, for every account of the fixture
// (every role) and every purpose the policy offers it, answers its GET with the refusal page
// exactly when its POST, with a valid body, is refused. The purpose page offers only what the policy
// offers (purposesOfRole), and a purpose typed by hand is refused naming the field.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mayPerform, type Operation, purposesOfRole } from '../domain/access-policy.ts';
import { PURPOSE_IDS } from '../domain/purposes.ts';
import type { Fixture } from './testing/fixture.ts';
import { mainOf, type PageClient, type PageResponse } from './testing/page-client.ts';
import { logInAs, openUiWorld, type UiWorld } from './testing/ui-world.ts';

let world: UiWorld;
let fx: Fixture;
before(async () => {
  world = await openUiWorld(() => new Date('2026-11-28T09:00:00Z'));
  ({ fx } = world);
});
after(() => world?.close());

const ACCOUNTS = ['directrice', 'assistant-social', 'assistant-social-2', 'responsable', 'agent', 'dpo', 'president', 'secretariat'] as const;
const REFUSED = new Set([403, 409]);

/** The GET of a form, following the one redirect a missing purpose makes: refused when the page it ends on is a refusal. */
async function shownStatus(client: PageClient, url: string): Promise<number> {
  const res = await client.get(url);
  return res.status === 303 && res.location ? (await client.get(res.location)).status : res.status;
}

const rolesOf = (login: string) => fx.namur.actors[login]!.roles;

interface PersonForm {
  readonly name: string;
  readonly get: (personId: string) => string;
  readonly post: (personId: string) => string;
  readonly body: (purpose: string) => Record<string, string>;
}

const PERSON_FORMS: readonly PersonForm[] = [
  {
    name: 'social report', get: (id) => `/persons/${id}/social-reports/new`, post: (id) => `/persons/${id}/social-reports`,
    body: (purpose) => ({ purpose, 'writtenOn-day': '27', 'writtenOn-month': '11', 'writtenOn-year': '2026', language: 'fr', situation: 'Entretien de suivi.', assessment: '' }),
  },
  { name: 'case note', get: (id) => `/persons/${id}/case-notes/new`, post: (id) => `/persons/${id}/case-notes`, body: (purpose) => ({ purpose, body: 'Rendez-vous fixé.' }) },
  {
    name: 'application', get: (id) => `/persons/${id}/applications/new?kind=mediation-dettes`, post: (id) => `/persons/${id}/applications`,
    body: (purpose) => ({ purpose, kind: 'mediation-dettes', 'submittedOn-day': '2', 'submittedOn-month': '11', 'submittedOn-year': '2026', channel: 'desk', 'd-creditors': '3' }),
  },
  {
    name: 'break-glass', get: (id) => `/persons/${id}/break-glass`, post: (id) => `/persons/${id}/break-glass`,
    body: (purpose) => ({ purpose, reason: 'Appel de l’hôpital : la personne est hospitalisée en urgence, il faut joindre sa famille.' }),
  },
];

describe('forms the role cannot submit', () => {
  test('every person form, every account and every purpose offered: GET refused exactly when POST is', async () => {
    const personId = fx.namur.persons.gerard!;
    let pairs = 0;
    for (const login of ACCOUNTS) {
      const client = await logInAs(world.app, `${login}@namur`);
      const offered = purposesOfRole(rolesOf(login));
      // A role offered no purpose tries the forms with one typed by hand.
      for (const purpose of offered.length > 0 ? offered : ['case-follow-up']) {
        // The file itself may stay closed (a council member, the person not on an agenda): the forms are still tried.
        if (offered.length > 0) await client.openFile(personId, purpose);
        for (const form of PERSON_FORMS) {
          const shown = await shownStatus(client, form.get(personId));
          const posted = await client.post(form.post(personId), form.body(purpose));
          const what = `${login} ${purpose} ${form.name}: GET ${shown}, POST ${posted.status}`;
          assert.equal(REFUSED.has(shown), REFUSED.has(posted.status), what);
          if (!REFUSED.has(shown)) assert.equal(shown, 200, what);
          pairs += 1;
        }
      }
    }
    assert.ok(pairs >= ACCOUNTS.length * PERSON_FORMS.length);
  });

  test('every other form: GET refused exactly when the policy refuses the operation its POST performs', async () => {
    const forms: readonly { url: string; operation: Operation }[] = [
      { url: '/search', operation: 'search-persons' },
      { url: '/users/new', operation: 'manage-users' },
      { url: '/requests/new', operation: 'record-authority-request' },
      { url: '/requests/delegates', operation: 'delegate-register' },
      { url: '/confirmations', operation: 'confirm-role-grant' },
      { url: '/break-glass', operation: 'review-break-glass' },
      { url: '/audit', operation: 'read-access-log' },
    ];
    for (const login of ACCOUNTS) {
      const client = await logInAs(world.app, `${login}@namur`);
      for (const { url, operation } of forms) {
        const status = await shownStatus(client, url);
        assert.equal(REFUSED.has(status), !mayPerform(rolesOf(login), operation), `${login} GET ${url}: ${status}`);
      }
    }
  });
});

describe('purposes fit the role', () => {
  test('the purpose page offers exactly the policy’s list; another purpose typed by hand is refused naming the field', async () => {
    const personId = fx.namur.persons.dubois!;
    for (const login of ACCOUNTS) {
      const client = await logInAs(world.app, `${login}@namur`);
      const offered = purposesOfRole(rolesOf(login));
      const page = await client.get(`/persons/${personId}/purpose`);
      if (offered.length === 0) {
        assert.equal(page.status, 403, `${login} opens no file`);
        continue;
      }
      const shown = [...mainOf(page.body).matchAll(/name="purpose" type="radio" value="([^"]+)"|type="radio" name="purpose" value="([^"]+)"|name="purpose"[^>]*value="([^"]+)"/g)].map((m) => m[1] ?? m[2] ?? m[3]);
      assert.deepEqual(shown, [...offered], login);
      for (const purpose of PURPOSE_IDS.filter((p) => !offered.includes(p))) {
        const res: PageResponse = await client.post(`/persons/${personId}/purpose`, { purpose });
        assert.equal(res.status, 400, `${login} ${purpose}`);
        assert.match(mainOf(res.body), /href="#purpose"/, 'the error names the field');
      }
    }
  });
});

describe('typed application forms', () => {
  const CAMEL_KEY = /\b[a-z]+[A-Z][A-Za-z]*\s*(:|&nbsp;:|\u202f:)/;

  test('the file shows what was declared as label: value in the page’s language, never a stored key', async () => {
    const worker = await logInAs(world.app, 'assistant-social@namur');
    const fr = mainOf((await worker.openFile(fx.namur.persons.dubois!, 'case-follow-up')).body);
    assert.match(fr, /Revenus mensuels déclarés[\s\u00a0\u202f]*: 0,00[\s\u00a0\u202f]€/);
    assert.match(fr, /Personnes dans le ménage[\s\u00a0\u202f]*: 3/);
    assert.match(fr, /Disposé à travailler[\s\u00a0\u202f]*: Oui/);
    assert.doesNotMatch(fr, CAMEL_KEY, 'no raw key in the French file');
    for (const key of ['declaredMonthlyIncome', 'householdSize', 'availableForWork', 'housing']) assert.ok(!fr.includes(key), key);
    const gent = await logInAs(world.app, 'maatschappelijk-werker@gent');
    const nl = mainOf((await gent.openFile(fx.gent.persons.janssens!, 'case-follow-up')).body);
    assert.match(nl, /Aantal schuldeisers/);
    assert.match(nl, /Verklaarde schulden:[\s\u00a0\u202f]€[\s\u00a0\u202f]12\.450,50/);
    assert.doesNotMatch(nl, CAMEL_KEY, 'no raw key in the Dutch file');
  });

  test('the form asks the kind, then its labelled fields; a bad value comes back naming its field, everything typed kept', async () => {
    const agent = await logInAs(world.app, 'agent@namur');
    const personId = fx.namur.persons.gerard!;
    const file = await agent.openFile(personId, 'intake');
    assert.match(file.body, new RegExp(`href="/persons/${personId}/applications/new"`));
    const step1 = await agent.get(`/persons/${personId}/applications/new`);
    assert.equal(step1.status, 200);
    assert.match(step1.body, /value="garantie-locative"/);
    const step2 = await agent.get(`/persons/${personId}/applications/new?kind=mediation-dettes`);
    assert.match(step2.body, /<label class="govuk-label" for="d-declaredDebts">\s*Dettes déclarées/);
    assert.match(step2.body, /Nombre de créanciers/);
    assert.doesNotMatch(step2.body, /d-fuel/, 'not the fields of another kind');
    const fields = {
      purpose: 'intake', kind: 'mediation-dettes', 'submittedOn-day': '2', 'submittedOn-month': '11', 'submittedOn-year': '2026', channel: 'letter',
      'd-declaredDebts': 'douze mille', 'd-creditors': '2,5', 'd-housing': 'Appartement social',
    };
    const bad = await agent.post(`/persons/${personId}/applications`, fields);
    assert.equal(bad.status, 400);
    assert.match(bad.body, /href="#d-declaredDebts">Le champ « Dettes déclarées » doit être un nombre/);
    assert.match(bad.body, /href="#d-creditors"/);
    assert.match(bad.body, /value="douze mille"/, 'the value is kept');
    assert.match(bad.body, /value="Appartement social"/, 'the other fields are kept');
    const ok = await agent.post(`/persons/${personId}/applications`, { ...fields, 'd-declaredDebts': '12 450,50', 'd-creditors': '3' });
    assert.equal(ok.location, `/persons/${personId}?saved=application`);
    const after = mainOf((await agent.get(ok.location!)).body);
    assert.match(after, /La demande a été enregistrée/);
    assert.match(after, /Médiation de dettes/);
    assert.match(after, /Dettes déclarées[\s\u00a0\u202f]*: 12[\s\u00a0\u202f.]450,50[\s\u00a0\u202f]€/);
    assert.match(after, /Nombre de créanciers[\s\u00a0\u202f]*: 3/);
    assert.doesNotMatch(after, CAMEL_KEY);
  });
});
