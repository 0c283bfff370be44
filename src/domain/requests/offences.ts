// Which offences art. 46bis/1 CIC reaches, by the date of the request (R6, R38, R39).
//
// Art. 46bis/1 lets the procureur du Roi require administrative information only when
// investigating the terrorist offences of Code pénal Book II, Title Ierter (art. 137 to 141ter).
// Without this check any prosecutor's request (fraud, drugs, theft) would open the social file.
//
// The new Book II of the Code pénal (law of 29 February 2024) will renumber those articles; refli.be
// shows it taking effect on 2026-04-09. How it renumbers them, and whether art. 46bis/1's reference
// to "livre II, titre Ierter" was adapted, is not known. Matching the old numbers against a request
// written under the new code could turn a non-terrorist article into a terrorist one, or the reverse,
// so this module does not guess: requests dated from the switch are matched only against articles
// that the CPAS legal service has confirmed in its configuration. Until then the catalogue of that
// period is marked unreviewed and the assessment sends the request to legal review.

/** Art. 46bis/1 was inserted by the law of 17 May 2017 (MB 3 July 2017) and applies from this date (R38). */
export const ARTICLE_46BIS1_IN_FORCE = '2017-09-01';

/** The new Book II of the Code pénal applies to requests dated from this date, as refli.be shows it. To be confirmed (R39). */
export const NEW_BOOK_II_FROM = '2026-04-09';

export interface OffenceCatalogueVersion {
  readonly id: string;
  /** First request date (`dated`) the version covers. */
  readonly validFrom: string;
  /** First request date the version no longer covers; null while it is the current one. */
  readonly validUntil: string | null;
  /** Normalised numbers of the articles that define a terrorist offence. */
  readonly articles: readonly string[];
  /** Articles of the same title that define no offence: naming only these names no terrorist offence. */
  readonly notOffences: readonly string[];
  readonly source: string;
  /** False while nobody knows which articles the version holds: requests of its period go to legal review. */
  readonly reviewed: boolean;
}

/** The CPAS legal service's confirmation of the articles art. 46bis/1 reaches under the new Book II. */
export interface ConfirmedNewBookII {
  readonly id: string;
  readonly articles: readonly string[];
  /** The legal service's decision: who decided, when, on which text. */
  readonly source: string;
}

/** The reviewed parameters of the catalogue, part of the CPAS configuration. */
export interface OffenceCatalogueSettings {
  /** May be set earlier than NEW_BOOK_II_FROM, never later: see assessment-config.ts. */
  readonly newBookIIFrom: string;
  /** Null until the legal service has confirmed the articles for requests dated from newBookIIFrom. */
  readonly newBookII: ConfirmedNewBookII | null;
}

export const DEFAULT_OFFENCE_CATALOGUE_SETTINGS: OffenceCatalogueSettings = {
  newBookIIFrom: NEW_BOOK_II_FROM,
  newBookII: null,
};

/** Articles 137 to 141ter, the title "Des infractions terroristes" inserted by the law of 19 December 2003. */
export const TITLE_IERTER_ARTICLES = [
  '137',
  '138',
  '139',
  '140',
  '140bis',
  '140ter',
  '140quater',
  '140quinquies',
  '140sexies',
  '140septies',
  '141',
] as const;

const TITLE_IERTER: Omit<OffenceCatalogueVersion, 'validUntil'> = {
  id: 'cp-1867-livre2-titre1ter',
  validFrom: ARTICLE_46BIS1_IN_FORCE,
  articles: TITLE_IERTER_ARTICLES,
  // 141bis keeps acts of armed forces in an armed conflict out of the title, and 141ter says the
  // title restricts no fundamental right. Neither defines an offence, so nobody can be
  // investigated "for" them: a request naming only these names no terrorist offence.
  notOffences: ['141bis', '141ter'],
  source: 'Code pénal, livre II, titre Ierter, art. 137 à 141ter (loi du 19 décembre 2003); art. 46bis/1 §1 CIC',
  reviewed: true,
};

/** The catalogue versions in date order, from the entry into force of art. 46bis/1 on. */
export function offenceCatalogueVersions(settings: OffenceCatalogueSettings): readonly OffenceCatalogueVersion[] {
  const validFrom = settings.newBookIIFrom;
  const confirmed = settings.newBookII;
  return [
    { ...TITLE_IERTER, validUntil: validFrom },
    confirmed
      ? { ...confirmed, validFrom, validUntil: null, notOffences: [], reviewed: true }
      : {
          id: 'cp-2024-livre2-non-revu',
          validFrom,
          validUntil: null,
          articles: [],
          notOffences: [],
          source:
            'Loi du 29 février 2024 introduisant le livre II du Code pénal (effet au 09-04-2026 selon refli.be); nouvelle numérotation non confirmée par le service juridique',
          reviewed: false,
        },
  ];
}

/** The version that applies to a request of that date; null before art. 46bis/1 applied. */
export function offenceCatalogueFor(dated: string, settings: OffenceCatalogueSettings): OffenceCatalogueVersion | null {
  const covers = (v: OffenceCatalogueVersion) => v.validFrom <= dated && (v.validUntil === null || dated < v.validUntil);
  return offenceCatalogueVersions(settings).find(covers) ?? null;
}

export class InvalidArticleError extends Error {
  constructor(readonly text: string) {
    super('not an article number of the Code pénal (expected one article, such as "140", "140bis" or "137 §1")');
    this.name = 'InvalidArticleError';
  }
}

const LATIN_SUFFIXES = [
  'bis', 'ter', 'quater', 'quinquies', 'sexies', 'septies', 'octies', 'novies', 'nonies', 'decies',
  'undecies', 'duodecies', 'terdecies', 'quaterdecies', 'quinquiesdecies', 'sexiesdecies', 'septiesdecies',
];
const SUFFIX = [...LATIN_SUFFIXES].sort((a, b) => b.length - a.length).join('|');
// A paragraph, alinéa or point of the article: dropped, since the catalogue is per article.
const SUBDIVISION = String.raw`(?:\s*,?\s*§\s*\d+(?:er)?|\s*,?\s*al(?:inéa|\.)?\s*\d+(?:er)?|(?:\s*,\s*|\s+)\d+°)`;
const ARTICLE = new RegExp(
  String.raw`^(?:art(?:icle)?\.?\s*)?([1-9]\d{0,3})\s*(${SUFFIX})?(?:\s*/\s*([1-9]\d{0,2}))?${SUBDIVISION}*$`,
  'iu',
);

/**
 * One article as a request writes it ("Art. 140 bis", "137 §1", "140BIS") to the catalogue's form
 * ("140bis", "137"). Anything else ("radicalisation", "137 à 141ter") is rejected rather than read
 * as some article: an article guessed from free text could make a request look terrorist.
 */
export function normaliseArticle(text: string): string {
  const match = ARTICLE.exec(text.trim());
  if (!match) throw new InvalidArticleError(text);
  const [, number, suffix, sub] = match;
  return `${number}${suffix?.toLowerCase() ?? ''}${sub ? `/${sub}` : ''}`;
}
