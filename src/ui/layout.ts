// The page frame: head (stylesheets and the one script, all same-origin for the CSP), the generic
// header with the CPAS's name (no crown, no GOV.UK logo), the service navigation, the language
// switcher, and a footer with the accessibility statement.
import type { Role } from '../domain/roles.ts';
import { assetUrl } from './assets.ts';
import { csrfField, notificationBanner } from './components.ts';
import { type Html, html, renderDocument } from './html.ts';
import { AUTONYMS, LANGS, type Translator } from './i18n/index.ts';
import { navigationFor } from './navigation.ts';

/** Who is looking at the page: null on the login page and other pages open without a session. */
export interface Viewer {
  readonly displayName: string;
  readonly roles: readonly Role[];
  readonly cpasName: string;
  readonly csrfToken: string;
  /** May read the register (by role, or delegated into it): decides its navigation entry. */
  readonly registerReader: boolean;
}

export interface PageContext {
  readonly t: Translator;
  /** The path of this page (never with a query string), for the language switcher and navigation. */
  readonly path: string;
  readonly viewer: Viewer | null;
}

export interface Page {
  readonly title: string;
  readonly content: Html;
  /** Prefixes the title with "Error:" so screen-reader users hear it first. */
  readonly hasErrors?: boolean;
  /** The navigation entry to mark as current. */
  readonly nav?: string;
  readonly banner?: { title: string; text: string; success?: boolean } | null;
  /** A back link, first in the main landmark (outside it, it would sit in no landmark). */
  readonly beforeContent?: Html;
}

function header(ctx: PageContext, current: string | undefined): Html {
  const { t, viewer } = ctx;
  const items = viewer ? navigationFor(viewer) : [];
  const languages = html`<nav class="govuk-language-navigation" aria-label="${t.t('lang.label')}">
  <ul class="govuk-language-navigation__list">${LANGS.map((lang) =>
    lang === t.lang
      ? html`<li class="govuk-language-navigation__list-item"><span class="govuk-language-navigation__text" lang="${lang}" aria-current="true">${AUTONYMS[lang]}</span></li>`
      : html`<li class="govuk-language-navigation__list-item"><a class="govuk-language-navigation__link" href="/language/${lang}?back=${encodeURIComponent(ctx.path)}" lang="${lang}" hreflang="${lang}" rel="alternate">${AUTONYMS[lang]}</a></li>`)}
  </ul>
</nav>`;
  const navigation = viewer
    ? html`<nav aria-label="${t.t('nav.label')}" class="govuk-service-navigation__wrapper">
  <button type="button" class="govuk-service-navigation__toggle govuk-js-service-navigation-toggle" aria-controls="navigation" hidden aria-hidden="true">Menu</button>
  <ul class="govuk-service-navigation__list" id="navigation">
    ${items.map((item) => item.key === current
      ? html`<li class="govuk-service-navigation__item govuk-service-navigation__item--active"><a class="govuk-service-navigation__link" href="${item.href}" aria-current="page"><strong class="govuk-service-navigation__active-fallback">${t.t(item.label)}</strong></a></li>`
      : html`<li class="govuk-service-navigation__item"><a class="govuk-service-navigation__link" href="${item.href}">${t.t(item.label)}</a></li>`)}
    <li class="govuk-service-navigation__item">
      <form method="post" action="/logout" class="app-inline-form">${csrfField(viewer.csrfToken)}<button type="submit" class="govuk-service-navigation__link app-link-button">${t.t('nav.logout')}</button></form>
    </li>
  </ul>
</nav>`
    : '';
  return html`<header class="govuk-template__header">
<div class="govuk-generic-header app-header">
  <div class="govuk-generic-header__container govuk-width-container app-header__container">
    <div class="govuk-generic-header__logo">
      <a href="/" class="govuk-generic-header__homepage-link">${viewer?.cpasName ?? t.t('service.name')}</a>
    </div>
    ${viewer ? html`<p class="app-header__user"><a class="govuk-link govuk-link--inverse" href="/account">${t.t('nav.signedInAs', { name: viewer.displayName })}</a></p>` : ''}
  </div>
</div>
<section aria-label="${t.t('service.name')}" class="govuk-service-navigation app-service-navigation" data-module="govuk-service-navigation">
  <div class="govuk-width-container govuk-service-navigation__inlining-container">
    <div class="govuk-service-navigation__container">
      <span class="govuk-service-navigation__service-name"><span class="govuk-service-navigation__text">${t.t('service.name')}</span></span>
      ${navigation}
    </div>
    ${languages}
  </div>
</section>
</header>`;
}

/** The words a footer needs, from the staff pages' or the citizen portal's dictionary. */
type FooterKey = 'footer.label' | 'footer.accessibility' | 'footer.secrecy';

/** The footer every page shares, the staff pages and the citizen portal: accessibility statement and the secrecy line. */
export function footer(t: { t(key: FooterKey): string }): Html {
  return html`<footer class="govuk-footer">
  <div class="govuk-width-container">
    <div class="govuk-footer__meta">
      <div class="govuk-footer__meta-item govuk-footer__meta-item--grow">
        <h2 class="govuk-visually-hidden">${t.t('footer.label')}</h2>
        <ul class="govuk-footer__inline-list">
          <li class="govuk-footer__inline-list-item"><a class="govuk-footer__link" href="/accessibility">${t.t('footer.accessibility')}</a></li>
        </ul>
        <p class="govuk-body-s app-footer__secrecy">${t.t('footer.secrecy')}</p>
      </div>
    </div>
  </div>
</footer>`;
}

export function renderPage(ctx: PageContext, page: Page): string {
  const { t } = ctx;
  const title = `${page.hasErrors ? t.t('title.error') : ''}${page.title} – ${t.t('service.name')}`;
  return renderDocument(html`<html lang="${t.lang}" class="govuk-template">
<head>
  <meta charset="utf-8">
  <title>${title}</title>
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
${header(ctx, page.nav)}
<div class="govuk-width-container">
  <main class="govuk-main-wrapper" id="main-content">
    ${page.beforeContent ?? ''}
    ${page.banner ? notificationBanner(page.banner) : ''}
    ${page.content}
  </main>
</div>
${footer(t)}
</body>
</html>`);
}
