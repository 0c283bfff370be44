// The pages end to end through fastify's inject, on a real database: sessions and their timeout,
// CSRF on every form, the purpose question, the secret part withheld without a trace, no personal
// data in any URL, escaping, languages.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { LOGIN_RATE_LIMIT } from '../http/rate-limit.ts';
import { buildServer } from '../http/server.ts';
import { AUTH_LIMITS } from '../app/authenticate.ts';
import { createPerson } from '../app/create-person.ts';
import type { AppContext } from '../app/context.ts';
import type { TestDatabase } from '../testing/test-database.ts';
import { type Fixture, FIXTURE_PASSWORD } from './testing/fixture.ts';
import { mainOf, PageClient, urlsOf } from './testing/page-client.ts';
import { logInAs, openUiWorld, type UiWorld } from './testing/ui-world.ts';
import { keepTogether } from './i18n/index.ts';

let t: TestDatabase;
let ctx: AppContext;
let app: FastifyInstance;
let fx: Fixture;
let clock = new Date('2026-11-28T09:00:00Z');
const CANARY = 'CANARY-7f3a: confié en entretien, à ne jamais montrer hors du dossier';

let world: UiWorld;
before(async () => {
  world = await openUiWorld(() => clock);
  ({ t, ctx, app, fx } = world);
});
after(() => world?.close());

const as = (login: string, server = app) => logInAs(server, login);
const logCount = async () => (await t.db.ownerTransaction((tx) => tx.query<{ n: number }>('SELECT count(*)::int AS n FROM access_log_entry')))[0]!.n;
/** The social part of a file page, with its per-person ids taken out. */
const socialPart = (body: string) => (/<div class="app-social">[\s\S]*<\/div>\s*<\/main>/.exec(body)?.[0] ?? '').replace(/[0-9a-f]{8}-[0-9a-f-]{27}/g, 'ID');

describe('sessions', () => {
  test('pages need a session; the log-in page and the accessibility statement do not', async () => {
    const anonymous = new PageClient(app);
    for (const url of ['/', '/caseload', '/search', `/persons/${fx.namur.persons.dubois}`, '/users']) {
      const res = await anonymous.get(url);
      assert.equal(res.status, 303, url);
      assert.equal(res.location, '/login', url);
    }
    assert.equal((await anonymous.get('/login')).status, 200);
    const statement = await anonymous.get('/accessibility');
    assert.equal(statement.status, 200);
    assert.match(statement.body, /Médiateur de la Wallonie/);
  });

  test('log in: the form has its own token, failures are generic, success leads home', async () => {
    const client = new PageClient(app);
    await client.get('/login');
    const forged = await client.request('POST', '/login', { _csrf: 'forged', login: 'agent@namur', password: FIXTURE_PASSWORD });
    assert.equal(forged.status, 400, 'a post without the form token is refused');
    const wrong = await client.post('/login', { login: 'agent@namur', password: 'not the password' });
    const unknown = await client.post('/login', { login: 'nobody@namur', password: 'not the password' });
    assert.equal(wrong.status, 401);
    const withoutToken = (body: string) => mainOf(body).replace(/name="_csrf" value="[^"]+"/, '');
    assert.equal(withoutToken(unknown.body), withoutToken(wrong.body).replace('agent@namur', 'nobody@namur'), 'an unknown account gets the same page');
    const ok = await client.post('/login', { login: 'assistant-social@namur', password: FIXTURE_PASSWORD });
    assert.equal(ok.location, '/');
    assert.match(String(ok.headers['set-cookie']), /confiance_session=[^;]+; .*HttpOnly; SameSite=Strict/);
    assert.equal((await client.get('/')).location, '/caseload');
    assert.match((await client.get('/caseload')).body, /Dubois, Marie/);
  });

  test('an idle session ends on the log-in page, with a message', async () => {
    const client = await as('agent@namur');
    assert.equal((await client.get('/search')).status, 200);
    clock = new Date(clock.getTime() + (AUTH_LIMITS.idleMinutes + 1) * 60_000);
    try {
      const res = await client.get('/search');
      assert.equal(res.location, '/login?session=expired');
      assert.equal(client.cookies.has('confiance_session'), false, 'the dead cookie is cleared');
      assert.match((await client.get(res.location!)).body, /Votre session a expiré après 30 minutes d’inactivité/);
    } finally {
      clock = new Date(clock.getTime() - (AUTH_LIMITS.idleMinutes + 1) * 60_000);
    }
  });

  test('log out ends the session and the purposes chosen in it', async () => {
    const client = await as('assistant-social@namur');
    const personId = fx.namur.persons.dubois!;
    assert.match((await client.openFile(personId, 'case-follow-up')).body, /Dossier de Marie Dubois/);
    const cookie = client.cookies.get('confiance_session')!;
    const out = await client.post('/logout', {});
    assert.equal(out.location, '/login?out=1');
    const replay = new PageClient(app);
    replay.cookies.set('confiance_session', cookie);
    assert.equal((await replay.get(`/persons/${personId}`)).location, '/login?session=expired');
  });

  test('many failed log-ins from one address are refused before any password is checked', async () => {
    const server = await buildServer(ctx);
    try {
      // An address of its own: the count is in the database, shared with the other tests' log-ins.
      const client = new PageClient(server, '10.9.9.9');
      await client.get('/login');
      for (let i = 0; i < LOGIN_RATE_LIMIT.max; i++) assert.equal((await client.post('/login', { login: `user${i}@namur`, password: 'guess' })).status, 401);
      const blocked = await client.post('/login', { login: 'agent@namur', password: FIXTURE_PASSWORD });
      assert.equal(blocked.status, 429, 'even the right password is not tried');
      assert.match(blocked.body, /Trop de tentatives depuis cet appareil/);
    } finally {
      await server.close();
    }
  });
});

describe('protections on every page', () => {
  test('CSP, no-store and a CSRF token in every form, on every page of the main tasks', async () => {
    const worker = await as('assistant-social@namur');
    const director = await as('directrice@namur');
    const personId = fx.namur.persons.dubois!;
    await worker.openFile(personId, 'case-follow-up');
    const pages = [
      ...await Promise.all(['/caseload', '/search', `/persons/${personId}`, `/persons/${personId}/purpose`, `/persons/${personId}/social-reports/new`, `/persons/${personId}/case-notes/new`, '/accessibility'].map((u) => worker.get(u))),
      ...await Promise.all(['/users', '/users/new'].map((u) => director.get(u))),
      await new PageClient(app).get('/login'),
    ];
    for (const page of pages) {
      assert.equal(page.status, 200);
      assert.match(String(page.headers['content-security-policy']), /^default-src 'self'; script-src 'self'; style-src 'self'/);
      assert.equal(page.headers['cache-control'], 'no-store');
      assert.equal(page.headers['x-frame-options'], 'DENY');
      assert.doesNotMatch(page.body, /<script(?![^>]*\bsrc=)/, 'no inline script');
      assert.doesNotMatch(page.body, /\sstyle="/, 'no inline style');
      const forms = page.body.match(/<form[\s\S]*?<\/form>/g) ?? [];
      for (const form of forms) {
        assert.match(form, /method="post"/);
        assert.match(form, /name="_csrf" value="[^"]+"/);
      }
    }
  });

  test('a form posted without the session’s CSRF token changes nothing', async () => {
    const worker = await as('assistant-social@namur');
    const personId = fx.namur.persons.gerard!;
    const before = await logCount();
    const res = await worker.request('POST', `/persons/${personId}/case-notes`, { _csrf: 'not-the-token', purpose: 'case-follow-up', body: 'forged' });
    assert.equal(res.status, 403);
    assert.match(res.body, /Formulaire expiré/);
    assert.equal(await logCount(), before, 'refused before any use case ran');
  });

  test('assets are served from this origin, cacheable, without a session', async () => {
    const home = await new PageClient(app).get('/login');
    const assets = urlsOf(home.body).filter((u) => u.startsWith('/assets/'));
    assert.equal(assets.length, 4);
    for (const url of assets) {
      const res = await app.inject({ method: 'GET', url });
      assert.equal(res.statusCode, 200, url);
      assert.equal(res.headers['cache-control'], 'public, max-age=31536000, immutable');
    }
    assert.equal((await app.inject({ method: 'GET', url: '/assets/govuk-crest.svg' })).statusCode, 404);
  });
});

describe('a person’s file', () => {
  test('the purpose question comes first, shows nothing of the person, and is not a read', async () => {
    const worker = await as('assistant-social@namur');
    const personId = fx.namur.persons.dubois!;
    const before = await logCount();
    const prompt = await worker.get(`/persons/${personId}`);
    assert.match(prompt.body, /Pourquoi ouvrez-vous ce dossier/);
    assert.doesNotMatch(prompt.body, /Dubois|Marie/);
    assert.equal(await logCount(), before);
    const missing = await worker.post(`/persons/${personId}/purpose`, {});
    assert.equal(missing.status, 400);
    assert.match(missing.body, /<a href="#purpose">Choisissez une finalité<\/a>/);
    assert.equal((await worker.post(`/persons/${personId}/purpose`, { purpose: 'case-follow-up' })).location, `/persons/${personId}`);
    assert.match((await worker.get(`/persons/${personId}`)).body, /Dossier de Marie Dubois/);
    assert.equal(await logCount(), before + 1, 'the file view is one logged read');
  });

  test('a social worker writes a report and reads it back; an administrative agent sees no trace of it', async () => {
    const worker = await as('assistant-social@namur');
    const personId = fx.namur.persons.elamrani!;
    await worker.openFile(personId, 'case-follow-up');
    await worker.get(`/persons/${personId}/social-reports/new`);
    const saved = await worker.post(`/persons/${personId}/social-reports`, {
      purpose: 'case-follow-up', 'writtenOn-day': '27', 'writtenOn-month': '11', 'writtenOn-year': '2026', language: 'fr', situation: CANARY, assessment: '',
    });
    assert.equal(saved.location, `/persons/${personId}?saved=report`);
    const readBack = await worker.get(saved.location!);
    assert.match(readBack.body, /Le rapport social a été enregistré/);
    assert.ok(readBack.body.includes(CANARY.replace(/’/g, '’')), 'the report is in the file');

    const agent = await as('agent@namur');
    const withReport = await agent.openFile(personId, 'administrative-processing');
    assert.match(withReport.body, /Dossier de Ahmed El Amrani/);
    assert.ok(!withReport.body.includes('CANARY'), 'no content');
    assert.match(withReport.body, /Rapports sociaux : Non accessible pour vous/);
    assert.doesNotMatch(withReport.body, /Rédiger un rapport social/);
    // No count either: the social part reads the same for a person with records and one without.
    const withoutRecords = await agent.openFile(fx.namur.persons.gerard!, 'administrative-processing');
    assert.equal(socialPart(withReport.body), socialPart(withoutRecords.body));
    assert.ok(socialPart(withReport.body).length > 200);

    const colleague = await as('assistant-social-2@namur');
    const notOnCase = await colleague.openFile(personId, 'case-follow-up');
    assert.ok(!notOnCase.body.includes('CANARY'));
    assert.equal(socialPart(notOnCase.body), socialPart(withoutRecords.body));
  });

  test('an administrative purpose does not open the social part, and says so', async () => {
    const worker = await as('assistant-social@namur');
    const page = await worker.openFile(fx.namur.persons.dubois!, 'administrative-processing');
    assert.match(page.body, /Non accessible pour la finalité choisie/);
    assert.doesNotMatch(page.body, /plan d’apurement/);
    assert.doesNotMatch(page.body, /Rédiger un rapport social/);
  });

  test('form errors are summarised and tied to their fields; the typed text is kept', async () => {
    const worker = await as('assistant-social@namur');
    const personId = fx.namur.persons.gerard!;
    await worker.openFile(personId, 'case-follow-up');
    await worker.get(`/persons/${personId}/social-reports/new`);
    const res = await worker.post(`/persons/${personId}/social-reports`, {
      purpose: 'case-follow-up', 'writtenOn-day': '31', 'writtenOn-month': '2', 'writtenOn-year': '2026', language: 'fr', situation: '   ', assessment: 'gardé <b>tel quel</b>',
    });
    assert.equal(res.status, 400);
    assert.match(res.body, /<title>Erreur : Rédiger un rapport social/);
    assert.match(res.body, /<a href="#writtenOn">Le champ « Date du rapport » doit être une date réelle<\/a>/);
    assert.match(res.body, /<a href="#situation">Remplissez le champ « Situation »<\/a>/);
    assert.match(res.body, /aria-describedby="situation-hint situation-error"/);
    assert.match(res.body, /gardé &lt;b&gt;tel quel&lt;\/b&gt;<\/textarea>/);
  });

  test('a case note: written, listed with its author', async () => {
    const worker = await as('assistant-social@namur');
    const personId = fx.namur.persons.gerard!;
    await worker.openFile(personId, 'case-follow-up');
    await worker.get(`/persons/${personId}/case-notes/new`);
    const saved = await worker.post(`/persons/${personId}/case-notes`, { purpose: 'case-follow-up', body: 'Rendez-vous fixé au 3 décembre.' });
    const page = await worker.get(saved.location!);
    assert.match(page.body, /La note a été enregistrée/);
    assert.match(page.body, /Rendez-vous fixé au 3 décembre\./);
    assert.match(page.body, /Rédigé par Camille Lambert/);
  });

  test('a person of another CPAS, or an id that is not one, is simply not found', async () => {
    const worker = await as('assistant-social@namur');
    const other = await worker.openFile(fx.gent.persons.janssens!, 'case-follow-up');
    assert.equal(other.status, 404);
    assert.doesNotMatch(other.body, /Janssens/);
    assert.equal((await worker.get('/persons/not-a-uuid')).status, 404);
    assert.equal((await worker.get('/no-such-page')).status, 404);
    const anonymous = await new PageClient(app).get('/no-such-page');
    assert.equal(anonymous.status, 404, 'a page, not the API’s 401, for a visitor without a session');
    assert.match(anonymous.body, /Page introuvable/);
  });
});

describe('search, users, escaping, languages', () => {
  test('search posts its criteria (never in the URL) and opens a result with the search’s purpose', async () => {
    const agent = await as('agent@namur');
    const form = await agent.get('/search');
    assert.match(form.body, /<form method="post" action="\/search"/);
    const bad = await agent.post('/search', { niss: '12345678901', purpose: 'intake' });
    assert.equal(bad.status, 400);
    assert.match(bad.body, /Le numéro national n’est pas valide/);
    const none = await agent.post('/search', { purpose: 'intake' });
    assert.match(none.body, /Entrez un numéro national, un nom ou une date de naissance/);
    const byName = await agent.post('/search', { name: 'dubois', purpose: 'intake' });
    assert.match(byName.body, /1 personne trouvée/);
    assert.match(byName.body, /86\.03\.27-212\.\d\d/);
    const byDate = await agent.post('/search', { 'birthDate-day': '2', 'birthDate-month': '11', 'birthDate-year': '1979', purpose: 'intake' });
    assert.match(byDate.body, /El Amrani, Ahmed/);
    const personId = fx.namur.persons.elamrani!;
    assert.match(byDate.body, new RegExp(`action="/persons/${personId}/purpose"[\\s\\S]*?name="purpose" value="intake"`));
    assert.equal((await agent.post(`/persons/${personId}/purpose`, { purpose: 'intake' })).location, `/persons/${personId}`);
  });

  test('no name, national number or birth date ever appears in a URL, a link or a redirect', async () => {
    const worker = await as('assistant-social@namur');
    const agent = await as('agent@namur');
    const seen: string[] = [];
    const visit = async (client: PageClient, method: 'GET' | 'POST', url: string, form?: Record<string, string>) => {
      const res = method === 'GET' ? await client.get(url) : await client.post(url, form ?? {});
      seen.push(url, ...(res.location ? [res.location] : []), ...urlsOf(res.body));
      return res;
    };
    for (const key of ['dubois', 'elamrani', 'gerard'] as const) {
      const id = fx.namur.persons[key]!;
      await visit(worker, 'GET', `/persons/${id}`);
      await visit(worker, 'POST', `/persons/${id}/purpose`, { purpose: 'case-follow-up' });
      await visit(worker, 'GET', `/persons/${id}`);
    }
    await visit(worker, 'GET', '/caseload');
    await visit(agent, 'POST', '/search', { name: 'dubois', purpose: 'intake' });
    await visit(agent, 'POST', '/search', { niss: '86.03.27-212', purpose: 'intake' });
    assert.ok(seen.length > 50);
    for (const url of seen.map((u) => u.replace(/\?v=[0-9a-f]+$/, '').replace(/[0-9a-f]{8}-[0-9a-f-]{27}/g, 'ID'))) {
      assert.doesNotMatch(url, /\d{6}/, `no national number or date digits: ${url}`);
      assert.doesNotMatch(url, /dubois|marie|amrani|ahmed|g[ée]rard|sophie|1986|1979/i, url);
    }
  });

  test('names with markup are shown as text', async () => {
    const agent = fx.namur.actors.agent!;
    await createPerson(ctx, agent, { person: { familyName: '<img src=x onerror=alert(1)>', givenNames: 'Test"><script>x()</script>' }, purpose: 'intake' });
    const client = await as('agent@namur');
    await client.get('/search');
    const res = await client.post('/search', { name: '<img', purpose: 'intake' });
    assert.match(res.body, /&lt;img src=x onerror=alert\(1\)&gt;, Test&quot;&gt;&lt;script&gt;x\(\)&lt;\/script&gt;/);
    assert.doesNotMatch(res.body, /<img src=x/);
  });

  test('users: the directeur général lists and adds staff; a social worker is refused', async () => {
    const worker = await as('assistant-social@namur');
    assert.doesNotMatch((await worker.get('/caseload')).body, /href="\/users"/, 'not in the navigation');
    const refused = await worker.get('/users');
    assert.equal(refused.status, 403);
    assert.match(refused.body, /Accès refusé/);
    const director = await as('directrice@namur');
    const list = await director.get('/users');
    assert.match(list.body, /Camille Lambert/);
    assert.match(list.body, /assistant-social@namur/);
    const form = await director.get('/users/new');
    assert.doesNotMatch(form.body, /type="password"/, 'the creator chooses no password');
    const invalid = await director.post('/users', { displayName: 'Léa Petit', username: 'Léa', roles: [], language: 'fr' });
    assert.equal(invalid.status, 400);
    assert.match(invalid.body, /<a href="#roles">Choisissez au moins un rôle<\/a>/);
    const added = await director.post('/users', { displayName: 'Léa Petit', username: 'lea.petit', roles: ['social-worker', 'head-of-social-service'], language: 'nl' });
    assert.equal(added.status, 201);
    assert.equal(added.headers['cache-control'], 'no-store');
    const activationCode = /app-code[^>]*>([0-9A-Z-]{23})</.exec(added.body)?.[1];
    assert.ok(activationCode, 'the activation code is shown once');
    assert.match(added.body, /En attente de la confirmation/);
    assert.equal((await director.post('/users', { displayName: 'Léa Petit', username: 'lea.petit', roles: ['social-worker'], language: 'fr' })).status, 409);
    assert.equal((await director.get('/confirmations')).status, 403, 'the creator confirms nothing');
    assert.match((await director.get('/users')).body, new RegExp(`${keepTogether('Assistant·e social·e')} \\(en attente de confirmation\\)`), 'the list shows the roles still waiting');

    // The holder opens the account with the code: her secret roles do not take effect yet.
    const lea = new PageClient(app);
    await lea.get('/activate');
    const activated = await lea.post('/activate', { login: 'lea.petit@namur', code: activationCode, newPassword: 'a-long-enough-password', confirmationCode: '' });
    assert.equal(activated.location, '/login?activated=1');
    await lea.logIn('lea.petit@namur', 'a-long-enough-password');
    assert.doesNotMatch((await lea.get('/')).body, /Mijn dossiers/, 'no caseload before a head of social service confirms');

    // A head of social service confirms each role; each code is shown to her once, for Léa.
    const head = await as('responsable@namur');
    const queue = await head.get('/confirmations');
    const grants = [...queue.body.matchAll(/action="\/confirmations\/roles\/([0-9a-f-]{36})"/g)].map((m) => m[1]!);
    assert.equal(grants.length, 2);
    const codes: string[] = [];
    for (const grantId of grants) {
      const confirmed = await head.post(`/confirmations/roles/${grantId}`, {});
      assert.equal(confirmed.status, 201);
      codes.push(/app-code[^>]*>([0-9A-Z-]{23})</.exec(confirmed.body)![1]!);
    }
    // She activates from the log-in page, with no session, as a browser would.
    const holder = new PageClient(app);
    await holder.get('/activate');
    const wrong = await holder.post('/activate', { login: 'lea.petit@namur', code: 'a-long-enough-password', newPassword: 'her-new-password-2026', confirmationCode: 'ZZZZZ-ZZZZZ-ZZZZZ-ZZZZZ' });
    assert.equal(wrong.status, 401);
    let password = 'a-long-enough-password';
    for (const confirmationCode of codes) {
      await holder.get('/activate');
      assert.equal((await holder.post('/activate', { login: 'lea.petit@namur', code: password, newPassword: 'her-new-password-2026', confirmationCode })).location, '/login?activated=1');
      password = 'her-new-password-2026';
    }
    await lea.logIn('lea.petit@namur', 'her-new-password-2026');
    assert.match((await lea.get('/caseload')).body, /<html lang="nl"[\s\S]*Mijn dossiers/, 'her own language');

    // The DPO sees each step in the access log: the creation and grants by the director, the
    // confirmations by the head, the activations by Léa.
    const dpo = await as('dpo@namur');
    const stepsOf = async (username: string) => (await dpo.get(`/audit/staff/${fx.namur.actors[username]!.userId}`)).body;
    assert.match(await stepsOf('directrice'), /Opération : Création d’un compte[\s\S]*Opération : Attribution d’un rôle/);
    assert.match(await stepsOf('responsable'), /Opération : Confirmation d’un rôle/);
    const period = (await dpo.get('/audit/period?from=2026-11-28&to=2026-11-28')).body;
    assert.match(period, /Opération : Activation d’un compte/);
  });

  test('language: CPAS default, switch by cookie, never an open redirect', async () => {
    const gent = await as('maatschappelijk-werker@gent');
    assert.match((await gent.get('/caseload')).body, /<html lang="nl"[\s\S]*Mijn dossiers[\s\S]*Janssens, Jan/);
    const switched = await gent.get('/language/fr?back=/caseload');
    assert.equal(switched.location, '/caseload');
    assert.match((await gent.get('/caseload')).body, /<html lang="fr"[\s\S]*Mes dossiers/);
    await gent.get('/language/de?back=/caseload');
    assert.match((await gent.get('/caseload')).body, /<html lang="de"[\s\S]*Meine Akten/);
    for (const back of ['//evil.example/x', 'https://evil.example', '/\\evil.example', 'javascript:alert(1)']) {
      assert.equal((await gent.get(`/language/nl?back=${encodeURIComponent(back)}`)).location, '/', back);
    }
    const anonymous = await app.inject({ method: 'GET', url: '/login', headers: { 'accept-language': 'nl-BE,nl;q=0.9' } });
    assert.match(anonymous.body, /<html lang="nl"[\s\S]*Aanmelden/);
  });
});
