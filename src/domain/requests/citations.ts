// The assessment's sources are written in French, as the rules were researched. A Dutch- or
// German-speaking reader (a director in Gent or Eupen, a Dutch-speaking parquet) cites the same law
// with other abbreviations: « art. 46bis/1 §1 CIC; C.C. 44/2019 » reads « art. 46bis/1, §1 Sv.;
// GwH nr. 44/2019 » in Dutch. This table rewrites the legal citations and connecting words of every
// source the assessment can cite; the names of secondary sources (droitsquotidiens.be, RWLP, NJW)
// stay as they are. A test runs every source through it and fails on any French word left.
type Lang = 'fr' | 'nl' | 'de';

/** [French, Dutch, German], applied in order: longer phrases before the words they contain. */
const PHRASES: readonly (readonly [string, string, string])[] = [
  ['aucune source sur le juge d’instruction', 'geen bron over de onderzoeksrechter', 'keine Quelle zum Untersuchungsrichter'],
  ['ne nomme que le procureur du Roi', 'noemt enkel de procureur des Konings', 'nennt nur den Prokurator des Königs'],
  ['(trois fédérations de CPAS)', '(drie federaties van OCMW’s)', '(drei ÖSHZ-Verbände)'],
  ['liste publiée par le RWLP, qui ne le cite pas', 'lijst gepubliceerd door het RWLP, die het niet vermeldt', 'vom RWLP veröffentlichte Liste, die es nicht nennt'],
  ['liste publiée par le RWLP', 'lijst gepubliceerd door het RWLP', 'vom RWLP veröffentlichte Liste'],
  ['(la cite) et liste du RWLP sur', '(vermeldt ze) en lijst van het RWLP over', '(nennt sie) und Liste des RWLP zu'],
  ['(la cite) contre liste du RWLP sur', '(vermeldt ze) tegenover lijst van het RWLP over', '(nennt sie) gegenüber der Liste des RWLP zu'],
  ['(ne la cite pas)', '(vermeldt ze niet)', '(nennt sie nicht)'],
  ['situation administrative de la personne', 'administratieve toestand van de persoon', 'Verwaltungssituation der Person'],
  ['(flux BCSS)', '(KSZ-stromen)', '(ZDSS-Datenflüsse)'],
  ['(rapports sociaux exclus)', '(sociale verslagen uitgesloten)', '(Sozialberichte ausgeschlossen)'],
  ['pas toutes les données détenues', 'niet alle gegevens in het bezit', 'nicht alle vorhandenen Daten'],
  ['circulaire SPP IS', 'omzendbrief POD MI', 'Rundschreiben ÖPD SE'],
  ['circulaire wallonne du 2 juin 2022', 'Waalse omzendbrief van 2 juni 2022', 'wallonisches Rundschreiben vom 2. Juni 2022'],
  ['AR du 1er décembre 2013, art. 1er', 'KB van 1 december 2013, art. 1', 'KE vom 1. Dezember 2013, Art. 1'],
  ['loi du 17 mai 2017 (MB 3 juillet 2017)', 'wet van 17 mei 2017 (BS 3 juli 2017)', 'Gesetz vom 17. Mai 2017 (BS 3. Juli 2017)'],
  ['loi du 19 décembre 2003', 'wet van 19 december 2003', 'Gesetz vom 19. Dezember 2003'],
  ['loi du 29 février 2024 introduisant le livre II du Code pénal (MB 8 avril 2024)', 'wet van 29 februari 2024 tot invoering van boek II van het Strafwetboek (BS 8 april 2024)', 'Gesetz vom 29. Februar 2024 zur Einführung von Buch II des Strafgesetzbuches (BS 8. April 2024)'],
  ['report au 1er septembre 2026 : arcaslaw.be (non confirmé)', 'uitstel tot 1 september 2026: arcaslaw.be (niet bevestigd)', 'Verschiebung auf den 1. September 2026: arcaslaw.be (nicht bestätigt)'],
  ['numéros des infractions terroristes du livre II (2024) non trouvés', 'nummers van de terroristische misdrijven van boek II (2024) niet gevonden', 'Nummern der terroristischen Straftaten von Buch II (2024) nicht gefunden'],
  ['Code pénal (2024), livre Ier, art. 2 (non-rétroactivité)', 'Sw. 2024, boek I, art. 2 (niet-terugwerkende kracht)', 'StGB 2024, Buch I, Art. 2 (Rückwirkungsverbot)'],
  ['livre II commençant à l’art. 79', 'boek II begint bij art. 79', 'Buch II beginnt mit Art. 79'],
  ['pratique de citation', 'citeerpraktijk', 'Zitierpraxis'],
  ['Code pénal, livre II, titre Ierter', 'Sw., boek II, titel Iter', 'StGB, Buch II, Titel Iter'],
  ['("qu’il juge nécessaires")', '("die hij nodig acht")', '("die er für notwendig hält")'],
  ['« art. 458 Sw. 1867 »', '“art. 458 Sw. 1867”', '„Art. 458 StGB 1867“'],
  ['SPF Justice', 'FOD Justitie', 'FÖD Justiz'],
  ['art. 458 C. pén.', 'art. 458 Sw.', 'Art. 458 StGB'],
  ['C.C. ', 'GwH nr. ', 'VerfGH Nr. '],
  [' CIC', ' Sv.', ' StPGB'],
  ['RGPD', 'AVG', 'DSGVO'],
  [' et ', ' en ', ' und '],
  [' contre ', ' tegenover ', ' gegenüber '],
  ['art. ', 'art. ', 'Art. '],
];

/** A source of the assessment, written with the legal abbreviations of `lang`. */
export function citeIn(lang: Lang, source: string): string {
  if (lang === 'fr') return source;
  const column = lang === 'nl' ? 1 : 2;
  return PHRASES.reduce((text, phrase) => text.split(phrase[0]).join(phrase[column]), source);
}

/** French words that must not survive in a Dutch or German citation (checked by the tests). */
export const FRENCH_MARKERS = [' et ', ' du ', ' de la ', ' le ', ' la ', ' les ', 'loi ', 'liste', 'pénal', 'CIC', 'C.C.', 'circulaire', 'aucune', 'nomme', 'publiée', 'livre', 'RGPD'];
