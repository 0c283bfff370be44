// What a page handler knows about its request once the UI hook has run, and how it answers.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Session } from '../app/authenticate.ts';
import { DomainError } from '../domain/errors.ts';
import type { Actor } from '../domain/roles.ts';
import type { Translator } from './i18n/index.ts';
import { type Page, type Viewer, renderPage } from './layout.ts';
import type { ViewerProfile } from './profile.ts';

export interface UiState {
  readonly t: Translator;
  readonly session: Session | null;
  readonly profile: ViewerProfile | null;
  readonly viewer: Viewer | null;
}

declare module 'fastify' {
  interface FastifyRequest {
    ui: UiState | null;
  }
  interface FastifyContextConfig {
    /** Pages open without a session (log in, accessibility statement, language switch). */
    anonymous?: boolean;
    /** Static files: no session lookup, cacheable. */
    asset?: boolean;
  }
}

export function uiOf(request: FastifyRequest): UiState {
  if (!request.ui) throw new Error('UI state missing: route registered outside the UI plugin');
  return request.ui;
}

/** The session of a page that requires one; the hook has redirected to /login otherwise. */
export function sessionOf(request: FastifyRequest): Session & { actor: Actor } {
  const session = uiOf(request).session;
  if (!session) throw new DomainError('unauthenticated', 'log in');
  return session;
}

/**
 * One path parameter or query value of a page, as text; '' when absent, repeated or not text. Pages
 * have no schema of their own (their forms go through the domain's schemas), so what the URL
 * carries is read here, checked, instead of being cast to the type a handler hopes for.
 */
export function urlText(request: FastifyRequest, part: 'params' | 'query', name: string): string {
  const values: unknown = part === 'params' ? request.params : request.query;
  const value = values && typeof values === 'object' ? (values as Readonly<Record<string, unknown>>)[name] : undefined;
  return typeof value === 'string' ? value : '';
}

/** The request's path without its query string. */
export const pathOf = (request: FastifyRequest): string => request.url.split('?')[0] ?? '/';

export function sendPage(request: FastifyRequest, reply: FastifyReply, page: Page, status = 200): FastifyReply {
  const ui = uiOf(request);
  return reply.code(status).type('text/html; charset=utf-8').send(renderPage({ t: ui.t, viewer: ui.viewer, path: pathOf(request) }, page));
}

/** After a successful POST: 303 so that reloading the next page does not repeat the action. */
export const seeOther = (reply: FastifyReply, url: string): FastifyReply => reply.redirect(url, 303);
