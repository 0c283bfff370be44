// A CPAS's name inside a sentence, with the article and contraction each language wants: "le
// personnel du CPAS de Namur", "de l’OCMW Gent", "par le CPAS", "het personeel van het OCMW Gent",
// "das Personal des ÖSHZ Eupen". A name that starts with the institution's acronym takes the
// article; any other name (a municipality, "Confiance") is used as it is.
export type CpasForm = 'of' | 'by' | 'subject';

const INSTITUTION = /^(CPAS|OCMW|ÖSHZ)\b/;

const FRENCH: Record<CpasForm, Record<'le' | 'l’' | 'none', string>> = {
  of: { le: 'du ', 'l’': 'de l’', none: 'de ' },
  by: { le: 'par le ', 'l’': 'par l’', none: 'par ' },
  subject: { le: 'Le ', 'l’': 'L’', none: '' },
};
const DUTCH: Record<CpasForm, [string, string]> = { of: ['van het ', 'van '], by: ['door het ', 'door '], subject: ['Het ', ''] };
const GERMAN: Record<CpasForm, [string, string]> = { of: ['des ', 'von '], by: ['vom ', 'von '], subject: ['Das ', ''] };

export function cpasInSentence(lang: 'fr' | 'nl' | 'de', name: string, form: CpasForm): string {
  const institution = INSTITUTION.exec(name)?.[1];
  if (lang === 'fr') {
    // "CPAS" is said "cé-pé-a-èsse" (le); OCMW and ÖSHZ begin with a vowel sound (l’).
    const article = institution === undefined ? 'none' : institution === 'CPAS' ? 'le' : 'l’';
    return `${FRENCH[form][article]}${name}`;
  }
  const [withArticle, without] = (lang === 'nl' ? DUTCH : GERMAN)[form];
  return `${institution ? withArticle : without}${name}`;
}
