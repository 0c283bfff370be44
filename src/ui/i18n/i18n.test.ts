import { test } from 'node:test';
import assert from 'node:assert/strict';
import { de } from './de.ts';
import { fr } from './fr.ts';
import { DEMO_SEED } from '../../cli/demo.ts';
import { generateDemo } from '../../demo/generate.ts';
import { LANGS, langFromAcceptLanguage, translator } from './index.ts';
import { nl } from './nl.ts';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
const forms = (message: unknown): string[] => (typeof message === 'string' ? [message] : Object.values(message as Record<string, string>));

test('nl and de use the same placeholders as fr, key by key (a missing key already fails tsc)', () => {
  for (const [name, dictionary] of [['nl', nl], ['de', de]] as const) {
    for (const [key, reference] of Object.entries(fr)) {
      const expected = placeholders(forms(reference)[0]!);
      for (const form of forms((dictionary as Record<string, unknown>)[key])) {
        assert.deepEqual(placeholders(form), expected, `${name} ${key}`);
      }
    }
  }
});

test('no message is empty', () => {
  for (const dictionary of [fr, nl, de]) {
    for (const [key, message] of Object.entries(dictionary)) for (const form of forms(message)) assert.ok(form.trim().length > 0, key);
  }
});

test('plurals follow each locale', () => {
  assert.equal(translator('fr').plural('caseload.count', 0), '0 personne');
  assert.equal(translator('fr').plural('caseload.count', 1), '1 personne');
  assert.equal(translator('fr').plural('caseload.count', 2), '2 personnes');
  assert.equal(translator('nl').plural('caseload.count', 0), '0 personen');
  assert.equal(translator('nl').plural('caseload.count', 1), '1 persoon');
  assert.equal(translator('de').plural('search.results', 1), '1 Person gefunden');
  assert.equal(translator('fr').plural('caseload.count', 1500), '1\u202f500 personnes');
});

test('dates and amounts in Belgian formats', () => {
  assert.equal(translator('fr').date('2026-03-01'), '1er mars 2026');
  assert.equal(translator('nl').date('2026-03-01'), '1 maart 2026');
  assert.equal(translator('de').date('2026-03-01'), '1. März 2026');
  assert.equal(translator('fr').money(163131), '1\u202f631,31\u00a0€');
  assert.equal(translator('nl').money(163131), '€\u00a01.631,31');
  assert.equal(translator('fr').date(null), '');
  assert.equal(translator('nl').country('BE'), 'België');
});

test('parameters are filled in, and a value is never re-read as a template', () => {
  assert.equal(translator('fr').t('file.title', { name: '{name}' }), 'Dossier de {name}');
  assert.equal(translator('nl').t('purpose.current', { purpose: 'Supervisie' }), 'Doel van de raadpleging: Supervisie.');
});

test('Accept-Language picks the best supported language', () => {
  assert.equal(langFromAcceptLanguage('nl-BE,nl;q=0.9,fr;q=0.8'), 'nl');
  assert.equal(langFromAcceptLanguage('en-GB,en;q=0.9,de;q=0.5,fr;q=0.7'), 'fr');
  assert.equal(langFromAcceptLanguage('en'), null);
  assert.equal(langFromAcceptLanguage(undefined), null);
});

test('a date shown is the Brussels calendar day: a calendar date as written, an instant on its Brussels day', () => {
  const t = translator('fr');
  assert.equal(t.date('2026-03-28'), '28 mars 2026');
  // 23:30 UTC on 28 March is 00:30 on 29 March in Brussels: a note written then is dated the 29th.
  assert.equal(t.date(new Date('2026-03-28T23:30:00Z')), '29 mars 2026');
  assert.equal(t.date('2026-03-28T23:30:00.000Z'), '29 mars 2026');
  assert.equal(t.date('2026-10-24T21:59:00.000Z'), '24 octobre 2026');
  assert.equal(t.date('2026-10-24T22:00:00.000Z'), '25 octobre 2026');
  assert.equal(t.date('pas une date'), '');
});

// A newcomer types what the hint shows: it must be an account `npm start` prints (src/app/load-demo.ts).
test('the login hint names a real demo account, in every language', () => {
  const logins = new Set(generateDemo(DEMO_SEED, 1).cpas.flatMap((c) => c.users.map((u) => `${u.username}@${c.code}`)));
  for (const lang of LANGS) {
    const named = /[\w.-]+@[\w-]+/.exec(translator(lang).t('login.loginHint'))?.[0];
    assert.ok(named && logins.has(named), `${lang}: ${named}`);
  }
});

// Issue 10's typography, on every text of the dictionaries (the crawl checks the pages).
test('typography: one apostrophe in French, no space before a colon in Dutch and German, no plural in brackets', () => {
  const texts = (dictionary: object) => Object.entries(dictionary).flatMap(([key, message]) => forms(message).map((form) => [key, form] as const));
  for (const [key, text] of texts(fr)) {
    assert.doesNotMatch(text, /(?<![\p{L}])(?:l|d|n|j|s|t|c|m|qu|jusqu|lorsqu|puisqu)'(?=\p{L})/iu, `fr ${key}: ’ not '`);
    assert.doesNotMatch(text, /\p{L}\(s\)/u, `fr ${key}: a plural through Intl.PluralRules`);
  }
  for (const [name, dictionary] of [['nl', nl], ['de', de]] as const) {
    for (const [key, text] of texts(dictionary)) assert.doesNotMatch(text, /\p{L} :(?=\s|$)/u, `${name} ${key}: no space before a colon`);
  }
});

test('French dates write the first of the month as « 1er », in Brussels time; other languages do not', () => {
  assert.equal(translator('fr').date('2026-01-01'), '1er janvier 2026');
  assert.equal(translator('fr').dateTime('2026-02-28T23:30:00Z'), '1er mars 2026 à 00:30');
  assert.equal(translator('fr').date('2026-01-11'), '11 janvier 2026');
  assert.equal(translator('nl').date('2026-01-01'), '1 januari 2026');
  assert.equal(translator('de').date('2026-01-01'), '1. Januar 2026');
});

test('a CPAS’s name in a sentence takes its article: du CPAS, de l’OCMW, van het OCMW, des ÖSHZ', () => {
  const fr = translator('fr');
  assert.match(fr.t('users.intro', { ofCpas: fr.cpas('CPAS de Namur', 'of') }), /^Le personnel du CPAS de Namur et ses rôles/);
  assert.equal(fr.cpas('OCMW Gent', 'of'), 'de l’OCMW Gent');
  assert.equal(fr.cpas('CPAS de Namur', 'subject'), 'Le CPAS de Namur');
  assert.equal(fr.cpas('Confiance', 'subject'), 'Confiance');
  assert.equal(translator('nl').cpas('OCMW Gent', 'by'), 'door het OCMW Gent');
  assert.equal(translator('de').cpas('ÖSHZ Eupen', 'of'), 'des ÖSHZ Eupen');
});

test('an inclusive role name does not break across lines; a plain one is left as it is', () => {
  const label = translator('fr').t('role.social-worker');
  assert.equal(label, 'Assistant\u2060·\u2060e\u00a0social\u2060·\u2060e');
  assert.doesNotMatch(translator('de').t('role.social-worker'), /\/(?!\u2060)/);
  assert.equal(translator('fr').t('role.head-of-social-service'), 'Responsable du service social');
  assert.equal(translator('nl').t('role.social-worker'), 'Maatschappelijk werker');
});

test('inclusive forms in any text stay whole: no break at the dot, between the two words, at the slash', () => {
  assert.equal(translator('fr').t('assign.worker'), 'Assistant\u2060·\u2060e\u00a0social\u2060·\u2060e');
  assert.equal(translator('fr').t('nav.signedInAs', { name: 'Anne·x B' }), 'Connecté\u2060·\u2060e : Anne·x B', 'names are left as typed');
  assert.equal(translator('de').t('assign.worker'), 'Sozialarbeiter\u2060/\u2060in');
});
