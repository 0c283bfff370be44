// Display forms of values that do not depend on the language.

/** The national number as printed on Belgian documents: 85.07.30-033.28. */
export const formatNiss = (niss: string | null | undefined): string =>
  niss && /^\d{11}$/.test(niss) ? `${niss.slice(0, 2)}.${niss.slice(2, 4)}.${niss.slice(4, 6)}-${niss.slice(6, 9)}.${niss.slice(9)}` : (niss ?? '');

export const personName = (p: { familyName: string; givenNames: string }): string => `${p.givenNames} ${p.familyName}`;

/** An IBAN in groups of four, as people read it. */
export const formatIban = (iban: string | null | undefined): string => (iban ? iban.replace(/(.{4})(?=.)/g, '$1 ') : '');
