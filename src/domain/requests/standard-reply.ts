// The reply every staff member gives to an oral request (R4), and the language of the CPAS's
// letters. The reply confirms nothing: not whether the person is known to the CPAS, not whether
// a file exists. Being a CPAS beneficiary is itself covered by professional secrecy.

export const LETTER_LANGUAGES = ['fr', 'nl', 'de'] as const;
export type LetterLanguage = (typeof LETTER_LANGUAGES)[number];

export const STANDARD_REPLY: Readonly<Record<LetterLanguage, string>> = {
  fr: "Le CPAS ne peut répondre qu’à une demande écrite et motivée du procureur du Roi (article 46bis/1 du Code d’instruction criminelle). Merci de nous l’adresser par écrit. Aucune information ne peut être donnée oralement.",
  nl: 'Het OCMW kan enkel antwoorden op een schriftelijke en met redenen omklede vordering van de procureur des Konings (artikel 46bis/1 van het Wetboek van strafvordering). Gelieve ons die schriftelijk te bezorgen. Mondeling kan geen enkele inlichting worden gegeven.',
  de: 'Das ÖSHZ kann nur auf ein schriftliches und mit Gründen versehenes Ersuchen des Prokurators des Königs antworten (Artikel 46bis/1 des Strafprozessgesetzbuches). Bitte richten Sie es schriftlich an uns. Mündlich kann keinerlei Auskunft erteilt werden.',
};

/** The CPAS writes in its own language; in the German-speaking region, in German (R40). */
export function letterLanguageOf(cpas: { region: string; defaultLanguage: string }): LetterLanguage {
  if (cpas.region === 'ostbelgien') return 'de';
  return cpas.defaultLanguage === 'nl' ? 'nl' : cpas.defaultLanguage === 'de' ? 'de' : 'fr';
}
