// What the register's pages share: a request's title, its state and due date as tags, and the
// assessment's words in the page's language. The assessment stores its reasons in French, the
// language the legal model is written in; a Dutch or German page shows the standard reasons in
// its own language, keeps the stored French text one click away, and shows a legal-service
// decision (written by that service, in French) as written.
import type { Assessment, ItemAssessment, Problem } from '../../domain/requests/assess.ts';
import { citeIn } from '../../domain/requests/citations.ts';
import type { CategoryData } from '../../domain/requests/letter-content.ts';
import { DEFAULT_ITEM_TREATMENT } from '../../domain/requests/items.ts';
import type { RegisterState } from '../../domain/requests/register-state.ts';
import { formatLetterRow } from '../../domain/requests/letter-rows.ts';
import { LETTER_TEXTS } from '../../domain/requests/letter-texts.ts';
import { details, summaryList, tag } from '../components.ts';
import { type Html, html, join } from '../html.ts';
import type { Translator } from '../i18n/index.ts';

export const STATE_COLOURS: Readonly<Record<RegisterState, string | undefined>> = {
  received: undefined,
  assessed: 'turquoise',
  'legal-review': 'orange',
  prepared: 'yellow',
  signed: 'purple',
  sent: 'green',
  refused: 'red',
  'returned-for-completion': 'pink',
};

export const stateTag = (t: Translator, state: RegisterState) => tag(t.t(`reqState.${state}`), STATE_COLOURS[state]);

const DECISION_COLOURS = { disclose: 'green', withhold: 'red', 'legal-review': 'orange' } as const;
export const decisionTag = (t: Translator, decision: ItemAssessment['decision']) => tag(t.t(`itemDecision.${decision}`), DECISION_COLOURS[decision]);

export const dueDate = (t: Translator, dueOn: string, overdue: boolean) =>
  html`${t.date(dueOn)}${overdue ? html` ${tag(t.t('req.overdue'), 'red')}` : ''}`;

/** "Request NA.12.LL.777/26", or by its date when it has no reference. Never a person's name. */
export const requestTitle = (t: Translator, r: { reference: string | null; dated: string }) =>
  r.reference ? t.t('req.titleRef', { reference: r.reference }) : t.t('req.titleDated', { date: t.date(r.dated) });

export const authorText = (t: Translator, a: { role: string; name: string | null; office: string | null }) =>
  [t.t(`authorRole.${a.role as 'procureur-du-roi'}`), a.office, a.name].filter(Boolean).join(' – ');

/** Text in French shown on a page in another language: marked so, for screen readers' voices. */
const french = (t: Translator, text: string): Html => (t.lang === 'fr' ? html`${text}` : html`<span lang="fr">${text}</span>`);

const original = (t: Translator, text: string): Html | '' =>
  t.lang === 'fr' ? '' : details(t.t('req.originalFrench'), html`<p class="govuk-body" lang="fr">${text}</p>`);

/** An item's reason, in the page's language where the reason is a standard one. */
export function itemReason(t: Translator, assessment: Pick<Assessment, 'outcome' | 'problems'>, item: ItemAssessment): Html {
  if (t.lang === 'fr') return html`${item.reason}`;
  const decisive = assessment.problems[0];
  if (assessment.outcome !== 'answer' && decisive) {
    return html`<p class="govuk-body">${t.t(`reqNothing.${assessment.outcome}`, { why: t.t(`problemLabel.${decisive.code}`) })}</p>${original(t, item.reason)}`;
  }
  const standard = DEFAULT_ITEM_TREATMENT[item.item];
  if (standard.decision === item.decision && standard.ref === item.ref) {
    const text = `${t.t(`reqItemReason.${item.item}`)}${item.decision === 'disclose' ? ` ${t.t('req.onlyNamedPersons')}` : ''}`;
    return html`<p class="govuk-body">${text}</p>${original(t, item.reason)}`;
  }
  // A decision of the CPAS legal service: its own words, in French.
  return html`<p class="govuk-body">${french(t, item.reason)}</p><p class="govuk-body-s app-meta">${t.t('req.legalServiceWords')}</p>`;
}

/** The source, with the legal abbreviations of the page's language (Sv., Sw., GwH in Dutch). */
export const itemRef = (t: Translator, item: ItemAssessment) => citeIn(t.lang, item.ref);

export function problemText(t: Translator, problem: Problem): Html {
  if (t.lang === 'fr') return html`${problem.message}`;
  return html`${t.t(`problem.${problem.code}`)}${original(t, problem.message)}`;
}

/** The items of an assessment, one card each: decision, reason, source. */
export function itemCards(t: Translator, assessment: Pick<Assessment, 'outcome' | 'problems'>, items: readonly ItemAssessment[], idPrefix: string): Html {
  return join(items.map((item) => html`<div class="govuk-summary-card" id="${idPrefix}-${item.item}">
  <div class="govuk-summary-card__title-wrapper"><h3 class="govuk-summary-card__title">${t.t(`category.${item.item}`)}</h3>${decisionTag(t, item.decision)}</div>
  <div class="govuk-summary-card__content">${summaryList([
    { key: t.t('req.reason'), value: itemReason(t, assessment, item) },
    { key: t.t('req.ref'), value: itemRef(t, item) },
  ])}</div>
</div>`));
}

// The data of a draft answer, laid out as the letter lays it out (src/adapters/pdf/letter-rows.ts),
// with the same words: what the page shows is what the paper will say.
export function categoryData(t: Translator, data: CategoryData | undefined): Html {
  const texts = LETTER_TEXTS[t.lang];
  const rows = Object.entries(data ?? {}).flatMap(([table, list]) => list.map((row) => formatLetterRow(texts, table, row)));
  if (rows.length === 0) return html`<p class="govuk-body">${texts.noData}</p>`;
  return html`<ul class="govuk-list govuk-list--bullet">${rows.map((row) => html`<li>${row}</li>`)}</ul>`;
}
