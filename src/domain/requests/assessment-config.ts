// The part of the assessment a CPAS legal service may decide: the categories the sources leave
// open (household composition, BCSS data, ...) and the reviewed parameters of the offence
// catalogue. Everything else is the law and is not configurable. The checks below are what keep
// a configuration from reopening professional secrecy: without them one line of JSON could make
// social reports disclosable, or stretch the old article numbers over the new Code pénal.
import { calendarDateDefect } from '../calendar-date.ts';
import { DEFAULT_ITEM_TREATMENT, isItemCategory, type ItemCategory } from './items.ts';
import {
  ARTICLE_46BIS1_IN_FORCE,
  CP_1867_CATALOGUE,
  DEFAULT_OFFENCE_CATALOGUE_SETTINGS,
  LATEST_NEW_BOOK_II_FROM,
  normaliseArticle,
  type OffenceCatalogueSettings,
} from './offences.ts';

/** A decision of the CPAS legal service on a category whose default is legal-review (R11, R12). */
export interface ItemOverride {
  readonly decision: 'disclose' | 'withhold';
  /** In French, for the social worker: what the legal service decided and why. */
  readonly reason: string;
  /** The legal service's decision (date, reference) and its sources. */
  readonly ref: string;
}

export interface AssessmentConfig {
  /** Named in every answer, so that an answer can be traced to the configuration that decided it. */
  readonly id: string;
  readonly itemOverrides: Readonly<Partial<Record<ItemCategory, ItemOverride>>>;
  readonly offenceCatalogue: OffenceCatalogueSettings;
}

/** No category decided by the legal service yet; the new Book II not confirmed yet. */
export const DEFAULT_ASSESSMENT_CONFIG: AssessmentConfig = {
  id: 'default-2026-11',
  itemOverrides: {},
  offenceCatalogue: DEFAULT_OFFENCE_CATALOGUE_SETTINGS,
};

export class AssessmentConfigError extends Error {
  readonly code = 'invalid-configuration';
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
    this.name = 'AssessmentConfigError';
  }
}

const fail = (field: string, problem: string): never => {
  throw new AssessmentConfigError(field, `${field}: ${problem}`);
};

const ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

/** Throws AssessmentConfigError naming the first field that would make the assessment unsafe or untraceable. */
export function checkAssessmentConfig(config: AssessmentConfig): void {
  if (typeof config.id !== 'string' || !ID.test(config.id)) {
    fail('id', 'expected an identifier of 1 to 64 letters, digits, ".", "_" or "-", such as "namur-2026-05"');
  }
  for (const [item, override] of Object.entries(config.itemOverrides)) {
    if (override !== undefined) checkOverride(item, override);
  }
  checkCatalogueSettings(config.offenceCatalogue);
}

function checkOverride(item: string, override: ItemOverride): void {
  const field = `itemOverrides.${item}`;
  if (!isItemCategory(item)) return fail(field, `${JSON.stringify(item)} is not an item category`);
  // Only what the sources leave open is the legal service's to decide. A withheld category is the
  // social worker's secret (art. 458 Code pénal); a disclosed one is what the law obliges the CPAS
  // to give, and refusing it is fined (R19).
  const byLaw = DEFAULT_ITEM_TREATMENT[item].decision;
  if (byLaw === 'withhold') {
    fail(field, `${JSON.stringify(item)} is covered by professional secrecy (R10): no configuration can make it disclosable`);
  }
  if (byLaw === 'disclose') {
    fail(field, `${JSON.stringify(item)} is administrative information the law obliges the CPAS to give (R9): it is not configurable`);
  }
  if (override.decision !== 'disclose' && override.decision !== 'withhold') {
    fail(`${field}.decision`, 'expected "disclose" or "withhold"');
  }
  checkText(`${field}.reason`, override.reason, 'the reason, in French, that the social worker will read');
  checkText(`${field}.ref`, override.ref, "the legal service's decision and its sources");
}

function checkCatalogueSettings(settings: OffenceCatalogueSettings): void {
  const from = settings.newBookIIFrom;
  const field = 'offenceCatalogue.newBookIIFrom';
  if (typeof from !== 'string' || calendarDateDefect(from) !== null) fail(field, 'expected a real date YYYY-MM-DD');
  if (from <= ARTICLE_46BIS1_IN_FORCE) fail(field, `${JSON.stringify(from)} is not after ${ARTICLE_46BIS1_IN_FORCE}, when art. 46bis/1 began to apply`);
  // The switch only decides how a bare article number is read: before it, in the 1867 code; from
  // it, as ambiguous (legal review). A later date reads bare numbers in the old code for longer, so
  // it is bounded by the one postponement reported (1 September 2026, unconfirmed: R39).
  if (from > LATEST_NEW_BOOK_II_FROM) {
    fail(field, `${JSON.stringify(from)} is later than ${LATEST_NEW_BOOK_II_FROM}, the latest reported date of the new Book II`);
  }
  const confirmed = settings.newBookII;
  if (confirmed === null) return;
  if (typeof confirmed.id !== 'string' || !ID.test(confirmed.id) || confirmed.id === CP_1867_CATALOGUE.id) {
    fail('offenceCatalogue.newBookII.id', 'expected an identifier of its own, such as "cp-2024-livre2-confirme-2026-05"');
  }
  if (!Array.isArray(confirmed.articles) || confirmed.articles.length === 0) {
    fail('offenceCatalogue.newBookII.articles', 'expected the list of confirmed article numbers');
  }
  confirmed.articles.forEach((article, i) => {
    const normalised = typeof article === 'string' ? safeNormalise(article) : null;
    if (normalised !== article) {
      fail(`offenceCatalogue.newBookII.articles[${i}]`, 'expected one article number written like "140" or "140bis"');
    }
  });
  checkText('offenceCatalogue.newBookII.source', confirmed.source, "the legal service's decision and its sources");
}

function safeNormalise(article: string): string | null {
  try {
    return normaliseArticle(article);
  } catch {
    return null;
  }
}

function checkText(field: string, value: unknown, expected: string): void {
  if (typeof value !== 'string' || value.trim() === '') fail(field, `expected ${expected}`);
}
