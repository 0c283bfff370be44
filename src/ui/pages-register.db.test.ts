// The register's pages through fastify's inject, on a real database: who sees the register, the
// intake (a social worker forwards and loses sight of it; the scanned letter comes as a multipart
// upload), the assessment with its reasons in French and Dutch, matching, the preview of what
// leaves, the signature with its confirmation and four eyes, the PDF, refusals, and no personal
// data in any address.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import type { Fixture } from './testing/fixture.ts';
import { mainOf, urlsOf } from './testing/page-client.ts';
import { logInAs, openUiWorld, type UiWorld } from './testing/ui-world.ts';
import { keepTogether } from './i18n/index.ts';

let app: FastifyInstance;
let fx: Fixture;
const clock = new Date('2026-11-28T09:00:00Z');

let world: UiWorld;
before(async () => {
  world = await openUiWorld(() => clock);
  ({ app, fx } = world);
});
after(() => world?.close());

const as = (login: string) => logInAs(app, login);
const navOf = (body: string) => /<ul class="govuk-service-navigation__list"[\s\S]*?<\/ul>/.exec(body)?.[0] ?? '';
const idFrom = (location: string | undefined) => /\/requests\/([0-9a-f-]{36})/.exec(location ?? '')?.[1] ?? '';

/** The intake form's fields for a valid request of the procureur du Roi (answer outcome). */
const prosecutorForm = (over: Record<string, string | string[]> = {}): Record<string, string | string[]> => ({
  authorRole: 'procureur-du-roi', authorName: 'M. Dupont, substitut', authorOffice: 'Parquet de Namur', channel: 'letter',
  'dated-day': '2', 'dated-month': '3', 'dated-year': '2026', 'received-day': '4', 'received-month': '3', 'received-year': '2026',
  reference: 'NA.12.LL.4242/26', 'answerBy-day': '', 'answerBy-month': '', 'answerBy-year': '',
  reasoned: 'yes', reasonsText: 'Enquête du chef de financement du terrorisme.', offences: '140, 140bis',
  'subject1-niss': '', 'subject1-name': 'Sophie Gérard', 'subject1-birthDate-day': '14', 'subject1-birthDate-month': '7', 'subject1-birthDate-year': '1992',
  items: ['identity', 'domicile-address', 'social-notes'],
  ...over,
});

describe('who sees the register', () => {
  test('navigation by role: the register for its readers and delegates, "forward a request" for everyone else', async () => {
    const expect = {
      'directrice@namur': { has: ['/requests"', '/search"', '/users"'], not: ['/requests/new"', '/audit"'] },
      'president@namur': { has: ['/requests"'], not: ['/search"', '/requests/new"'] },
      'secretariat@namur': { has: ['/requests"', '/search"'], not: ['/requests/new"'] },
      'dpo@namur': { has: ['/audit"', '/break-glass"', '/requests"'], not: ['/search"', '/requests/new"'] },
      'responsable@namur': { has: ['/break-glass"', '/requests/new"', '/search"'], not: ['/requests"', '/audit"'] },
      'assistant-social@namur': { has: ['/caseload"', '/requests/new"'], not: ['/requests"', '/audit"', '/break-glass"'] },
      'agent@namur': { has: ['/requests/new"'], not: ['/requests"', '/audit"'] },
    };
    for (const [login, { has, not }] of Object.entries(expect)) {
      const client = await as(login);
      const home = await client.get('/');
      const nav = navOf((await client.get(home.location ?? '/')).body);
      for (const href of has) assert.ok(nav.includes(`href="${href}`), `${login} sees ${href}`);
      for (const href of not) assert.ok(!nav.includes(`href="${href}`), `${login} does not see ${href}`);
    }
    assert.equal((await (await as('dpo@namur')).get('/')).location, '/audit', 'the DPO lands on the access log');
  });

  test('the register lists states and due dates, never a person; refused to those outside it', async () => {
    for (const login of ['assistant-social@namur', 'agent@namur', 'responsable@namur']) {
      const res = await (await as(login)).get('/requests');
      assert.equal(res.status, 403, login);
      assert.doesNotMatch(res.body, /NA\.12\.LL/);
    }
    const director = await as('directrice@namur');
    const list = await director.get('/requests');
    assert.equal(list.status, 200);
    const main = mainOf(list.body);
    assert.match(main, /Registre des demandes d’autorités/);
    assert.match(main, /Demande NA\.12\.LL\.0311\/26/);
    assert.match(main, /Réponse préparée/);
    assert.match(main, /Refusée/);
    assert.match(main, /Demande orale, non traitée/);
    assert.match(main, /16 mars 2026 <strong class="govuk-tag govuk-tag--red">En retard<\/strong>/, 'the answer owed since March is overdue');
    assert.doesNotMatch(main, /Dubois|Gérard|El Amrani|Martin/, 'persons are counted, not named');
    const overdue = await director.get('/requests/overdue');
    assert.match(overdue.body, /NA\.12\.LL\.0311\/26/);
    assert.doesNotMatch(mainOf(overdue.body), /PV NA\.55/, 'a refused request is owed nothing');
    const gent = await as('directeur@gent');
    const nl = await gent.get('/requests');
    assert.match(nl.body, /<html lang="nl"[\s\S]*Register van vorderingen van overheden/);
    assert.doesNotMatch(nl.body, /NA\.12\.LL/, 'one CPAS never sees another’s register');
    assert.equal((await gent.get(`/requests/${fx.namur.requests.prepared}`)).status, 404);
  });
});

describe('intake', () => {
  test('a social worker forwards a request with its scanned letter, then loses sight of it', async () => {
    const worker = await as('assistant-social@namur');
    const form = await worker.get('/requests/new');
    assert.match(form.body, /Transmettre une demande d’autorité/);
    assert.match(form.body, /<form method="post" action="\/requests" enctype="multipart\/form-data" novalidate>/);
    assert.match(form.body, /vous ne pourrez plus consulter cette demande/);
    const letter = Buffer.from('%PDF-1.4 réquisitoire scanné');
    const sent = await worker.postMultipart('/requests', prosecutorForm({ reference: 'NA.12.LL.7001/26' }), { name: 'letter', fileName: 'C:\\scans\\requisitoire 12.pdf', mediaType: 'application/pdf', content: letter });
    assert.equal(sent.status, 303);
    assert.equal(sent.location, '/requests/forwarded');
    assert.match((await worker.get(sent.location!)).body, /Demande transmise[\s\S]*N’en parlez à personne/);

    const director = await as('directrice@namur');
    const list = await director.get('/requests');
    const id = new RegExp(`href="/requests/([0-9a-f-]{36})">Demande NA\\.12\\.LL\\.7001/26`).exec(list.body)?.[1];
    assert.ok(id, 'the request is in the register');
    assert.equal((await worker.get(`/requests/${id}`)).status, 403, 'the sender no longer sees it');
    const page = await director.get(`/requests/${id}`);
    assert.match(page.body, /Enregistrée par<\/dt>\s*<dd class="govuk-summary-list__value">Camille Lambert/);
    assert.match(page.body, /Enquête du chef de financement du terrorisme\./);
    assert.match(page.body, /Sophie Gérard<br>née ou né le 14 juillet 1992/);
    const link = /href="(\/requests\/[0-9a-f-]{36}\/attachments\/[0-9a-f-]{36})" download>requisitoire 12\.pdf</.exec(page.body)?.[1];
    assert.ok(link, 'the scan is listed under its plain file name');
    const scan = await director.download(link!);
    assert.equal(scan.headers['content-type'], 'application/pdf');
    assert.deepEqual(scan.body, letter);
    // What the sender calls a PDF may be HTML: a download, sandboxed, never shown in our origin.
    assert.equal(scan.headers['content-security-policy'], "default-src 'none'; sandbox");
    assert.equal(scan.headers['x-content-type-options'], 'nosniff');
    assert.match(String(scan.headers['content-disposition']), /^attachment; /);
  });

  test('errors are summarised and tied to their fields, and no value is echoed into a message', async () => {
    const director = await as('directrice@namur');
    await director.get('/requests/new');
    const res = await director.postMultipart('/requests', prosecutorForm({
      authorRole: '', channel: '', 'dated-day': '31', 'dated-month': '2', reasoned: '', offences: 'radicalisation',
      'subject1-name': '', 'subject1-niss': '12345678901',
    }), { name: 'letter', fileName: 'notes.txt', mediaType: 'text/plain', content: Buffer.from('x') });
    assert.equal(res.status, 400);
    assert.match(res.body, /<title>Erreur : Enregistrer une demande d’autorité/);
    for (const [id, message] of [
      ['authorRole', 'Choisissez qui fait la demande'], ['channel', 'Choisissez comment la demande est arrivée'],
      ['dated', 'Le champ « Date de la demande » doit être une date réelle'], ['reasoned', 'Dites si la demande est motivée'],
      ['offences', 'Écrivez les infractions comme des numéros d’article'], ['subject1-niss', 'Le numéro national n’est pas valide'],
      ['letter', 'Le fichier doit être un PDF, JPEG, PNG ou TIFF'],
    ]) assert.match(res.body, new RegExp(`<a href="#${id}">${message}`), id);
    assert.doesNotMatch(res.body.replace(/value="12345678901"/, ''), /12345678901/, 'the wrong number is only in its own field');
    assert.match(res.body, /value="radicalisation"/, 'typed text is kept');
  });

  test('a multipart form needs the session’s CSRF token too; a letter over 10 MB is refused with a page that says so', async () => {
    const director = await as('directrice@namur');
    await director.get('/requests/new');
    const before = (await director.get('/requests')).body.match(/href="\/requests\/[0-9a-f-]{36}"/g)?.length ?? 0;
    await director.get('/requests/new');
    const forged = await director.postMultipart('/requests', prosecutorForm({ _csrf: 'forged' }));
    assert.equal(forged.status, 403);
    assert.match(forged.body, /Formulaire expiré/);
    await director.get('/requests/new');
    const big = await director.postMultipart('/requests', prosecutorForm(), { name: 'letter', fileName: 'scan.pdf', mediaType: 'application/pdf', content: Buffer.alloc(10 * 1024 * 1024 + 1, 0x25) });
    assert.equal(big.status, 413);
    assert.match(big.body, /Fichier trop volumineux/);
    assert.equal((await director.get('/requests')).body.match(/href="\/requests\/[0-9a-f-]{36}"/g)?.length ?? 0, before, 'nothing was recorded');
  });

  test('an oral request is closed at once, with the standard reply to give', async () => {
    const agent = await as('agent@namur');
    await agent.get('/requests/new');
    const res = await agent.postMultipart('/requests', prosecutorForm({ channel: 'phone', reference: '' }));
    assert.equal(res.location, '/requests/standard-reply?forwarded=1');
    const page = await agent.get(res.location!);
    assert.match(page.body, /Demande orale enregistrée/);
    assert.match(page.body, /Le CPAS ne peut répondre qu’à une demande écrite/);
  });
});

describe('notices', () => {
  test('a forwarded request is announced once on the director’s register page, naming nothing but a link', async () => {
    const director = await as('directrice@namur');
    await director.get('/requests');
    const worker = await as('assistant-social@namur');
    await worker.get('/requests/new');
    const forwarded = await worker.postMultipart('/requests', prosecutorForm({ reference: 'NA.12.LL.NOTICE/26' }));
    assert.equal(forwarded.status, 303);
    const first = (await director.get('/requests')).body;
    const notices = /<div class="govuk-inset-text" id="register-notices">[\s\S]*?<\/div>/.exec(first)?.[0] ?? '';
    assert.match(notices, /Une nouvelle demande a été enregistrée[\s\S]*?href="\/requests\/[0-9a-f-]{36}"/);
    assert.doesNotMatch(notices, /Sophie|Gérard|NOTICE|Dupont/, 'the notice names nothing of the request');
    assert.doesNotMatch((await director.get('/requests')).body, /id="register-notices"/, 'shown once');
  });
});

describe('the two Codes pénal at intake', () => {
  test('after the switch a bare number goes to legal review, with one state and one next step; the 1867 code named at intake is answered', async () => {
    const director = await as('directrice@namur');
    const after = { 'dated-day': '2', 'dated-month': '11', 'dated-year': '2026', 'received-day': '4', 'received-month': '11', 'received-year': '2026' };
    await director.get('/requests/new');
    const bare = idFrom((await director.postMultipart('/requests', prosecutorForm({ ...after, offences: '140', reference: 'NA.12.LL.9001/26' }))).location);
    await director.post(`/requests/${bare}/assess`, {});
    const review = await director.get(`/requests/${bare}`);
    assert.match(review.body, /Service juridique|Examen par le service juridique/);
    assert.doesNotMatch(review.body, /Évaluation/, 'the assessment outcome is not shown beside another state');
    const assessment = (await director.get(`/requests/${bare}/assessment`)).body;
    assert.match(assessment, /sans dire s’il s’agit de l’ancien Code pénal \(1867\) ou du nouveau \(2024\)|1867\) ou le nouveau \(2024\)/);

    await director.get('/requests/new');
    const old = idFrom((await director.postMultipart('/requests', prosecutorForm({ ...after, offences: '140', offenceCode: '1867', reference: 'NA.12.LL.9002/26' }))).location);
    const detail = (await director.get(`/requests/${old}`)).body;
    assert.match(detail, /140 \(1867\)/, 'the register keeps the reference with its code');
    await director.post(`/requests/${old}/assess`, {});
    assert.match((await director.get(`/requests/${old}/assessment`)).body, /Issue : Répondre/);
  });
});

describe('from assessment to signature', () => {
  test('a request is assessed, matched, prepared by the delegate, signed by the director after confirming, and its PDF downloads', async () => {
    const director = await as('directrice@namur');
    await director.get('/requests/new');
    const recorded = await director.postMultipart('/requests', prosecutorForm({ 'subject1-name': '', 'subject1-birthDate-day': '', 'subject1-birthDate-month': '', 'subject1-birthDate-year': '', 'subject1-niss': '86.03.27-212.xx' }));
    assert.equal(recorded.status, 400, 'a mistyped number is caught');
    const niss = /86\.03\.27-212\.(\d\d)/.exec((await director.post('/search', { niss: '', name: 'dubois', purpose: 'authority-request' })).body)?.[1];
    await director.get('/requests/new');
    const ok = await director.postMultipart('/requests', prosecutorForm({ 'subject1-name': '', 'subject1-birthDate-day': '', 'subject1-birthDate-month': '', 'subject1-birthDate-year': '', 'subject1-niss': `86.03.27-212.${niss}`, items: ['identity', 'domicile-address', 'aid-decisions', 'social-report'], reference: 'NA.12.LL.5150/26' }));
    const id = idFrom(ok.location);
    assert.equal(ok.location, `/requests/${id}?done=recorded`);
    const detail = await director.get(ok.location!);
    assert.match(detail.body, /La demande a été enregistrée\./);
    assert.match(detail.body, /Étape suivante : évaluer la demande/);

    const assessed = await director.post(`/requests/${id}/assess`, {});
    assert.equal(assessed.location, `/requests/${id}/assessment?done=assessed`);
    const assessment = await director.get(assessed.location!);
    assert.match(assessment.body, /Issue : Répondre/);
    assert.match(assessment.body, /id="item-identity"[\s\S]*?Communiquer[\s\S]*?la loi oblige le CPAS à les communiquer[\s\S]*?R9: art\. 46bis\/1/);
    assert.match(assessment.body, /id="item-social-report"[\s\S]*?Ne pas communiquer[\s\S]*?Un rapport social n’est pas un renseignement administratif[\s\S]*?R10, R33/);
    assert.match(assessment.body, /Secret de la mesure/);
    assert.match(assessment.body, new RegExp(`Qui signe la réponse[\\s\\S]*${keepTogether('Directeur·rice général·e')}[\\s\\S]*${keepTogether('Président·e')}`));

    const match = await director.get(`/requests/${id}/subjects/1`);
    assert.match(match.body, /Recherche par numéro national :/);
    assert.match(match.body, /1 dossier trouvé/);
    assert.match(match.body, new RegExp(`value="${fx.namur.persons.dubois}"[\\s\\S]*Dubois, Marie`));
    assert.equal((await director.post(`/requests/${id}/subjects/1`, {})).status, 400);
    assert.equal((await director.post(`/requests/${id}/subjects/1`, { personId: fx.namur.persons.gerard! })).status, 400, 'a file with another national number is refused');
    const matched = await director.post(`/requests/${id}/subjects/1`, { personId: fx.namur.persons.dubois! });
    assert.equal(matched.location, `/requests/${id}?done=matched`);
    assert.match((await director.get(matched.location!)).body, /Dossier confirmé[\s\S]*par Isabelle Dumont/);

    const secretariat = await as('secretariat@namur');
    await secretariat.get(`/requests/${id}`);
    const prepared = await secretariat.post(`/requests/${id}/prepare`, {});
    assert.equal(prepared.location, `/requests/${id}/letter?done=prepared`);
    const draft = await secretariat.get(prepared.location!);
    assert.match(draft.body, /Projet de réponse/);
    assert.match(draft.body, /Projet non signé : rien n’est parti/);
    assert.match(draft.body, /Rue des Tanneries/, 'the domicile that would leave');
    assert.match(draft.body, /Comité spécial du service social/, 'the aid decision that would leave');
    assert.match(draft.body, /id="withheld-social-report"[\s\S]*Un rapport social n’est pas un renseignement administratif/);
    assert.doesNotMatch(draft.body, /Le loyer absorbe|plan d’apurement/, 'nothing of the social report');
    assert.match(draft.body, /Seul le directeur général ou le président du CPAS peut signer/);
    assert.doesNotMatch(draft.body, /action="\/requests\/[^"]+\/sign/, 'the delegate is offered no signature');

    const letter = await director.get(`/requests/${id}/letter`);
    const sha = /name="sha256" value="([0-9a-f]{64})"/.exec(letter.body)?.[1];
    assert.ok(sha, 'the director is offered the signature');
    const confirm = await director.post(`/requests/${id}/sign/confirm`, { sha256: sha! });
    assert.equal(confirm.status, 200);
    assert.match(confirm.body, /Confirmer la signature/);
    assert.match(confirm.body, /La signature est définitive/);
    assert.match(confirm.body, /1 personne nommée dans la demande, 1 avec un dossier au CPAS/);
    assert.match(confirm.body, new RegExp(`<code class="app-hash">${sha}</code>`));
    const unconfirmed = await director.post(`/requests/${id}/sign`, { sha256: sha!, role: 'directeur-general' });
    assert.equal(unconfirmed.status, 400);
    assert.match(unconfirmed.body, /<a href="#confirm">Cochez la case/);
    const signed = await director.post(`/requests/${id}/sign`, { sha256: sha!, role: 'directeur-general', confirm: 'yes' });
    assert.equal(signed.location, `/requests/${id}?done=signed`);
    const after = await director.get(signed.location!);
    assert.match(after.body, /La réponse est signée/);
    assert.match(after.body, new RegExp(`Isabelle Dumont \\(${keepTogether('Directeur·rice général·e')}\\)`));

    const pdf = await director.download(`/requests/${id}/letter.pdf`);
    assert.equal(pdf.status, 200);
    assert.equal(pdf.headers['content-type'], 'application/pdf');
    assert.equal(pdf.headers['content-disposition'], `attachment; filename="letter-${id}.pdf"`);
    assert.ok(pdf.body.length > 1000 && pdf.body.subarray(0, 5).toString() === '%PDF-');
    const sent = await director.post(`/requests/${id}/sent`, {});
    assert.equal(sent.location, `/requests/${id}?done=sent`);
    assert.match((await director.get(sent.location!)).body, /L’envoi de la lettre a été enregistré[\s\S]*Envoyée/);
  });

  test('four eyes: whoever prepared a draft cannot sign it, and a changed draft sends the signatory back to it', async () => {
    const id = fx.namur.requests.prepared!;
    const president = await as('president@namur');
    const director = await as('directrice@namur');
    const before = await director.get(`/requests/${id}/letter`);
    const oldSha = /name="sha256" value="([0-9a-f]{64})"/.exec(before.body)![1]!;
    await president.get(`/requests/${id}`);
    assert.equal((await president.post(`/requests/${id}/prepare`, {})).location, `/requests/${id}/letter?done=prepared`);
    const own = await president.get(`/requests/${id}/letter`);
    assert.match(own.body, /Vous avez préparé ce projet : un autre signataire/);
    const sha = /<code class="app-hash">([0-9a-f]{64})<\/code>/.exec(own.body)![1]!;
    const refused = await president.post(`/requests/${id}/sign`, { sha256: sha, role: 'president', confirm: 'yes' });
    assert.equal(refused.status, 403);
    assert.match(refused.body, /Vous avez préparé ce projet/);
    const stale = await director.post(`/requests/${id}/sign`, { sha256: oldSha === sha ? '0'.repeat(64) : oldSha, confirm: 'yes' });
    assert.equal(stale.location, `/requests/${id}/letter?changed=1`);
    assert.match((await director.get(stale.location!)).body, /Le projet a changé depuis que vous l’avez ouvert/);
    const signed = await director.post(`/requests/${id}/sign`, { sha256: sha, confirm: 'yes' });
    assert.equal(signed.location, `/requests/${id}?done=signed`);
  });

  test('a police request is refused with a signed letter, after confirmation; nothing is matched or prepared', async () => {
    const director = await as('directrice@namur');
    await director.get('/requests/new');
    const recorded = await director.postMultipart('/requests', prosecutorForm({ authorRole: 'police', authorOffice: 'Zone de police', reference: 'PV.2026.77', offences: '' }));
    const id = idFrom(recorded.location);
    await director.post(`/requests/${id}/assess`, {});
    const page = await director.get(`/requests/${id}`);
    assert.match(page.body, /Ce n’est pas une demande de l’article 46bis\/1/);
    assert.doesNotMatch(page.body, /Rechercher le dossier/, 'no file is looked for');
    assert.match(page.body, new RegExp(`href="/requests/${id}/refuse"`));
    assert.doesNotMatch(page.body, new RegExp(`href="/requests/${id}/return"`), 'the assessment decides which letter');
    const form = await director.get(`/requests/${id}/refuse`);
    assert.match(form.body, /La demande n’émane pas du procureur du Roi/);
    assert.match(form.body, /La lettre ne dit pas si la personne est connue du CPAS/);
    assert.equal((await director.post(`/requests/${id}/refuse`, { comment: '' })).status, 400);
    const done = await director.post(`/requests/${id}/refuse`, { comment: '', confirm: 'yes', role: 'directeur-general' });
    assert.equal(done.location, `/requests/${id}?done=refused`);
    assert.match((await director.get(done.location!)).body, /La lettre de refus est signée[\s\S]*Refusée/);
    const pdf = await director.download(`/requests/${id}/letter.pdf`);
    assert.equal(pdf.headers['content-type'], 'application/pdf');
    assert.ok(pdf.body.length > 0);
    assert.equal((await (await as('secretariat@namur')).get(`/requests/${id}/refuse`)).status, 403, 'a delegate never signs');
  });

  test('in Dutch: the standard reasons in Dutch, the stored French one click away', async () => {
    const director = await as('directeur@gent');
    const page = await director.get(`/requests/${fx.gent.requests.prepared}/assessment`);
    assert.match(page.body, /<html lang="nl"/);
    assert.match(page.body, /Uitkomst: Antwoorden/);
    assert.match(page.body, /id="item-social-notes"[\s\S]*?Niet meedelen[\s\S]*?Gespreksnotities en vertrouwelijke mededelingen[\s\S]*?Oorspronkelijke tekst \(Frans\)[\s\S]*?<p class="govuk-body" lang="fr">Les notes d’entretien/);
    // The source in Dutch legal abbreviations (Sw., GwH), not the French ones.
    assert.match(page.body, /R10: droitsquotidiens\.be; GwH nr\. 44\/2019, B\.11; art\. 458 Sw\./);
    assert.doesNotMatch(page.body, /C\. pén\.|C\.C\. 44/);
    const letter = await director.get(`/requests/${fx.gent.requests.prepared}/letter`);
    assert.match(letter.body, /Ontwerpantwoord[\s\S]*Sint-Pietersnieuwstraat/);
    // The data to disclose read as the letter writes them: no raw codes, the national number formatted.
    assert.doesNotMatch(letter.body, /Land<\/dt>|Type d’adresse|>BE</);
    assert.match(letter.body, /Voorbereid door<\/dt>\s*<dd class="govuk-summary-list__value">Eva Willems/);
  });
});

describe('protections on the register’s pages', () => {
  test('CSP and a CSRF token in every form; no personal data in any address', async () => {
    const director = await as('directrice@namur');
    const id = fx.namur.requests.received!;
    await director.get(`/requests/${id}`);
    assert.equal((await director.post(`/requests/${id}/assess`, {})).location, `/requests/${id}/assessment?done=assessed`);
    const prepared = fx.namur.requests.prepared!;
    const urls = ['/requests', '/requests/overdue', '/requests/new', `/requests/${id}`, `/requests/${id}/assessment`, `/requests/${id}/subjects/1`,
      `/requests/${fx.namur.requests.refused}`, `/requests/${prepared}`, `/requests/${prepared}/letter`, '/requests/forwarded', '/requests/standard-reply'];
    const seen: string[] = [];
    for (const url of urls) {
      const page = await director.get(url);
      assert.equal(page.status, 200, url);
      assert.match(String(page.headers['content-security-policy']), /^default-src 'self'; script-src 'self'/);
      assert.doesNotMatch(page.body, /<script(?![^>]*\bsrc=)/);
      assert.doesNotMatch(page.body, /\sstyle="/);
      for (const form of page.body.match(/<form[\s\S]*?<\/form>/g) ?? []) assert.match(form, /method="post"[\s\S]*name="_csrf" value="[^"]+"/, url);
      seen.push(url, ...urlsOf(page.body));
    }
    const forged = await director.request('POST', `/requests/${id}/assess`, { _csrf: 'forged' });
    assert.equal(forged.status, 403);
    assert.ok(seen.length > 100);
    for (const url of seen.map((u) => u.replace(/\?v=[0-9a-f]+$/, '').replace(/[0-9a-f]{8}-[0-9a-f-]{27}/g, 'ID'))) {
      assert.doesNotMatch(url, /\d{6}/, url);
      assert.doesNotMatch(url, /dubois|marie|amrani|ahmed|g[ée]rard|sophie|martin|1986|1979|1992/i, url);
    }
  });
});
