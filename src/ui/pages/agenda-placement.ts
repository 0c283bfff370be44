// The social service puts one of a person's applications on the agenda of an open session. Shown
// only after the use case allowed it (prepareAgendaPlacement), so nobody types into a form they
// may not submit.
import type { AgendaPlacementChoices } from '../../app/council/prepare-agenda-placement.ts';
import { backLink, button, csrfField, errorSummary, type FieldErrors, insetText, radios } from '../components.ts';
import { html } from '../html.ts';
import type { Translator } from '../i18n/index.ts';
import type { Page } from '../layout.ts';

export interface PlacementView {
  readonly personId: string;
  readonly choices: AgendaPlacementChoices;
  readonly csrfToken: string;
  readonly values: { applicationId: string; sessionId: string };
  readonly errors: FieldErrors;
  readonly done: boolean;
}

export function placementPage(t: Translator, view: PlacementView): Page {
  const { choices, errors } = view;
  const errorPrefix = t.t('title.error');
  const form = choices.applications.length === 0
    ? html`<p class="govuk-body">${t.t('placement.noApplication')}</p>`
    : choices.sessions.length === 0
      ? html`<p class="govuk-body">${t.t('placement.noSession')}</p>`
      : html`<form method="post" action="/persons/${view.personId}/agenda" novalidate>
  ${csrfField(view.csrfToken)}
  ${radios({
    id: 'applicationId', name: 'applicationId', legend: t.t('placement.application'), errorPrefix, error: errors.applicationId?.message, value: view.values.applicationId,
    items: choices.applications.map((a) => ({ value: a.applicationId, text: `${t.t(`applicationKind.${a.kind}`)} – ${t.date(a.submittedOn)}` })),
  })}
  ${radios({
    id: 'sessionId', name: 'sessionId', legend: t.t('placement.session'), errorPrefix, error: errors.sessionId?.message, value: view.values.sessionId,
    items: choices.sessions.map((s) => ({ value: s.sessionId, text: t.t('placement.sessionOption', { body: t.t(`decisionBody.${s.body}`), date: t.date(s.meetingDate) }) })),
  })}
  ${button(t.t('placement.submit'))}
</form>`;
  return {
    title: t.t('placement.title'),
    hasErrors: Object.keys(errors).length > 0,
    banner: view.done ? { title: t.t('common.success'), text: t.t('placement.done'), success: true } : null,
    beforeContent: backLink(`/persons/${view.personId}`, t.t('placement.backToFile')),
    content: html`${errorSummary(t.t('common.errorSummary'), errors)}
<h1 class="govuk-heading-l">${t.t('placement.title')}</h1>
${insetText(t.t('placement.intro'))}
${form}`,
  };
}
