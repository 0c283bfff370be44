// The staff member's own account: who they are here, and the address the register's notices are
// e-mailed to (only theirs: set-notification-email.ts says why).
import type { MyAccount } from '../../app/read-my-account.ts';
import { button, csrfField, errorSummary, type FieldErrors, input, summaryList } from '../components.ts';
import { html } from '../html.ts';
import type { Translator } from '../i18n/index.ts';
import type { Page } from '../layout.ts';

export interface AccountView {
  readonly csrfToken: string;
  readonly displayName: string;
  readonly cpasName: string;
  readonly account: MyAccount;
  /** The address as typed, when it comes back with an error. */
  readonly typed: string | null;
  readonly errors: FieldErrors;
  readonly saved: boolean;
}

export function accountPage(t: Translator, view: AccountView): Page {
  const { account, errors } = view;
  return {
    title: t.t('account.title'),
    hasErrors: Object.keys(errors).length > 0,
    banner: view.saved ? { title: t.t('common.success'), text: t.t('account.saved'), success: true } : null,
    content: html`<div class="govuk-grid-row"><div class="govuk-grid-column-two-thirds">
${errorSummary(t.t('common.errorSummary'), errors)}
<h1 class="govuk-heading-l">${t.t('account.title')}</h1>
${summaryList([
    { key: t.t('account.name'), value: view.displayName },
    { key: t.t('account.cpas'), value: view.cpasName },
    { key: t.t('account.roles'), value: account.roles.map((r) => t.t(`role.${r}`)).join(', ') },
  ])}
<h2 class="govuk-heading-m">${t.t('account.emailTitle')}</h2>
<p class="govuk-body">${t.t('account.emailIntro')}</p>
<form method="post" action="/account/notification-email" novalidate>
  ${csrfField(view.csrfToken)}
  ${input({ id: 'email', name: 'email', type: 'email', autocomplete: 'email', spellcheck: false, label: t.t('account.email'), hint: t.t('account.emailHint'), value: view.typed ?? account.notificationEmail ?? '', error: errors.email?.message, errorPrefix: t.t('title.error') })}
  ${button(t.t('account.emailSave'))}
</form>
</div></div>`,
  };
}
