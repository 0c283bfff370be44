import { html } from '../html.ts';
import type { TextKey, Translator } from '../i18n/index.ts';
import type { Page } from '../layout.ts';

export type ErrorKind = 'not-found' | 'forbidden' | 'purpose' | 'csrf' | 'bad-input' | 'too-large' | 'invalid-state' | 'server';

const TEXTS: Record<ErrorKind, { title: TextKey; body: TextKey }> = {
  'not-found': { title: 'error.notFound.title', body: 'error.notFound.body' },
  forbidden: { title: 'error.forbidden.title', body: 'error.forbidden.body' },
  purpose: { title: 'error.forbidden.title', body: 'error.purpose.body' },
  csrf: { title: 'error.csrf.title', body: 'error.csrf.body' },
  'bad-input': { title: 'error.badInput.title', body: 'error.badInput.body' },
  'too-large': { title: 'error.tooLarge.title', body: 'error.tooLarge.body' },
  'invalid-state': { title: 'error.invalidState.title', body: 'error.invalidState.body' },
  server: { title: 'error.server.title', body: 'error.server.body' },
};

export const ERROR_STATUS: Record<ErrorKind, number> = { 'not-found': 404, forbidden: 403, purpose: 403, csrf: 403, 'bad-input': 400, 'too-large': 413, 'invalid-state': 409, server: 500 };

export function errorPage(t: Translator, kind: ErrorKind): Page {
  const texts = TEXTS[kind];
  return {
    title: t.t(texts.title),
    content: html`<h1 class="govuk-heading-l">${t.t(texts.title)}</h1>
<p class="govuk-body">${t.t(texts.body)}</p>
<p class="govuk-body"><a class="govuk-link" href="/">${t.t('error.home')}</a></p>`,
  };
}

export function homePage(t: Translator): Page {
  return {
    title: t.t('home.title'),
    content: html`<h1 class="govuk-heading-l">${t.t('home.title')}</h1><p class="govuk-body">${t.t('home.nothing')}</p>`,
  };
}
