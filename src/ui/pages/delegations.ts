// Who may see and handle the register besides the directeur général, the président and the DPO:
// the administrative agents they delegated, each until a date. The directeur général or the
// président grants a delegation (an agent and an end date) and can end it at once.
import { button, csrfField, dateInput, errorSummary, select, table, tag, type DateParts, type FieldErrors } from '../components.ts';
import { html } from '../html.ts';
import type { Translator } from '../i18n/index.ts';
import type { Page } from '../layout.ts';
import { registerSubNavigation } from './register.ts';

export interface DelegationLine {
  readonly userId: string;
  readonly displayName: string;
  readonly grantedAt: Date;
  readonly grantedByName: string;
  readonly validUntil: string | null;
  readonly revokedAt: Date | null;
  readonly active: boolean;
}

export interface DelegationsView {
  readonly csrfToken: string;
  readonly lines: readonly DelegationLine[];
  readonly candidates: readonly { userId: string; displayName: string }[];
  readonly values: { readonly userId: string; readonly validUntil: DateParts };
  readonly errors: FieldErrors;
  readonly done: 'granted' | 'revoked' | null;
}

function stateOf(t: Translator, line: DelegationLine) {
  if (line.revokedAt) return tag(t.t('deleg.revoked'), 'grey');
  return line.active ? tag(t.t('deleg.active'), 'green') : tag(t.t('deleg.ended'), 'grey');
}

export function delegationsPage(t: Translator, view: DelegationsView): Page {
  const title = t.t('deleg.title');
  const errorPrefix = t.t('title.error');
  const dateLabels = { day: t.t('date.day'), month: t.t('date.month'), year: t.t('date.year') };
  const rows = view.lines.map((line) => [
    line.displayName,
    t.t('deleg.grantedValue', { name: line.grantedByName, date: t.date(line.grantedAt) }),
    line.validUntil ? t.date(line.validUntil) : t.t('deleg.noEnd'),
    stateOf(t, line),
    line.active
      ? html`<form method="post" action="/requests/delegates/${line.userId}/revoke" novalidate>${csrfField(view.csrfToken)}${button(t.t('deleg.revoke', { name: line.displayName }), { secondary: true, classes: 'govuk-!-margin-bottom-0' })}</form>`
      : '',
  ]);
  return {
    title: Object.keys(view.errors).length > 0 ? `${t.t('title.error')} ${title}` : title,
    nav: 'register',
    banner: view.done ? { title: t.t('common.success'), text: t.t(`deleg.done.${view.done}`), success: true } : undefined,
    content: html`${errorSummary(t.t('common.errorSummary'), view.errors)}
<h1 class="govuk-heading-l">${title}</h1>
${registerSubNavigation(t, 'delegations', true, true)}
<p class="govuk-body">${t.t('deleg.intro')}</p>
${view.lines.length === 0
      ? html`<p class="govuk-body">${t.t('deleg.none')}</p>`
      : table({ caption: t.t('deleg.listCaption'), head: [t.t('deleg.agent'), t.t('deleg.granted'), t.t('deleg.until'), t.t('deleg.state'), t.t('deleg.actions')], rows })}
<h2 class="govuk-heading-m">${t.t('deleg.grantTitle')}</h2>
${view.candidates.length === 0
      ? html`<p class="govuk-body">${t.t('deleg.noCandidates')}</p>`
      : html`<form method="post" action="/requests/delegates" novalidate>
${csrfField(view.csrfToken)}
${select({ id: 'userId', name: 'userId', label: t.t('deleg.agent'), hint: t.t('deleg.agentHint'), items: [{ value: '', text: t.t('deleg.choose') }, ...view.candidates.map((c) => ({ value: c.userId, text: c.displayName }))], value: view.values.userId, error: view.errors.userId?.message, errorPrefix })}
${dateInput({ id: 'validUntil', name: 'validUntil', legend: t.t('deleg.until'), hint: t.t('deleg.untilHint'), value: view.values.validUntil, error: view.errors.validUntil?.message, errorPrefix, labels: dateLabels })}
${button(t.t('deleg.grant'))}
</form>`}`,
  };
}
