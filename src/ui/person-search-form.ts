// The three criteria of a person search (national number, name, birth date), as one set of fields
// and one reading of the POSTed form, shared by the staff search, the assignments page and the
// DPO's access log: the same schema as the API decides, and a failure names the field and keeps
// what was typed (never echoing it in the message).
import type { PersonSearch } from '../app/search-persons.ts';
import { searchQuery } from '../domain/schemas.ts';
import { type DateParts, dateInput, type FieldError, input, table } from './components.ts';
import { dateParts, fieldErrors, type FormBody, formText, isoFromParts, optional } from './forms.ts';
import { type Html, html } from './html.ts';
import type { Translator } from './i18n/index.ts';

export interface PersonSearchValues {
  readonly niss: string;
  readonly name: string;
  readonly birthDate: DateParts;
}

export const EMPTY_PERSON_SEARCH: PersonSearchValues = { niss: '', name: '', birthDate: { day: '', month: '', year: '' } };

export function readPersonSearch(body: FormBody, t: Translator, limit: number): { values: PersonSearchValues; query: PersonSearch | null; errors: Record<string, FieldError> } {
  const values = { niss: formText(body, 'niss').trim(), name: formText(body, 'name').trim(), birthDate: dateParts(body, 'birthDate') };
  const query = { niss: optional(values.niss), name: optional(values.name), birthDate: isoFromParts(values.birthDate), limit };
  if (!query.niss && !query.name && !query.birthDate) return { values, query: null, errors: { niss: { id: 'niss', message: t.t('search.needCriterion') } } };
  const parsed = searchQuery.safeParse(query);
  if (parsed.success) return { values, query: parsed.data, errors: {} };
  return {
    values, query: null, errors: fieldErrors(parsed.error, {
      niss: { id: 'niss', label: t.t('search.niss'), messages: { invalid: t.t('error.niss') } },
      name: { id: 'name', label: t.t('search.name'), messages: { tooShort: t.t('error.nameShort') } },
      birthDate: { id: 'birthDate', label: t.t('search.birthDate'), kind: 'date' },
    }, t),
  };
}

export function personSearchFields(t: Translator, values: PersonSearchValues, errors: Readonly<Record<string, FieldError>>): Html {
  const errorPrefix = t.t('title.error');
  return html`${input({ id: 'niss', name: 'niss', label: t.t('search.niss'), hint: t.t('search.nissHint'), value: values.niss, error: errors.niss?.message, errorPrefix, inputmode: 'numeric', spellcheck: false, width: '20', autocomplete: 'off' })}
    ${input({ id: 'name', name: 'name', label: t.t('search.name'), hint: t.t('search.nameHint'), value: values.name, error: errors.name?.message, errorPrefix, spellcheck: false, width: '20', autocomplete: 'off' })}
    ${dateInput({ id: 'birthDate', name: 'birthDate', legend: t.t('search.birthDate'), hint: t.t('search.birthDateHint'), value: values.birthDate, error: errors.birthDate?.message, errorPrefix, labels: { day: t.t('date.day'), month: t.t('date.month'), year: t.t('date.year') } })}`;
}

/** A person a finder returned: name and birth date only, never anything of the file. */
export interface FoundName {
  readonly personId: string;
  readonly familyName: string;
  readonly givenNames: string;
  readonly birthDate: string | null;
}

/**
 * The persons a finder returned, each with one link: its visible text, and the full name for
 * screen readers so that every link says whose it is.
 */
export function foundPersonsTable(t: Translator, found: readonly FoundName[], link: { href: (personId: string) => string; text: string; hidden: (name: string) => string }): Html {
  if (found.length === 0) return html`<p class="govuk-body" id="found">${t.t('search.none')}</p>`;
  return html`<div id="found">${table({
    caption: t.plural('search.results', found.length),
    captionClass: 'govuk-table__caption--s',
    head: [t.t('person.name'), t.t('person.birthDate'), t.t('person.actions')],
    rows: found.map((p) => [
      html`${p.familyName}, ${p.givenNames}`,
      t.date(p.birthDate),
      html`<a class="govuk-link" href="${link.href(p.personId)}">${link.text}<span class="govuk-visually-hidden"> ${link.hidden(`${p.givenNames} ${p.familyName}`)}</span></a>`,
    ]),
  })}</div>`;
}
