// The delegations page: the directeur général or the président lets an administrative agent into
// the register until a date, or ends the delegation. The use case decides who may (and logs the
// refusal of anyone else); the page only collects the agent and the date.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { delegateRegister, listDelegationCandidates, listRegisterDelegates } from '../../app/requests/delegate-register.ts';
import { DomainError } from '../../domain/errors.ts';
import { calendarDateDefect } from '../../domain/calendar-date.ts';
import type { DateParts, FieldErrors } from '../components.ts';
import { asForm, dateParts, formText, isoFromParts } from '../forms.ts';
import { delegationsPage } from '../pages/delegations.ts';
import type { UiDeps } from '../plugin.ts';
import { loadStaffNames } from '../profile.ts';
import { seeOther, sendPage, sessionOf, uiOf } from '../request.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const EMPTY_DATE: DateParts = { day: '', month: '', year: '' };

export function registerDelegationRoutes(ui: FastifyInstance, { ctx }: UiDeps): void {
  const show = async (request: FastifyRequest, reply: FastifyReply, values: { userId: string; validUntil: DateParts }, errors: FieldErrors, status: number) => {
    const session = sessionOf(request);
    // The candidates' use case checks the right to delegate first: the social service, the DPO and
    // a delegate get the refusal page, logged, before anything of the register is listed.
    const candidates = await listDelegationCandidates(ctx, session.actor);
    const delegates = await listRegisterDelegates(ctx, session.actor);
    const names = await loadStaffNames(ctx, session.actor.cpasId, delegates.map((d) => d.grantedBy));
    const done = (request.query as { done?: unknown }).done;
    return sendPage(request, reply, delegationsPage(uiOf(request).t, {
      csrfToken: session.csrfToken,
      candidates,
      lines: delegates.map((d) => ({ ...d, grantedByName: names.get(d.grantedBy) ?? '' })),
      values,
      errors,
      done: done === 'granted' || done === 'revoked' ? done : null,
    }), status);
  };

  ui.get('/requests/delegates', (request, reply) => show(request, reply, { userId: '', validUntil: EMPTY_DATE }, {}, 200));

  ui.post('/requests/delegates', async (request, reply) => {
    const t = uiOf(request).t;
    const body = asForm(request.body);
    const values = { userId: formText(body, 'userId'), validUntil: dateParts(body, 'validUntil') };
    const errors: Record<string, { id: string; message: string }> = {};
    if (!UUID.test(values.userId)) errors.userId = { id: 'userId', message: t.t('deleg.error.agent') };
    const iso = isoFromParts(values.validUntil);
    if (iso === undefined || iso === 'invalid' || calendarDateDefect(iso) !== null) errors.validUntil = { id: 'validUntil', message: t.t('deleg.error.until') };
    if (Object.keys(errors).length > 0) return show(request, reply, values, errors, 400);
    try {
      await delegateRegister(ctx, sessionOf(request).actor, { userId: values.userId, grant: true, validUntil: iso! });
    } catch (error) {
      if (!(error instanceof DomainError) || (error.code !== 'invalid-input' && error.code !== 'not-found')) throw error;
      const field = error.field === 'validUntil' ? 'validUntil' : 'userId';
      return show(request, reply, values, { [field]: { id: field, message: t.t(field === 'validUntil' ? 'deleg.error.until' : 'deleg.error.agent') } }, 400);
    }
    return seeOther(reply, '/requests/delegates?done=granted');
  });

  ui.post('/requests/delegates/:userId/revoke', async (request, reply) => {
    const { userId } = request.params as { userId: string };
    if (!UUID.test(userId)) throw new DomainError('not-found', 'delegation not found');
    await delegateRegister(ctx, sessionOf(request).actor, { userId, grant: false });
    return seeOther(reply, '/requests/delegates?done=revoked');
  });
}
