// The guide's configuration page (src/app/guide/configure-guide.ts decides and logs).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { currentGuideSettings } from '../../app/guide/assess-guide.ts';
import { configureGuide } from '../../app/guide/configure-guide.ts';
import { mayPerform } from '../../domain/access-policy.ts';
import { DomainError, forbidden } from '../../domain/errors.ts';
import type { FieldErrors } from '../components.ts';
import { asForm, formText } from '../forms.ts';
import { guideSettingsPage, type GuideSettingsValues } from '../pages/guide-settings.ts';
import type { UiDeps } from '../plugin.ts';
import { seeOther, sendPage, sessionOf, uiOf, urlText } from '../request.ts';

const FIELDS = { 'config.id': 'configId', 'config.externalSharedSecrecy': 'externalSharedSecrecy', decisionRef: 'decisionRef' } as const;

export function registerGuideSettingsRoutes(ui: FastifyInstance, { ctx }: UiDeps): void {
  const show = async (request: FastifyRequest, reply: FastifyReply, values: GuideSettingsValues | null, errors: FieldErrors, status: number) => {
    const session = sessionOf(request);
    // Refused before the form: only the directeur général records the legal service's decision.
    if (!mayPerform(session.actor.roles, 'configure-guide')) throw forbidden('configure the guide');
    const current = await currentGuideSettings(ctx, session.actor);
    return sendPage(request, reply, guideSettingsPage(uiOf(request).t, {
      csrfToken: session.csrfToken, current, errors, saved: urlText(request, 'query', 'done') === '1',
      values: values ?? { configId: '', externalSharedSecrecy: current.config.externalSharedSecrecy, decisionRef: '' },
    }), status);
  };

  ui.get('/guide/settings', async (request, reply) => show(request, reply, null, {}, 200));

  ui.post('/guide/settings', async (request, reply) => {
    const { t } = uiOf(request);
    const body = asForm(request.body);
    const values = { configId: formText(body, 'configId').trim(), externalSharedSecrecy: formText(body, 'externalSharedSecrecy'), decisionRef: formText(body, 'decisionRef') };
    try {
      await configureGuide(ctx, sessionOf(request).actor, { config: { id: values.configId, externalSharedSecrecy: values.externalSharedSecrecy }, decisionRef: values.decisionRef });
    } catch (error) {
      if (!(error instanceof DomainError) || (error.code !== 'invalid-input' && error.code !== 'conflict')) throw error;
      const id = Object.entries(FIELDS).find(([prefix]) => (error.field ?? '').startsWith(prefix))?.[1] ?? 'configId';
      const message = error.code === 'conflict' ? t.t('guideSettings.error.used') : t.t(`guideSettings.error.${id}`);
      return show(request, reply, values, { [id]: { id, message } }, error.code === 'conflict' ? 409 : 400);
    }
    return seeOther(reply, '/guide/settings?done=1');
  });
}
