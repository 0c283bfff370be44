// "My requests": the person's rights requests with their state and deadline, the approved copy to
// download, and the form for a new request (copy, correction, objection).
import type { MyRightsRequest } from '../../app/citizen/rights-requests.ts';
import { button, csrfField, errorSummary, type FieldErrors, radios, table, textarea } from '../../ui/components.ts';
import { html } from '../../ui/html.ts';
import { RIGHTS_KINDS } from '../../domain/rights-requests.ts';
import type { CitizenTranslator } from '../i18n.ts';
import type { CitizenPage } from '../layout.ts';

export interface RequestForm {
  readonly kind: string;
  readonly statement: string;
  readonly errors: FieldErrors;
}

export function requestsPage(t: CitizenTranslator, csrfToken: string, requests: readonly MyRightsRequest[], form: RequestForm, sent: boolean): CitizenPage {
  return {
    title: t.t('requests.title'),
    nav: 'requests',
    banner: sent ? { title: t.t('requests.title'), text: t.t('requests.sent'), success: true } : null,
    content: html`${errorSummary(t.t('requests.errorTitle'), form.errors)}
<h1 class="govuk-heading-l">${t.t('requests.title')}</h1>
<p class="govuk-body">${t.t('requests.intro')}</p>
<h2 class="govuk-heading-m">${t.t('requests.list')}</h2>
${requests.length === 0 ? html`<p class="govuk-body">${t.t('requests.none')}</p>` : table({
    caption: t.t('requests.list'), captionClass: 'govuk-visually-hidden',
    head: [t.t('requests.kind'), t.t('requests.received'), t.t('requests.due'), t.t('requests.state')],
    rows: requests.map((r) => [
      t.t(`rightsKind.${r.kind}`), t.date(r.receivedOn),
      html`${t.date(r.dueOn)}${r.extensionReason ? html`<br><span class="govuk-body-s">${t.t('requests.extended', { reason: r.extensionReason })}</span>` : ''}`,
      html`${t.t(`rightsState.${r.state}`)}${r.copyReady ? html`<br><a class="govuk-link" href="/citizen/requests/${r.requestId}/copy.pdf">${t.t('requests.download')}</a>` : ''}`,
    ]),
  })}
<h2 class="govuk-heading-m">${t.t('requests.new')}</h2>
<form method="post" action="/citizen/requests" novalidate>
  ${csrfField(csrfToken)}
  ${radios({ id: 'kind', name: 'kind', legend: t.t('requests.which'), errorPrefix: t.t('requests.errorPrefix'), error: form.errors.kind?.message, value: form.kind,
    items: RIGHTS_KINDS.map((k) => ({ value: k, text: t.t(`rightsKind.${k}`) })) })}
  ${textarea({ id: 'statement', name: 'statement', label: t.t('requests.statement'), hint: t.t('requests.statementHint'), errorPrefix: t.t('requests.errorPrefix'),
    error: form.errors.statement?.message, value: form.statement, rows: 5 })}
  ${button(t.t('requests.submit'))}
</form>`,
  };
}
