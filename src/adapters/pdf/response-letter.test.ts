// The letters as a reader finds them in the PDF (pdftotext): in French, Dutch and German, accents
// intact, the letterhead, the request's reference and date, each disclosed item, each withheld
// item with its legal ground, the signatory, and the hash of the signed content.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assessRequest, DEFAULT_ASSESSMENT_CONFIG } from '../../domain/requests/assess.ts';
import { canonicalJson, sha256Hex, type AnswerContent, type ClosingContent } from '../../domain/requests/letter-content.ts';
import type { LetterLanguage } from '../../domain/requests/standard-reply.ts';
import { pdfTestSkip, pdfText } from '../../testing/pdf-text.ts';
import { renderResponseLetter } from './response-letter.ts';

const skip = pdfTestSkip();

const assessment = assessRequest(
  {
    dated: '2026-03-02',
    received: '2026-03-04',
    channel: 'letter',
    author: { role: 'procureur-du-roi', name: 'M. Dupont, substitut', office: 'Parquet de Namur' },
    reasoned: true,
    offences: ['140'],
    subjects: [{ niss: '85073003328' }],
    items: ['identity', 'domicile-address', 'aid-decisions', 'social-report'],
  },
  DEFAULT_ASSESSMENT_CONFIG,
);

function answer(language: LetterLanguage): AnswerContent {
  return {
    v: 1,
    kind: 'answer',
    language,
    cpas: { name: 'CPAS de Liège — Société anonyme œuvrée', street: 'Place Saint-Lambert 1', postalCode: '4000', municipality: 'Liège', phone: '04 000 00 00', email: null },
    request: { reference: 'LI.12.LL.555/26', dated: '2026-03-02', received: '2026-03-04', channel: 'letter', author: { role: 'procureur-du-roi', name: 'M. Dupont, substitut', office: 'Parquet de Liège' } },
    items: assessment.items,
    subjects: [{
      position: 1,
      asGiven: { name: null, niss: '85073003328', birthDate: null },
      file: 'found',
      data: {
        identity: { person: [{ family_name: 'Müller-Hélène', given_names: 'Zoë', birth_date: '1985-07-30', birth_place: 'Liège', sex: 'F', nationality: 'BE', niss: '85073003328' }] },
        'domicile-address': { person_address: [{ kind: 'domicile', street: 'Rue Féronstrée', house_number: '12', box: null, postal_code: '4000', municipality: 'Liège', country: 'BE', valid_from: '2020-01-01', valid_to: null }] },
        'aid-decisions': { decision: [{ body: 'comite-special-service-social', decided_on: '2026-02-01', outcome: 'granted', amount_cents: 126385, period_from: '2026-02-01', period_to: null }] },
      },
    }],
    configuration: { ...assessment.configuration, settingsVersion: 0 },
  };
}

async function render(content: AnswerContent | ClosingContent, signed = true, title: string | null = null) {
  const sha256 = sha256Hex(canonicalJson(content));
  const signature = signed ? { name: 'Anne-Françoise Lejeune', role: 'directeur-general' as const, title, signedAt: new Date('2026-03-06T10:00:00Z') } : null;
  return { sha256, text: pdfText(await renderResponseLetter({ content, sha256, signature, date: new Date('2026-03-06T10:00:00Z') })) };
}

const flat = (text: string) => text.replace(/\s+/g, ' ');

test('a French answer: letterhead, reference, data item by item, withheld with its ground, signatory', { skip }, async () => {
  const { text, sha256 } = await render(answer('fr'), true, 'Directrice générale');
  const t = flat(text);
  for (const expected of [
    'CPAS de Liège — Société anonyme œuvrée', 'Place Saint-Lambert 1, 4000 Liège', 'Procureur du Roi', 'LI.12.LL.555/26', '2 mars 2026', '4 mars 2026',
    "article 46bis/1 du Code d’instruction criminelle",
    // Identity in natural order, sex and nationality in words, the national number as the Register prints it.
    'Zoë MÜLLER-HÉLÈNE, sexe féminin, née le 30 juillet 1985 à Liège, Nationalité : Belgique, Numéro de registre national : 85.07.30-033.28',
    // A Belgian postal address, the kind of address in words, no country for Belgium.
    'Domicile : Rue Féronstrée 12, 4000 Liège (depuis le 1er janvier 2020)',
    '1 263,85', 'accordée',
    'Rapports sociaux', 'secret professionnel (article 458 du Code pénal)', 'arrêt n° 44/2019', 'Anne-Françoise Lejeune', 'Directrice générale, CPAS de Liège', 'Fait à Liège, le 6 mars 2026', sha256,
  ]) {
    assert.ok(t.includes(expected), `missing: ${expected}`);
  }
  assert.ok(!t.includes('(e) du CPAS') && !t.includes('Directeur général / Directrice'), 'the signer signs with their own title');
  assert.ok(!/\b(BE|F|domicile) ·/.test(t) && !t.includes('Pays'), 'no raw codes, no field-per-field listing of an address');
  assert.ok(!t.includes('PROJET'), 'a signed letter is not a draft');
  assert.ok(!t.includes('R10') && !t.includes('droitsquotidiens'), 'internal rule ids and web sources stay in the register');
});

test('a Dutch and a German answer, with their own legal wording', { skip }, async () => {
  const nl = flat((await render(answer('nl'))).text);
  for (const expected of ['procureur des Konings', 'Wetboek van strafvordering', 'Sociale verslagen', 'beroepsgeheim', 'Algemeen directeur', 'maart 2026', 'Zoë MÜLLER-HÉLÈNE', 'vrouwelijk geslacht', 'Rijksregisternummer: 85.07.30-033.28', 'Woonplaats: Rue Féronstrée 12, 4000 Liège', 'Uw kenmerk: LI.12.LL.555/26']) {
    assert.ok(nl.includes(expected), `nl missing: ${expected}`);
  }
  const de = flat((await render(answer('de'))).text);
  for (const expected of ['Prokurator des Königs', 'Strafprozessgesetzbuches', 'Sozialberichte', 'Berufsgeheimnis', 'Für die Generaldirektion des ÖSHZ', 'März 2026', 'Wohnsitz: Rue Féronstrée 12, 4000 Liège']) {
    assert.ok(de.includes(expected), `de missing: ${expected}`);
  }
});

test('a refusal and a return state their grounds; a draft says it is one', { skip }, async () => {
  const base = answer('fr');
  const refusal: ClosingContent = { v: 1, kind: 'refusal', language: 'fr', cpas: base.cpas, request: { ...base.request, channel: 'phone', author: { role: 'police', name: null, office: 'Zone de police' } }, grounds: ['not-written', 'author-not-authorised'] };
  const r = flat((await render(refusal)).text);
  assert.ok(r.includes('demande écrite et motivée du procureur du Roi'), 'the standard reply');
  assert.ok(r.includes("La demande n’émane pas du procureur du Roi"));
  assert.ok(r.includes('Madame, Monsieur,') && !r.includes('Madame, Monsieur le Procureur'), 'the police is not addressed as a prosecutor');
  const ret: ClosingContent = { ...refusal, kind: 'return-for-completion', language: 'nl', request: base.request, grounds: ['not-reasoned'] };
  const n = flat((await render(ret, false)).text);
  assert.ok(n.includes('niet met redenen omkleed'));
  assert.ok(n.includes('ONTWERP'), 'an unsigned letter is marked as a draft');
});
