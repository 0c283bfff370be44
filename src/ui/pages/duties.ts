// Pages of the separation of duties: the account just created (its activation code, once), the
// head of social service's confirmations (roles, assignments) with the confirmation code (once),
// and the holder's activation form.
import { button, csrfField, errorSummary, type FieldErrors, input, insetText, summaryList, table, tag } from '../components.ts';
import { html, join } from '../html.ts';
import type { Translator } from '../i18n/index.ts';
import type { Page } from '../layout.ts';
import type { Role } from '../../domain/roles.ts';

const code = (value: string) => html`<p class="govuk-heading-m app-code" lang="en" translate="no">${value}</p>`;

export function userCreatedPage(t: Translator, view: { login: string; activationCode: string; expiresOn: string; pendingRoles: readonly Role[] }): Page {
  return {
    title: t.t('users.createdTitle'),
    nav: 'users',
    beforeContent: html`<a href="/users" class="govuk-back-link">${t.t('common.back')}</a>`,
    content: html`<h1 class="govuk-heading-l">${t.t('users.createdTitle')}</h1>
<p class="govuk-body">${t.t('users.createdBody', { login: view.login })}</p>
<h2 class="govuk-heading-s">${t.t('users.activationCode')}</h2>
${code(view.activationCode)}
<p class="govuk-hint">${t.t('users.activationCodeHint', { date: t.date(view.expiresOn) })}</p>
${view.pendingRoles.length > 0 ? insetText(t.t('users.pendingRoles', { roles: view.pendingRoles.map((r) => t.t(`role.${r}`)).join(', ') })) : ''}`,
  };
}

export interface ConfirmationsView {
  readonly csrfToken: string;
  readonly grants: readonly { grantId: string; displayName: string; login: string; role: Role; grantedAt: Date; confirmed: boolean }[];
  readonly proposals: readonly { proposalId: string; personId: string; personName: { familyName: string; givenNames: string } | null; assigneeName: string; assignedFrom: string }[];
  readonly assigned: boolean;
}

const confirmForm = (t: Translator, csrfToken: string, action: string) =>
  html`<form method="post" action="${action}" novalidate>${csrfField(csrfToken)}${button(t.t('confirm.button'), { secondary: true, classes: 'govuk-!-margin-bottom-0' })}</form>`;

export function confirmationsPage(t: Translator, view: ConfirmationsView): Page {
  return {
    title: t.t('confirm.title'),
    nav: 'confirmations',
    banner: view.assigned ? { title: t.t('common.success'), text: t.t('confirm.assigned'), success: true } : null,
    content: html`<h1 class="govuk-heading-l">${t.t('confirm.title')}</h1>
<p class="govuk-body">${t.t('confirm.intro')}</p>
<h2 class="govuk-heading-m">${t.t('confirm.grants')}</h2>
${view.grants.length === 0 ? html`<p class="govuk-body">${t.t('confirm.noGrants')}</p>` : table({
      caption: t.t('confirm.grants'), captionClass: 'govuk-visually-hidden',
      head: [t.t('confirm.user'), t.t('confirm.role'), t.t('confirm.grantedAt'), t.t('confirm.state')],
      rows: view.grants.map((g) => [
        html`${g.displayName}<br><span class="govuk-body-s app-meta">${g.login}</span>`,
        t.t(`role.${g.role}`),
        t.dateTime(g.grantedAt.toISOString()),
        g.confirmed ? tag(t.t('confirm.waitingHolder'), 'grey') : confirmForm(t, view.csrfToken, `/confirmations/roles/${g.grantId}`),
      ]),
    })}
<h2 class="govuk-heading-m">${t.t('confirm.proposals')}</h2>
${view.proposals.length === 0 ? html`<p class="govuk-body">${t.t('confirm.noProposals')}</p>` : table({
      caption: t.t('confirm.proposals'), captionClass: 'govuk-visually-hidden',
      head: [t.t('confirm.person'), t.t('confirm.assignee'), t.t('confirm.from'), t.t('confirm.state')],
      rows: view.proposals.map((p) => [html`<a class="govuk-link" href="/persons/${p.personId}/assignments">${p.personName ? `${p.personName.familyName}, ${p.personName.givenNames}` : p.personId.slice(0, 8)}</a>`, p.assigneeName, t.date(p.assignedFrom), confirmForm(t, view.csrfToken, `/confirmations/assignments/${p.proposalId}`)]),
    })}`,
  };
}

export function confirmedCodePage(t: Translator, view: { displayName: string; role: Role; confirmationCode: string; expiresOn: string }): Page {
  return {
    title: t.t('confirm.codeTitle'),
    nav: 'confirmations',
    beforeContent: html`<a href="/confirmations" class="govuk-back-link">${t.t('common.back')}</a>`,
    content: html`<h1 class="govuk-heading-l">${t.t('confirm.codeTitle')}</h1>
<p class="govuk-body">${t.t('confirm.codeIntro', { role: t.t(`role.${view.role}`), name: view.displayName })}</p>
${summaryList([{ key: t.t('confirm.code'), value: code(view.confirmationCode) }])}
<p class="govuk-hint">${t.t('confirm.codeHint', { date: t.date(view.expiresOn) })}</p>`,
  };
}

export function activatePage(t: Translator, view: { login: string; formToken: string; errors: FieldErrors }): Page {
  const errorPrefix = t.t('title.error');
  const field = (id: string, type: string, label: string, hint: string | undefined, autocomplete: string) =>
    input({ id, name: id, type, label, hint, error: view.errors[id]?.message, errorPrefix, autocomplete, spellcheck: false, width: '20' });
  return {
    title: t.t('activate.title'),
    hasErrors: Object.keys(view.errors).length > 0,
    content: html`<div class="govuk-grid-row"><div class="govuk-grid-column-two-thirds">
  ${errorSummary(t.t('common.errorSummary'), view.errors)}
  <h1 class="govuk-heading-l">${t.t('activate.title')}</h1>
  <p class="govuk-body">${t.t('activate.intro')}</p>
  <form method="post" action="/activate" novalidate>
    ${csrfField(view.formToken)}
    ${input({ id: 'login', name: 'login', label: t.t('activate.login'), hint: t.t('activate.loginHint'), value: view.login, error: view.errors.login?.message, errorPrefix, autocomplete: 'username', spellcheck: false, width: '20' })}
    ${join([
      field('code', 'password', t.t('activate.code'), undefined, 'one-time-code'),
      field('confirmationCode', 'text', t.t('activate.confirmationCode'), undefined, 'off'),
      field('newPassword', 'password', t.t('activate.newPassword'), t.t('activate.newPasswordHint'), 'new-password'),
    ])}
    ${button(t.t('activate.submit'))}
  </form>
</div></div>`,
  };
}
