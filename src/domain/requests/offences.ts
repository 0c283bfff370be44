// Which offences art. 46bis/1 CIC reaches (R6, R38, R39, R41).
//
// Art. 46bis/1 lets the procureur du Roi require administrative information only when
// investigating the terrorist offences of Code pénal Book II, Title Ierter (art. 137 to 141ter).
// Without this check any prosecutor's request (fraud, drugs, theft) would open the social file.
//
// Two Codes pénal now stand side by side. The new Book II (law of 29 February 2024, Moniteur
// 8 April 2024) applies from 8 April 2026 and renumbers every offence from art. 79 on, so the old
// numbers 137-141ter denote other offences in the 2024 code. Investigations into facts committed
// before the switch keep citing the 1867 articles (Book I art. 2: no retroactivity). Hence every
// reference is read with its code: "art. 140 Sw. 1867" is assessed on the 1867 catalogue whatever
// the request's date; "art. 140 CP 2024" on the 2024 catalogue, which stays empty until the CPAS
// legal service confirms its articles (their numbers were not found in any source); a bare "140"
// in a request dated from the switch could be either, and goes to legal review. Matching a bare
// number against either catalogue could turn a non-terrorist article into a terrorist one.

/** Art. 46bis/1 was inserted by the law of 17 May 2017 (MB 3 July 2017) and applies from this date (R38). */
export const ARTICLE_46BIS1_IN_FORCE = '2017-09-01';

/**
 * The new Book II applies from the date the law fixes: two years after its publication of 8 April
 * 2024 (SPF Justice). One law firm reports a postponement to 1 September 2026 that no Moniteur text
 * confirms: the CPAS legal service moves the switch in its configuration once it is confirmed (R39).
 */
export const NEW_BOOK_II_FROM = '2026-04-08';
/** The postponed date one law firm reports (arcaslaw.be), not confirmed in the Moniteur: the latest a configuration may set. */
export const LATEST_NEW_BOOK_II_FROM = '2026-09-01';

/** The two editions of the Code pénal a request may cite. */
export const OFFENCE_CODES = ['1867', '2024'] as const;
export type OffenceCode = (typeof OFFENCE_CODES)[number];
export const isOffenceCode = (value: unknown): value is OffenceCode => value === '1867' || value === '2024';

export interface OffenceCatalogue {
  readonly id: string;
  readonly code: OffenceCode;
  /** Normalised numbers of the articles that define a terrorist offence. */
  readonly articles: readonly string[];
  /** Articles of the same title that define no offence: naming only these names no terrorist offence. */
  readonly notOffences: readonly string[];
  readonly source: string;
  /** False while nobody knows which articles the catalogue holds: references to it go to legal review. */
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
  /** The date from which the new Book II applies: a bare article number in a request dated from then is ambiguous. */
  readonly newBookIIFrom: string;
  /** Null until the legal service has confirmed the articles of the 2024 code that art. 46bis/1 reaches. */
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

export const CP_1867_CATALOGUE: OffenceCatalogue = {
  id: 'cp-1867-livre2-titre1ter',
  code: '1867',
  articles: TITLE_IERTER_ARTICLES,
  // 141bis keeps acts of armed forces in an armed conflict out of the title, and 141ter says the
  // title restricts no fundamental right. Neither defines an offence, so nobody can be
  // investigated "for" them: a request naming only these names no terrorist offence.
  notOffences: ['141bis', '141ter'],
  source: 'Code pénal (1867), livre II, titre Ierter, art. 137 à 141ter (loi du 19 décembre 2003); art. 46bis/1 §1 CIC',
  reviewed: true,
};

const CP_2024_UNREVIEWED: OffenceCatalogue = {
  id: 'cp-2024-livre2-non-revu',
  code: '2024',
  articles: [],
  notOffences: [],
  source:
    'Loi du 29 février 2024 introduisant le livre II du Code pénal (MB 8 avril 2024, en vigueur le 8 avril 2026); numéros des infractions terroristes non confirmés par le service juridique',
  reviewed: false,
};

/** The catalogue of one edition of the Code pénal, as the CPAS configuration knows it. */
export function catalogueOf(code: OffenceCode, settings: OffenceCatalogueSettings): OffenceCatalogue {
  if (code === '1867') return CP_1867_CATALOGUE;
  const confirmed = settings.newBookII;
  return confirmed ? { ...confirmed, code, notOffences: [], reviewed: true } : CP_2024_UNREVIEWED;
}

/**
 * The edition a reference is read in: the one it writes, else the one the request declares, else
 * the 1867 code for a request dated before the switch. A bare number in a request dated from the
 * switch has no edition (null): it is ambiguous, since both codes use the number.
 */
export function editionOf(
  reference: OffenceReference,
  requestCode: OffenceCode | undefined,
  dated: string,
  settings: OffenceCatalogueSettings,
): OffenceCode | null {
  return reference.code ?? requestCode ?? (dated < settings.newBookIIFrom ? '1867' : null);
}

export class InvalidArticleError extends Error {
  constructor(readonly text: string) {
    super(
      'not an article of the Code pénal (expected one article, such as "140", "140bis", "137 §1", "art. 140 Sw. 1867" or "art. 140 CP 2024")',
    );
    this.name = 'InvalidArticleError';
  }
}

/** One offence a request cites: the article, and the edition of the Code pénal if the reference says it. */
export interface OffenceReference {
  readonly article: string;
  readonly code: OffenceCode | null;
}

const LATIN_SUFFIXES = [
  'bis', 'ter', 'quater', 'quinquies', 'sexies', 'septies', 'octies', 'novies', 'nonies', 'decies',
  'undecies', 'duodecies', 'terdecies', 'quaterdecies', 'quinquiesdecies', 'sexiesdecies', 'septiesdecies',
];
const SUFFIX = [...LATIN_SUFFIXES].sort((a, b) => b.length - a.length).join('|');
// A paragraph, alinéa or point of the article: dropped, since the catalogue is per article.
const SUBDIVISION = String.raw`(?:\s*,?\s*§\s*\d+(?:er)?|\s*,?\s*al(?:inéa|\.)?\s*\d+(?:er)?|(?:\s*,\s*|\s+)\d+°)`;
const ARTICLE = String.raw`(?:art(?:icle|ikel)?\.?\s*)?([1-9]\d{0,3})\s*(${SUFFIX})?(?:\s*/\s*([1-9]\d{0,2}))?${SUBDIVISION}*`;
// How practice names the code, in French, Dutch and German: "Sw.", "Strafwetboek", "C. pén.",
// "Code pénal", "CP", "StGB". The edition is a year, or "ancien"/"oud" and "nouveau"/"nieuw".
const CODE_NAME = String.raw`(?:sw|strafw|strafwetboek|c\.?\s*p[ée]n|code\s+p[ée]nal|c\.?\s*p|stgb|strafgesetzbuch)\.?`;
const OLD = String.raw`anc(?:ien|\.)?|oude?|alte[sn]?|old`;
const NEW = String.raw`nouv(?:eau|\.)?|nieuwe?|neue[sn]?|new`;
const EDITION = String.raw`(?:(?=[\s,(])\s*,?\s*(?:(?:du|van\s+het|des|of\s+the)\s+)?(?:(${OLD})\s*|(${NEW})\s*)?(${CODE_NAME})?\s*(?:(?:de|van|von|of)\s+)?(?:\(\s*(1867|2024)\s*\)|(1867|2024))?)?`;
const REFERENCE = new RegExp(`^${ARTICLE}${EDITION}$`, 'iu');

/**
 * One offence as a request writes it ("Art. 140 bis", "137 §1", "art. 140 Sw. 1867",
 * "art. 140 C. pén. (1867)", "art. 140 CP 2024") to the catalogue's form: the article ("140bis")
 * and the edition when the reference names one. Anything else ("radicalisation", "137 à 141ter",
 * "ancien Code pénal 2024") is rejected rather than read as some article: an article or an edition
 * guessed from free text could make a request look terrorist.
 */
export function parseOffenceReference(text: string): OffenceReference {
  const match = REFERENCE.exec(text.trim());
  if (!match) throw new InvalidArticleError(text);
  const [, number, suffix, sub, old, recent, , yearInParens, year] = match;
  const written = yearInParens ?? year;
  const byWord: OffenceCode | undefined = old ? '1867' : recent ? '2024' : undefined;
  // "ancien Code pénal 2024" contradicts itself: which code was meant cannot be known.
  if (byWord && written && byWord !== written) throw new InvalidArticleError(text);
  const code = written ?? byWord;
  return {
    article: `${number}${suffix?.toLowerCase() ?? ''}${sub ? `/${sub}` : ''}`,
    code: code === '1867' || code === '2024' ? code : null,
  };
}

/** The canonical text of a reference, as the register keeps it: "140bis", "140bis (1867)". */
export const formatOffenceReference = (reference: OffenceReference): string =>
  reference.code ? `${reference.article} (${reference.code})` : reference.article;

/** One bare article number ("Art. 140 bis" to "140bis"), as the configuration lists them: no edition. */
export function normaliseArticle(text: string): string {
  const reference = parseOffenceReference(text);
  if (reference.code !== null) throw new InvalidArticleError(text);
  return reference.article;
}
