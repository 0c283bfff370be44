import { button, csrfField, errorSummary, type FieldErrors, input } from '../components.ts';
import { html } from '../html.ts';
import type { Translator } from '../i18n/index.ts';
import type { Page } from '../layout.ts';

export interface LoginView {
  readonly login: string;
  /** The pre-session token: the log-in form is protected against cross-site posting too. */
  readonly formToken: string;
  readonly errors: FieldErrors;
  readonly notice: string | null;
}

export function loginPage(t: Translator, view: LoginView): Page {
  const errorPrefix = t.t('title.error');
  return {
    title: t.t('login.title'),
    hasErrors: Object.keys(view.errors).length > 0,
    banner: view.notice ? { title: t.t('common.important'), text: view.notice } : null,
    content: html`<div class="govuk-grid-row"><div class="govuk-grid-column-two-thirds">
  ${errorSummary(t.t('common.errorSummary'), view.errors)}
  <h1 class="govuk-heading-l">${t.t('login.title')}</h1>
  <p class="govuk-body">${t.t('login.intro')}</p>
  <form method="post" action="/login" novalidate>
    ${csrfField(view.formToken)}
    ${input({ id: 'login', name: 'login', label: t.t('login.login'), hint: t.t('login.loginHint'), value: view.login, error: view.errors.login?.message, errorPrefix, autocomplete: 'username', spellcheck: false, width: '20' })}
    ${input({ id: 'password', name: 'password', type: 'password', label: t.t('login.password'), error: view.errors.password?.message, errorPrefix, autocomplete: 'current-password', width: '20' })}
    ${button(t.t('login.submit'))}
  </form>
  <p class="govuk-body"><a class="govuk-link" href="/activate">${t.t('activate.link')}</a></p>
</div></div>`,
  };
}
