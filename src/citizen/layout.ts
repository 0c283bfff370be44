// The frame of the citizen portal's pages: the same design system, stylesheets, script and
// security headers as the staff pages (src/ui/layout.ts), with the portal's own header,
// navigation and four languages. No staff navigation can appear here.
import { assetUrl } from '../ui/assets.ts';
import { csrfField, notificationBanner } from '../ui/components.ts';
import { type Html, html, renderDocument } from '../ui/html.ts';
import { footer } from '../ui/layout.ts';
import { CITIZEN_AUTONYMS, CITIZEN_LANGS, type CitizenTextKey, type CitizenTranslator } from './i18n.ts';

export interface CitizenPageContext {
  readonly t: CitizenTranslator;
  readonly path: string;
  readonly cpasName: string;
  /** The session's CSRF token; null on pages shown without a session. */
  readonly csrfToken: string | null;
}

export interface CitizenPage {
  readonly title: string;
  readonly content: Html;
  readonly nav?: NavKey;
  readonly banner?: { title: string; text: string; success?: boolean } | null;
}

const NAV = [
  ['home', '/citizen', 'nav.home'],
  ['file', '/citizen/file', 'nav.file'],
  ['accesses', '/citizen/accesses', 'nav.accesses'],
  ['sharing', '/citizen/sharing', 'nav.sharing'],
  ['requests', '/citizen/requests', 'nav.requests'],
] as const satisfies readonly (readonly [string, string, CitizenTextKey])[];
export type NavKey = (typeof NAV)[number][0];

function navigation(ctx: CitizenPageContext, current: NavKey | undefined): Html | '' {
  const { t, csrfToken } = ctx;
  if (!csrfToken) return '';
  return html`<nav aria-label="${t.t('nav.label')}" class="govuk-service-navigation__wrapper">
  <ul class="govuk-service-navigation__list" id="navigation">
    ${NAV.map(([key, href, label]) => key === current
      ? html`<li class="govuk-service-navigation__item govuk-service-navigation__item--active"><a class="govuk-service-navigation__link" href="${href}" aria-current="page"><strong class="govuk-service-navigation__active-fallback">${t.t(label)}</strong></a></li>`
      : html`<li class="govuk-service-navigation__item"><a class="govuk-service-navigation__link" href="${href}">${t.t(label)}</a></li>`)}
    <li class="govuk-service-navigation__item">
      <form method="post" action="/citizen/logout" class="app-inline-form">${csrfField(csrfToken)}<button type="submit" class="govuk-service-navigation__link app-link-button">${t.t('nav.logout')}</button></form>
    </li>
  </ul>
</nav>`;
}

function languages(ctx: CitizenPageContext): Html {
  const { t } = ctx;
  return html`<nav class="govuk-language-navigation" aria-label="${t.t('lang.label')}">
  <ul class="govuk-language-navigation__list">${CITIZEN_LANGS.map((lang) =>
    lang === t.lang
      ? html`<li class="govuk-language-navigation__list-item"><span class="govuk-language-navigation__text" lang="${lang}" aria-current="true">${CITIZEN_AUTONYMS[lang]}</span></li>`
      : html`<li class="govuk-language-navigation__list-item"><a class="govuk-language-navigation__link" href="/citizen/language/${lang}?back=${encodeURIComponent(ctx.path)}" lang="${lang}" hreflang="${lang}" rel="alternate">${CITIZEN_AUTONYMS[lang]}</a></li>`)}
  </ul>
</nav>`;
}

export function renderCitizenPage(ctx: CitizenPageContext, page: CitizenPage): string {
  const { t } = ctx;
  return renderDocument(html`<html lang="${t.lang}" class="govuk-template">
<head>
  <meta charset="utf-8">
  <title>${page.title} – ${t.t('service.name')}</title>
  <meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover">
  <meta name="robots" content="noindex, nofollow">
  <meta name="referrer" content="no-referrer">
  <link rel="icon" href="${assetUrl('favicon.svg')}" type="image/svg+xml">
  <link rel="stylesheet" href="${assetUrl('govuk-frontend.css')}">
  <link rel="stylesheet" href="${assetUrl('app.css')}">
  <script type="module" src="${assetUrl('init.js')}"></script>
</head>
<body class="govuk-template__body">
<a href="#main-content" class="govuk-skip-link" data-module="govuk-skip-link">${t.t('skipLink')}</a>
<header class="govuk-template__header">
<div class="govuk-generic-header app-header">
  <div class="govuk-generic-header__container govuk-width-container app-header__container">
    <div class="govuk-generic-header__logo"><a href="/citizen" class="govuk-generic-header__homepage-link">${ctx.cpasName}</a></div>
  </div>
</div>
<section aria-label="${t.t('service.name')}" class="govuk-service-navigation app-service-navigation" data-module="govuk-service-navigation">
  <div class="govuk-width-container govuk-service-navigation__inlining-container">
    <div class="govuk-service-navigation__container">
      <span class="govuk-service-navigation__service-name"><span class="govuk-service-navigation__text">${t.t('service.name')}</span></span>
      ${navigation(ctx, page.nav)}
    </div>
    ${languages(ctx)}
  </div>
</section>
</header>
<div class="govuk-width-container">
  <main class="govuk-main-wrapper" id="main-content">
    ${page.banner ? notificationBanner(page.banner) : ''}
    ${page.content}
  </main>
</div>
${footer(t)}
</body>
</html>`);
}
