// The staff queue of data-protection rights requests, and one request with the steps its state
// allows: extend the deadline (once, with a reason for the person), redact a copy, approve it
// (another head of social service than the redactor), or mark a correction/objection answered.
import type { QueuedRightsRequest } from '../../app/citizen/handle-rights-requests.ts';
import { mayTakeStep, RIGHTS_KINDS } from '../../domain/rights-requests.ts';
import { backLink, button, csrfField, errorSummary, type FieldErrors, radios, table, tag, textarea } from '../components.ts';
import { html } from '../html.ts';
import type { Translator } from '../i18n/index.ts';
import type { Page } from '../layout.ts';

export function rightsQueuePage(t: Translator, queue: readonly QueuedRightsRequest[]): Page {
  return {
    title: t.t('rights.title'),
    nav: 'rights',
    content: html`<h1 class="govuk-heading-l">${t.t('rights.title')}</h1>
<p class="govuk-body">${t.t('rights.intro')}</p>
${queue.length === 0 ? html`<p class="govuk-body">${t.t('rights.none')}</p>` : table({
    caption: t.t('rights.title'), captionClass: 'govuk-visually-hidden',
    head: [t.t('rights.kind'), t.t('rights.received'), t.t('rights.due'), t.t('rights.state'), t.t('rights.file')],
    rows: queue.map((r) => [
      html`<a class="govuk-link" href="/rights-requests/${r.requestId}">${t.t(`rightsKind.${r.kind}`)}</a>`,
      t.date(r.receivedOn),
      html`${t.date(r.dueOn)}${r.overdue ? html` ${tag(t.t('rights.overdue'), 'red')}` : ''}${r.extended ? html` ${tag(t.t('rights.extended'), 'yellow')}` : ''}`,
      t.t(`rightsState.${r.state}`),
      html`<a class="govuk-link" href="/persons/${r.personId}">${t.t('rights.file')}</a>`,
    ]),
  })}`,
  };
}

/** statement: the person's words when the viewer may read them (the social service on the case), else null. */
export function rightsRequestPage(t: Translator, csrfToken: string, r: QueuedRightsRequest, statement: string | null, errors: FieldErrors, done: boolean): Page {
  const form = (action: string, body: ReturnType<typeof html>) => html`<form method="post" action="/rights-requests/${r.requestId}/${action}" novalidate>${csrfField(csrfToken)}${body}</form>`;
  const prefix = t.t('title.error');
  return {
    title: t.t(`rightsKind.${r.kind}`),
    nav: 'rights',
    hasErrors: Object.keys(errors).length > 0,
    banner: done ? { title: t.t('rights.title'), text: t.t('rights.done'), success: true } : null,
    beforeContent: backLink('/rights-requests', t.t('rights.title')),
    content: html`${errorSummary(t.t('common.errorSummary'), errors)}
<span class="govuk-caption-l">${t.t('rights.detail', { date: t.date(r.receivedOn) })}</span>
<h1 class="govuk-heading-l">${t.t(`rightsKind.${r.kind}`)}</h1>
<p class="govuk-body">${t.t('common.keyValue', { key: t.t('rights.due'), value: t.date(r.dueOn) })} — ${t.t(`rightsState.${r.state}`)}</p>
${statement ? html`<h2 class="govuk-heading-s">${t.t('rights.statement')}</h2><p class="govuk-body">${statement}</p>` : ''}
${mayTakeStep('redact', r.kind, r.state) ? form('redact', html`${textarea({ id: 'redactedText', name: 'redactedText', label: t.t('rights.redact'), hint: t.t('rights.redactHint'), errorPrefix: prefix, error: errors.redactedText?.message, rows: 10 })}${button(t.t('rights.saveRedaction'))}`) : ''}
${mayTakeStep('approve', r.kind, r.state) ? form('approve', button(t.t('rights.approve'))) : ''}
${mayTakeStep('answer', r.kind, r.state) ? form('answer', button(t.t('rights.answer'))) : ''}
${r.extended ? '' : form('extend', html`${textarea({ id: 'reason', name: 'reason', label: t.t('rights.reason'), errorPrefix: prefix, error: errors.reason?.message, rows: 3 })}${button(t.t('rights.extend'), { secondary: true })}`)}`,
  };
}

/** The desk form: a person asks in person for a copy, a correction or an objection, in their own words. */
export function deskRequestPage(t: Translator, view: { csrfToken: string; personId: string; kind: string; statement: string; errors: FieldErrors }): Page {
  const prefix = t.t('title.error');
  const { errors } = view;
  return {
    title: t.t('rights.deskTitle'),
    nav: 'rights',
    hasErrors: Object.keys(errors).length > 0,
    beforeContent: backLink(`/persons/${view.personId}`, t.t('rights.backToFile')),
    content: html`<div class="govuk-grid-row"><div class="govuk-grid-column-two-thirds">
${errorSummary(t.t('common.errorSummary'), errors)}
<h1 class="govuk-heading-l">${t.t('rights.deskTitle')}</h1>
<p class="govuk-body">${t.t('rights.deskIntro')}</p>
<form method="post" action="/persons/${view.personId}/rights-requests" novalidate>
  ${csrfField(view.csrfToken)}
  ${radios({ id: 'kind', name: 'kind', legend: t.t('rights.kind'), items: RIGHTS_KINDS.map((k) => ({ value: k, text: t.t(`rightsKind.${k}`) })), value: view.kind, error: errors.kind?.message, errorPrefix: prefix })}
  ${textarea({ id: 'statement', name: 'statement', label: t.t('rights.deskStatement'), hint: t.t('rights.deskStatementHint'), value: view.statement, error: errors.statement?.message, errorPrefix: prefix, rows: 6 })}
  ${button(t.t('rights.deskSubmit'))}
</form>
</div></div>`,
  };
}
