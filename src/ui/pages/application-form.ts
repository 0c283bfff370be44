// Recording an application for aid: first the kind of aid, then the fields of that kind, each with
// its label (src/domain/application-forms.ts, the list the API's schema is built from). The file
// shows what was declared the same way, label: value, amounts and numbers as the page's locale
// writes them, so no stored key ever reaches a page.
import {
  APPLICATION_KINDS, type ApplicationKind, DECLARATION_FIELDS, type DeclarationField, FIELDS_OF_KIND, isDeclarationKey,
} from '../../domain/application-forms.ts';
import type { Purpose } from '../../domain/purposes.ts';
import { button, csrfField, type DateParts, dateInput, errorSummary, type FieldErrors, input, radios } from '../components.ts';
import { html } from '../html.ts';
import type { Translator } from '../i18n/index.ts';
import type { Page } from '../layout.ts';

export const CHANNELS = ['desk', 'letter', 'cpas-online', 'other'] as const;

/** The name of a declared fact's form field: prefixed, so "purpose" (what the aid is for) never meets the access purpose. */
export const fieldName = (key: string): string => `d-${key}`;

export const fieldLabel = (t: Translator, field: DeclarationField): string => field.label[t.lang];

/** One declared value as the page's language writes it: an amount in euros, a number, yes or no, or the text itself. */
function declaredValue(t: Translator, field: DeclarationField | null, value: unknown): string {
  if (value === null || value === undefined || value === '') return t.t('application.notSaid');
  if (typeof value === 'boolean') return t.t(value ? 'common.yes' : 'common.no');
  if (typeof value === 'number' && field?.type === 'money') return t.money(Math.round(value * 100));
  if (typeof value === 'number') return t.number(value);
  return String(value);
}

/**
 * What the person declared, as label and value, in the order of the kind's form. A key of no known
 * field (written before applications were typed) keeps the words it was written with.
 */
export function declarationRows(t: Translator, kind: string, communicated: Readonly<Record<string, unknown>>): { key: string; value: string }[] {
  const order: readonly string[] = (APPLICATION_KINDS as readonly string[]).includes(kind) ? FIELDS_OF_KIND[kind as ApplicationKind] : [];
  const keys = Object.keys(communicated).sort((a, b) => (order.indexOf(a) >>> 0) - (order.indexOf(b) >>> 0));
  return keys.map((key) => {
    const field = isDeclarationKey(key) ? DECLARATION_FIELDS[key] : null;
    return { key: field ? fieldLabel(t, field) : key, value: declaredValue(t, field, communicated[key]) };
  });
}

export interface ApplicationFormValues {
  readonly kind: string;
  readonly submittedOn: DateParts;
  readonly channel: string;
  /** The declared facts as typed, by key: kept as they are when the form comes back with an error. */
  readonly declarations: Readonly<Record<string, string>>;
}

export interface ApplicationFormView {
  readonly personId: string;
  readonly purpose: Purpose;
  readonly csrfToken: string;
  readonly values: ApplicationFormValues;
  readonly errors: FieldErrors;
}

const isKind = (kind: string): kind is ApplicationKind => (APPLICATION_KINDS as readonly string[]).includes(kind);

function declarationInput(t: Translator, key: keyof typeof DECLARATION_FIELDS, view: ApplicationFormView) {
  const field: DeclarationField = DECLARATION_FIELDS[key];
  const common = { id: fieldName(key), name: fieldName(key), errorPrefix: t.t('title.error'), error: view.errors[fieldName(key)]?.message };
  const value = view.values.declarations[key] ?? '';
  switch (field.type) {
    case 'yes-no':
      return radios({
        ...common, legend: fieldLabel(t, field), small: true, value,
        items: [{ value: 'yes', text: t.t('common.yes') }, { value: 'no', text: t.t('common.no') }, { value: '', text: t.t('application.notSaid') }],
      });
    case 'money':
      return input({ ...common, label: fieldLabel(t, field), hint: t.t('application.euros'), value, inputmode: 'decimal', width: '10', spellcheck: false });
    case 'count':
      return input({ ...common, label: fieldLabel(t, field), hint: t.t('application.whole'), value, inputmode: 'numeric', width: '5', spellcheck: false });
    case 'text':
      return input({ ...common, label: fieldLabel(t, field), value });
  }
}

/** The first step: which aid. A GET form: the kind is no personal data, and the next page is reloadable. */
function kindStep(t: Translator, view: ApplicationFormView) {
  return html`<form method="get" action="/persons/${view.personId}/applications/new" novalidate>
    ${radios({
      id: 'kind', name: 'kind', legend: t.t('application.kind'), items: APPLICATION_KINDS.map((k) => ({ value: k, text: t.t(`applicationKind.${k}`) })),
      value: view.values.kind, error: view.errors.kind?.message, errorPrefix: t.t('title.error'),
    })}
    ${button(t.t('application.continue'))}
  </form>`;
}

function fieldsStep(t: Translator, view: ApplicationFormView, kind: ApplicationKind) {
  const { values, errors } = view;
  const errorPrefix = t.t('title.error');
  return html`<p class="govuk-body">${t.t('common.keyValue', { key: t.t('application.kind'), value: t.t(`applicationKind.${kind}`) })}
    <a class="govuk-link" href="/persons/${view.personId}/applications/new">${t.t('purpose.change')}</a></p>
  <form method="post" action="/persons/${view.personId}/applications" novalidate>
    ${csrfField(view.csrfToken)}<input type="hidden" name="purpose" value="${view.purpose}"><input type="hidden" name="kind" value="${kind}">
    ${dateInput({ id: 'submittedOn', name: 'submittedOn', legend: t.t('application.submittedOn'), value: values.submittedOn, error: errors.submittedOn?.message, errorPrefix, labels: { day: t.t('date.day'), month: t.t('date.month'), year: t.t('date.year') } })}
    ${radios({ id: 'channel', name: 'channel', legend: t.t('field.channel'), small: true, items: CHANNELS.map((c) => ({ value: c, text: t.t(`channel.${c}`) })), value: values.channel, error: errors.channel?.message, errorPrefix })}
    <fieldset class="govuk-fieldset"><legend class="govuk-fieldset__legend govuk-fieldset__legend--m">${t.t('application.declarations')}</legend>
      <div class="govuk-hint">${t.t('application.declarationsHint')}</div>
      ${FIELDS_OF_KIND[kind].map((key) => declarationInput(t, key, view))}
    </fieldset>
    ${button(t.t('application.submit'))}
  </form>`;
}

export function applicationFormPage(t: Translator, view: ApplicationFormView): Page {
  const kind = view.values.kind;
  return {
    title: t.t('application.title'),
    hasErrors: Object.keys(view.errors).length > 0,
    beforeContent: html`<a href="/persons/${view.personId}" class="govuk-back-link">${t.t('common.back')}</a>`,
    content: html`<div class="govuk-grid-row"><div class="govuk-grid-column-two-thirds">
  ${errorSummary(t.t('common.errorSummary'), view.errors)}
  <h1 class="govuk-heading-l">${t.t('application.title')}</h1>
  ${isKind(kind) ? fieldsStep(t, view, kind) : kindStep(t, view)}
</div></div>`,
  };
}
