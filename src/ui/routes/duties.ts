// The second person's pages (a head of social service confirms secret-opening roles and proposed
// assignments; each confirmation code is shown once, in the answer to the confirmation) and the
// holder's activation page, which needs no session: its form carries a pre-session token like the
// log-in form, and failures count against the account like failed log-ins.
import { LOGIN_ROUTE } from '../../http/rate-limit.ts';
import { randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { activateAccount } from '../../app/activate-account.ts';
import { confirmAssignment, listAssignmentProposals } from '../../app/manage-staff.ts';
import { confirmRoleGrant, listRoleGrants } from '../../app/role-grants.ts';
import { DomainError } from '../../domain/errors.ts';
import { activationInput } from '../../domain/schemas.ts';
import type { FieldErrors } from '../components.ts';
import { asForm, formText } from '../forms.ts';
import { activatePage, confirmationsPage, confirmedCodePage } from '../pages/duties.ts';
import type { UiDeps } from '../plugin.ts';
import { loadStaffNames } from '../profile.ts';
import { seeOther, sendPage, sessionOf, uiOf } from '../request.ts';
import { sameToken } from '../security.ts';

const ACTIVATE_TOKEN_COOKIE = 'confiance_activate';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function registerDutiesRoutes(ui: FastifyInstance, deps: UiDeps): void {
  const { ctx } = deps;
  ui.get('/confirmations', async (request, reply) => {
    const { t, profile } = uiOf(request);
    const session = sessionOf(request);
    const grants = await listRoleGrants(ctx, session.actor);
    const proposals = await listAssignmentProposals(ctx, session.actor);
    const names = await loadStaffNames(ctx, session.actor.cpasId, proposals.map((p) => p.userId));
    return sendPage(request, reply, confirmationsPage(t, {
      csrfToken: session.csrfToken, assigned: (request.query as { assigned?: string }).assigned === '1',
      grants: grants.map((g) => ({ grantId: g.grantId, displayName: g.displayName, login: `${g.username}@${profile!.cpas.code}`, role: g.role, grantedAt: g.grantedAt, confirmed: g.confirmedBy !== null })),
      proposals: proposals.map((p) => ({ proposalId: p.proposalId, personId: p.personId, personName: p.personName, assigneeName: names.get(p.userId) ?? '', assignedFrom: p.assignedFrom })),
    }));
  });

  ui.post('/confirmations/roles/:grantId', async (request, reply) => {
    const { t } = uiOf(request);
    const { grantId } = request.params as { grantId: string };
    if (!UUID.test(grantId)) throw new DomainError('not-found', 'grant not found');
    const actor = sessionOf(request).actor;
    const grant = (await listRoleGrants(ctx, actor)).find((g) => g.grantId === grantId);
    if (!grant) throw new DomainError('not-found', 'grant not found');
    const confirmed = await confirmRoleGrant(ctx, actor, { grantId });
    // Shown once, in this answer only: the code goes to the holder in person.
    return sendPage(request, reply, confirmedCodePage(t, {
      displayName: grant.displayName, role: grant.role, confirmationCode: confirmed.confirmationCode, expiresOn: confirmed.expiresAt.toISOString().slice(0, 10),
    }), 201);
  });

  ui.post('/confirmations/assignments/:proposalId', async (request, reply) => {
    const { proposalId } = request.params as { proposalId: string };
    if (!UUID.test(proposalId)) throw new DomainError('not-found', 'proposal not found');
    await confirmAssignment(ctx, sessionOf(request).actor, { proposalId });
    return seeOther(reply, '/confirmations?assigned=1');
  });

  const showActivate = (request: FastifyRequest, reply: FastifyReply, login: string, errors: FieldErrors, status: number) => {
    const token = randomBytes(24).toString('base64url');
    reply.setCookie(ACTIVATE_TOKEN_COOKIE, token, { path: '/activate', httpOnly: true, sameSite: 'strict', secure: request.protocol === 'https' });
    return sendPage(request, reply, activatePage(uiOf(request).t, { login, formToken: token, errors }), status);
  };

  ui.get('/activate', { config: { anonymous: true } }, async (request, reply) => showActivate(request, reply, '', {}, 200));

  ui.post('/activate', {
    // Guessing activation codes is guessing passwords: the same per-address limit as the log-in.
    config: { anonymous: true, rateLimit: LOGIN_ROUTE },
    errorHandler: (error, request, reply) => {
      if (!(error instanceof DomainError && error.code === 'rate-limited')) throw error;
      const login = formText(asForm(request.body), 'login').trim();
      return showActivate(request, reply, login, { login: { id: 'login', message: uiOf(request).t.t('login.rateLimited') } }, 429);
    },
  }, async (request, reply) => {
    const { t } = uiOf(request);
    const body = asForm(request.body);
    const login = formText(body, 'login').trim();
    if (!sameToken(formText(body, '_csrf'), request.cookies[ACTIVATE_TOKEN_COOKIE])) {
      return showActivate(request, reply, login, { login: { id: 'login', message: t.t('login.formExpired') } }, 400);
    }
    const parsed = activationInput.safeParse({ login, code: formText(body, 'code'), newPassword: formText(body, 'newPassword'), confirmationCode: formText(body, 'confirmationCode').trim() || null });
    if (!parsed.success) {
      const field = String(parsed.error.issues[0]?.path[0] ?? 'login');
      const errors: FieldErrors = field === 'newPassword' ? { newPassword: { id: 'newPassword', message: t.t('activate.passwordShort') } }
        : field === 'confirmationCode' ? { confirmationCode: { id: 'confirmationCode', message: t.t('activate.failed') } }
        : { [field === 'code' ? 'code' : 'login']: { id: field === 'code' ? 'code' : 'login', message: t.t('activate.missing') } };
      return showActivate(request, reply, login, errors, 400);
    }
    try {
      await activateAccount(ctx, parsed.data);
    } catch (error) {
      if (!(error instanceof DomainError) || (error.code !== 'unauthenticated' && error.code !== 'account-locked')) throw error;
      return showActivate(request, reply, login, { login: { id: 'login', message: error.code === 'account-locked' ? t.t('login.locked') : t.t('activate.failed') } }, error.code === 'account-locked' ? 423 : 401);
    }
    reply.clearCookie(ACTIVATE_TOKEN_COOKIE, { path: '/activate' });
    return seeOther(reply, '/login?activated=1');
  });
}
