import type { PersonSummary } from '../../adapters/db/stores/search-store.ts';
import type { Purpose } from '../../domain/purposes.ts';
import { button, csrfField, errorSummary, type FieldErrors, radios, table } from '../components.ts';
import { formatNiss } from '../format.ts';
import { type Html, html } from '../html.ts';
import type { Translator } from '../i18n/index.ts';
import type { Page } from '../layout.ts';
import { personSearchFields, type PersonSearchValues } from '../person-search-form.ts';
import { purposeChoices } from './purpose.ts';

export interface SearchView {
  readonly csrfToken: string;
  readonly values: PersonSearchValues & { readonly purpose: string };
  readonly errors: FieldErrors;
  /** null before the first search. */
  readonly results: readonly PersonSummary[] | null;
  readonly limit: number;
  /** Whether each result also leads to the person's case assignments (those who manage them). */
  readonly assignLinks: boolean;
  /** The purposes the policy offers the viewer (purposesOfRole). */
  readonly offered: readonly Purpose[];
}

export const SEARCH_LIMIT = 50;

/** Each result opens with the search's purpose, in a POST: the purpose never appears in a URL. */
function results(t: Translator, view: SearchView, persons: readonly PersonSummary[]): Html {
  if (persons.length === 0) return html`<h2 class="govuk-heading-m" id="results">${t.t('search.resultsTitle')}</h2><p class="govuk-body">${t.t('search.none')}</p>`;
  return html`${table({
    caption: t.plural('search.results', persons.length),
    head: [t.t('person.name'), t.t('person.birthDate'), t.t('person.niss'), t.t('person.actions')],
    rows: persons.map((p) => [
      html`${p.familyName}, ${p.givenNames}`,
      t.date(p.birthDate),
      formatNiss(p.niss),
      html`<form method="post" action="/persons/${p.personId}/purpose" class="app-row-form">${csrfField(view.csrfToken)}<input type="hidden" name="purpose" value="${view.values.purpose}"><button type="submit" class="govuk-button govuk-button--secondary" data-module="govuk-button">${t.t('person.open')}<span class="govuk-visually-hidden"> ${t.t('person.openHidden', { name: `${p.givenNames} ${p.familyName}` })}</span></button></form>${view.assignLinks
        ? html` <a class="govuk-link" href="/persons/${p.personId}/assignments">${t.t('assign.link')}<span class="govuk-visually-hidden"> ${t.t('assign.linkHidden', { name: `${p.givenNames} ${p.familyName}` })}</span></a>` : ''}`,
    ]),
  })}
${persons.length >= view.limit ? html`<p class="govuk-body">${t.t('search.limited', { count: view.limit })}</p>` : ''}`;
}

export function searchPage(t: Translator, view: SearchView): Page {
  const errorPrefix = t.t('title.error');
  const { values, errors } = view;
  return {
    title: view.results ? `${t.t('search.resultsTitle')} – ${t.t('search.title')}` : t.t('search.title'),
    hasErrors: Object.keys(errors).length > 0,
    nav: 'search',
    content: html`<div class="govuk-grid-row"><div class="govuk-grid-column-two-thirds">
  ${errorSummary(t.t('common.errorSummary'), errors)}
  <h1 class="govuk-heading-l">${t.t('search.title')}</h1>
  <p class="govuk-body">${t.t('search.intro')}</p>
  <form method="post" action="/search" novalidate>
    ${csrfField(view.csrfToken)}
    ${personSearchFields(t, values, errors)}
    ${radios({ id: 'purpose', name: 'purpose', legend: t.t('search.purpose'), items: purposeChoices(t, view.offered), value: values.purpose, error: errors.purpose?.message, errorPrefix, small: true })}
    ${button(t.t('search.submit'))}
  </form>
</div></div>
${view.results ? results(t, view, view.results) : ''}`,
  };
}
