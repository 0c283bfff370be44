// The staff member's own account page (src/app/read-my-account.ts, set-notification-email.ts).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { readMyAccount } from '../../app/read-my-account.ts';
import { setMyNotificationEmail } from '../../app/set-notification-email.ts';
import { DomainError } from '../../domain/errors.ts';
import type { FieldErrors } from '../components.ts';
import { asForm, formText } from '../forms.ts';
import { accountPage } from '../pages/account.ts';
import type { UiDeps } from '../plugin.ts';
import { seeOther, sendPage, sessionOf, uiOf, urlText } from '../request.ts';

export function registerAccountRoutes(ui: FastifyInstance, { ctx }: UiDeps): void {
  const show = async (request: FastifyRequest, reply: FastifyReply, typed: string | null, errors: FieldErrors, status: number) => {
    const session = sessionOf(request);
    const { t, profile } = uiOf(request);
    return sendPage(request, reply, accountPage(t, {
      csrfToken: session.csrfToken, displayName: profile?.displayName ?? '', cpasName: profile?.cpas.name ?? '',
      account: await readMyAccount(ctx, session.actor), typed, errors, saved: urlText(request, 'query', 'done') === '1',
    }), status);
  };

  ui.get('/account', async (request, reply) => show(request, reply, null, {}, 200));

  ui.post('/account/notification-email', async (request, reply) => {
    const typed = formText(asForm(request.body), 'email');
    try {
      // An empty field stops the e-mails.
      await setMyNotificationEmail(ctx, sessionOf(request).actor, { email: typed.trim() === '' ? null : typed });
    } catch (error) {
      if (!(error instanceof DomainError) || error.code !== 'invalid-input') throw error;
      return show(request, reply, typed, { email: { id: 'email', message: uiOf(request).t.t('account.emailError') } }, 400);
    }
    return seeOther(reply, '/account?done=1');
  });
}
