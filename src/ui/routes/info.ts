// Pages that are not about persons: the home redirect, the language switch, the accessibility statement.
import type { FastifyInstance } from 'fastify';
import { isLang } from '../i18n/index.ts';
import { homeFor } from '../navigation.ts';
import { accessibilityPage } from '../pages/accessibility.ts';
import { homePage } from '../pages/errors.ts';
import { LANG_COOKIE, type UiDeps } from '../plugin.ts';
import { seeOther, sendPage, sessionOf, uiOf, urlText } from '../request.ts';

/** Only a path of this application: the switch must not become an open redirect. */
const safeBack = (value: unknown): string =>
  typeof value === 'string' && /^\/[a-z0-9\-/]*$/i.test(value) && !value.startsWith('//') ? value : '/';

export function registerInfoRoutes(ui: FastifyInstance, _deps: UiDeps): void {
  ui.get('/', async (request, reply) => {
    sessionOf(request);
    const home = homeFor(uiOf(request).viewer!);
    return home ? reply.redirect(home, 303) : sendPage(request, reply, homePage(uiOf(request).t));
  });

  // A link, not a form: it changes a display preference only, and must work on the log-in page.
  ui.get('/language/:lang', { config: { anonymous: true } }, async (request, reply) => {
    const lang = urlText(request, 'params', 'lang');
    if (isLang(lang)) {
      reply.setCookie(LANG_COOKIE, lang, { path: '/', httpOnly: true, sameSite: 'lax', secure: request.protocol === 'https', maxAge: 365 * 86_400 });
    }
    return seeOther(reply, safeBack(urlText(request, 'query', 'back')));
  });

  ui.get('/accessibility', { config: { anonymous: true } }, async (request, reply) => {
    const state = uiOf(request);
    return sendPage(request, reply, accessibilityPage(state.t, state.profile));
  });
}
