// The portal's welcome, log-in failure and error pages.
import type { OidcFailure } from '../../adapters/oidc/oidc-client.ts';
import { notificationBanner } from '../../ui/components.ts';
import { html } from '../../ui/html.ts';
import type { CitizenTranslator } from '../i18n.ts';
import type { CitizenPage } from '../layout.ts';

export function welcomePage(t: CitizenTranslator, notice: string | null): CitizenPage {
  return {
    title: t.t('welcome.title'),
    content: html`${notice ? notificationBanner({ title: t.t('service.name'), text: notice }) : ''}
<h1 class="govuk-heading-l">${t.t('welcome.title')}</h1>
<p class="govuk-body-l">${t.t('welcome.intro')}</p>
<p class="govuk-body">${t.t('welcome.how')}</p>
<a href="/citizen/login" role="button" draggable="false" class="govuk-button govuk-button--start" data-module="govuk-button" id="citizen-login">${t.t('welcome.login')}</a>
<p class="govuk-body"><a class="govuk-link" href="/citizen/sharing">${t.t('nav.sharing')}</a></p>`,
  };
}

/** What went wrong, in the closed set of reasons; nothing the provider or the browser sent is echoed. */
export function loginFailedPage(t: CitizenTranslator, reason: OidcFailure): CitizenPage {
  return {
    title: t.t('failed.title'),
    content: html`<h1 class="govuk-heading-l">${t.t('failed.title')}</h1>
<p class="govuk-body" id="failure-reason" data-reason="${reason}">${t.t(`failed.${reason}`)}</p>
<p class="govuk-body">${t.t('failed.nothing')}</p>
<a href="/citizen/login" role="button" draggable="false" class="govuk-button" data-module="govuk-button">${t.t('failed.again')}</a>`,
  };
}

export type CitizenErrorKind = 'not-found' | 'csrf' | 'server';
const ERROR_KEYS = {
  'not-found': ['error.notFound.title', 'error.notFound.body'],
  csrf: ['error.csrf.title', 'error.csrf.body'],
  server: ['error.server.title', 'error.server.body'],
} as const;

export function errorPage(t: CitizenTranslator, kind: CitizenErrorKind): CitizenPage {
  const [title, body] = ERROR_KEYS[kind];
  return {
    title: t.t(title),
    content: html`<h1 class="govuk-heading-l">${t.t(title)}</h1><p class="govuk-body">${t.t(body)}</p>
<p class="govuk-body"><a class="govuk-link" href="/citizen">${t.t('error.home')}</a></p>`,
  };
}
