// Writing a social report or a case note. The purpose the file was opened with travels in the
// form (a hidden field), so a purpose forgotten by the server while a long report is typed does
// not lose the text.
import { button, csrfField, type DateParts, dateInput, errorSummary, type FieldErrors, radios, textarea, warningText } from '../components.ts';
import { html } from '../html.ts';
import { AUTONYMS, LANGS, type Translator } from '../i18n/index.ts';
import type { Page } from '../layout.ts';

interface FormCommon {
  readonly personId: string;
  readonly purpose: string;
  readonly csrfToken: string;
  readonly errors: FieldErrors;
}

export interface ReportFormView extends FormCommon {
  readonly values: { readonly writtenOn: DateParts; readonly language: string; readonly situation: string; readonly assessment: string };
}

export interface NoteFormView extends FormCommon {
  readonly values: { readonly body: string };
}

const hidden = (view: FormCommon) => html`${csrfField(view.csrfToken)}<input type="hidden" name="purpose" value="${view.purpose}">`;
const backTo = (t: Translator, personId: string) => html`<a href="/persons/${personId}" class="govuk-back-link">${t.t('common.back')}</a>`;

export function reportFormPage(t: Translator, view: ReportFormView): Page {
  const errorPrefix = t.t('title.error');
  const { values, errors } = view;
  return {
    title: t.t('report.title'),
    hasErrors: Object.keys(errors).length > 0,
    beforeContent: backTo(t, view.personId),
    content: html`<div class="govuk-grid-row"><div class="govuk-grid-column-two-thirds">
  ${errorSummary(t.t('common.errorSummary'), errors)}
  <h1 class="govuk-heading-l">${t.t('report.title')}</h1>
  ${warningText(t.t('write.secret'), t.t('common.important'))}
  <form method="post" action="/persons/${view.personId}/social-reports" novalidate>
    ${hidden(view)}
    ${dateInput({ id: 'writtenOn', name: 'writtenOn', legend: t.t('report.writtenOn'), hint: t.t('report.writtenOnHint'), value: values.writtenOn, error: errors.writtenOn?.message, errorPrefix, labels: { day: t.t('date.day'), month: t.t('date.month'), year: t.t('date.year') } })}
    ${radios({ id: 'language', name: 'language', legend: t.t('report.language'), items: LANGS.map((l) => ({ value: l, text: AUTONYMS[l], lang: l })), value: values.language, error: errors.language?.message, errorPrefix, small: true })}
    ${textarea({ id: 'situation', name: 'situation', label: t.t('report.situation'), hint: t.t('report.situationHint'), value: values.situation, error: errors.situation?.message, errorPrefix, rows: 12 })}
    ${textarea({ id: 'assessment', name: 'assessment', label: t.t('report.assessment'), hint: t.t('report.assessmentHint'), value: values.assessment, error: errors.assessment?.message, errorPrefix, rows: 6 })}
    ${button(t.t('report.submit'))}
  </form>
</div></div>`,
  };
}

export function noteFormPage(t: Translator, view: NoteFormView): Page {
  const errorPrefix = t.t('title.error');
  return {
    title: t.t('note.title'),
    hasErrors: Object.keys(view.errors).length > 0,
    beforeContent: backTo(t, view.personId),
    content: html`<div class="govuk-grid-row"><div class="govuk-grid-column-two-thirds">
  ${errorSummary(t.t('common.errorSummary'), view.errors)}
  <h1 class="govuk-heading-l">${t.t('note.title')}</h1>
  ${warningText(t.t('write.secret'), t.t('common.important'))}
  <form method="post" action="/persons/${view.personId}/case-notes" novalidate>
    ${hidden(view)}
    ${textarea({ id: 'body', name: 'body', label: t.t('note.body'), value: view.values.body, error: view.errors.body?.message, errorPrefix, rows: 8 })}
    ${button(t.t('note.submit'))}
  </form>
</div></div>`,
  };
}
