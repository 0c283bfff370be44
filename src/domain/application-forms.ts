// What a person declares when applying for aid, kind by kind: the facts the social inquiry starts
// from, each with its type and its label in the three languages of the CPAS. One list serves the
// API's schema (schemas.ts builds the zod schema of every kind from it), the page form and the file
// page, so a field the API accepts is never shown as a raw key, and a field the form offers is never
// refused by the API. The kinds are the aids a CPAS/OCMW grants most: the integration income (loi du
// 26 mai 2002), equivalent financial social aid, urgent medical aid (AR 12 décembre 1996), the
// heating allowance (Fonds social chauffage), debt mediation (loi du 4 décembre 1990 / art. 1675/17
// C. jud.), a rental guarantee, and any other aid the person asks for (loi organique, art. 1 and 57).

export const APPLICATION_KINDS = [
  'revenu-integration', 'aide-sociale-financiere', 'aide-medicale-urgente', 'allocation-chauffage', 'mediation-dettes', 'garantie-locative', 'other',
] as const;
export type ApplicationKind = (typeof APPLICATION_KINDS)[number];

/** money: euros (at most two decimals); count: a whole number; yes-no: a boolean; text: a short free text. */
export type DeclarationType = 'money' | 'count' | 'yes-no' | 'text';

export interface Labels {
  readonly fr: string;
  readonly nl: string;
  readonly de: string;
}

export interface DeclarationField {
  readonly type: DeclarationType;
  readonly label: Labels;
  /** The least value of a count (a household has at least one person). */
  readonly min?: number;
}

/** Every declared fact, by the key it is stored under (the demo's and the API's keys). */
export const DECLARATION_FIELDS = {
  declaredMonthlyIncome: { type: 'money', label: { fr: 'Revenus mensuels déclarés', nl: 'Verklaard maandinkomen', de: 'Angegebenes Monatseinkommen' } },
  householdSize: { type: 'count', min: 1, label: { fr: 'Personnes dans le ménage', nl: 'Personen in het gezin', de: 'Personen im Haushalt' } },
  housing: { type: 'text', label: { fr: 'Logement', nl: 'Huisvesting', de: 'Wohnsituation' } },
  incomeSource: { type: 'text', label: { fr: 'Source de revenus', nl: 'Bron van inkomsten', de: 'Einkommensquelle' } },
  availableForWork: { type: 'yes-no', label: { fr: 'Disposé à travailler', nl: 'Werkbereid', de: 'Arbeitsbereit' } },
  care: { type: 'text', label: { fr: 'Soins demandés', nl: 'Gevraagde zorg', de: 'Beantragte Pflege' } },
  healthInsurance: { type: 'yes-no', label: { fr: 'Affilié à une mutualité', nl: 'Aangesloten bij een ziekenfonds', de: 'Bei einer Krankenkasse angeschlossen' } },
  fuel: { type: 'text', label: { fr: 'Combustible', nl: 'Brandstof', de: 'Brennstoff' } },
  litres: { type: 'count', label: { fr: 'Litres livrés', nl: 'Geleverde liters', de: 'Gelieferte Liter' } },
  declaredDebts: { type: 'money', label: { fr: 'Dettes déclarées', nl: 'Verklaarde schulden', de: 'Angegebene Schulden' } },
  creditors: { type: 'count', label: { fr: 'Nombre de créanciers', nl: 'Aantal schuldeisers', de: 'Anzahl der Gläubiger' } },
  monthlyRent: { type: 'money', label: { fr: 'Loyer mensuel', nl: 'Maandelijkse huur', de: 'Monatliche Miete' } },
  purpose: { type: 'text', label: { fr: 'Objet de la demande', nl: 'Voorwerp van de aanvraag', de: 'Gegenstand des Antrags' } },
  requestedAmount: { type: 'money', label: { fr: 'Montant demandé', nl: 'Gevraagd bedrag', de: 'Beantragter Betrag' } },
} as const satisfies Record<string, DeclarationField>;
export type DeclarationKey = keyof typeof DECLARATION_FIELDS;

/** The situation every inquiry starts from, whatever the aid. */
const COMMON: readonly DeclarationKey[] = ['declaredMonthlyIncome', 'householdSize', 'housing', 'incomeSource'];

/** The fields of each kind, in the order the form asks them. */
export const FIELDS_OF_KIND: Readonly<Record<ApplicationKind, readonly DeclarationKey[]>> = {
  'revenu-integration': [...COMMON, 'availableForWork'],
  'aide-sociale-financiere': [...COMMON, 'purpose', 'requestedAmount'],
  'aide-medicale-urgente': [...COMMON, 'care', 'healthInsurance'],
  'allocation-chauffage': [...COMMON, 'fuel', 'litres'],
  'mediation-dettes': [...COMMON, 'declaredDebts', 'creditors'],
  'garantie-locative': [...COMMON, 'monthlyRent', 'requestedAmount'],
  other: [...COMMON, 'purpose', 'requestedAmount'],
};

export const isDeclarationKey = (key: string): key is DeclarationKey => Object.hasOwn(DECLARATION_FIELDS, key);

/** Largest amount and count a declaration takes: far above any real one, low enough to stay exact. */
export const DECLARATION_LIMITS = { money: 10_000_000, count: 100_000, text: 500 } as const;
