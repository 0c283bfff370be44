// The register's settings page: the legal service proposes (a delegate, the directeur général or
// the président), the directeur général or the président who did not propose confirms or rejects.
// The use cases decide who may and log refusals; the form builds the same configuration the API
// takes, and the same parser (parseAssessmentConfig) judges it.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { decideRequestSettings, proposeRequestSettings, readSettingsOverview } from '../../app/requests/configure-requests.ts';
import { registerRightsOf } from '../../app/requests/register-rights.ts';
import { DomainError } from '../../domain/errors.ts';
import type { FieldErrors } from '../components.ts';
import { asForm, formText } from '../forms.ts';
import { settingsPage, type SettingsFormValues } from '../pages/settings.ts';
import type { UiDeps } from '../plugin.ts';
import { loadStaffNames } from '../profile.ts';
import { seeOther, sendPage, sessionOf, uiOf } from '../request.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const DONE = ['proposed', 'confirmed', 'rejected'] as const;

/** The form's field for a fault the configuration parser names (config.offenceCatalogue.newBookII.articles[0] -> articles). */
function fieldOf(field: string | undefined): keyof SettingsFormValues {
  if (!field) return 'decisionRef';
  if (field.startsWith('config.offenceCatalogue.newBookII.source')) return 'articlesSource';
  if (field.startsWith('config.offenceCatalogue.newBookII')) return 'articles';
  if (field.startsWith('config.offenceCatalogue')) return 'newBookIIFrom';
  if (field === 'answerDelayDays') return 'answerDelayDays';
  return 'decisionRef';
}

export function registerSettingsRoutes(ui: FastifyInstance, { ctx }: UiDeps): void {
  const show = async (request: FastifyRequest, reply: FastifyReply, values: SettingsFormValues | null, errors: FieldErrors, status: number) => {
    const session = sessionOf(request);
    const overview = await readSettingsOverview(ctx, session.actor);
    const rights = await registerRightsOf(ctx, session.actor);
    const ids = [...overview.versions.flatMap((v) => [v.proposedBy, v.confirmedBy]), ...overview.proposals.map((p) => p.proposedBy)];
    const names = await loadStaffNames(ctx, session.actor.cpasId, ids.filter((id): id is string => typeof id === 'string'));
    const book = overview.current.config.offenceCatalogue;
    const done = (request.query as { done?: unknown }).done;
    return sendPage(request, reply, settingsPage(uiOf(request).t, {
      overview, names, csrfToken: session.csrfToken, userId: session.actor.userId, mayPropose: rights.manage, mayConfirm: rights.configure,
      values: values ?? {
        answerDelayDays: String(overview.current.answerDelayDays), newBookIIFrom: book.newBookIIFrom,
        articles: book.newBookII?.articles.join(', ') ?? '', articlesSource: book.newBookII?.source ?? '', decisionRef: '',
      },
      errors, done: DONE.find((d) => d === done) ?? null,
    }), status);
  };

  ui.get('/requests/settings', (request, reply) => show(request, reply, null, {}, 200));

  ui.post('/requests/settings', async (request, reply) => {
    const t = uiOf(request).t;
    const session = sessionOf(request);
    const body = asForm(request.body);
    const values: SettingsFormValues = {
      answerDelayDays: formText(body, 'answerDelayDays').trim(), newBookIIFrom: formText(body, 'newBookIIFrom'),
      articles: formText(body, 'articles'), articlesSource: formText(body, 'articlesSource').trim(), decisionRef: formText(body, 'decisionRef').trim(),
    };
    const { current } = await readSettingsOverview(ctx, session.actor);
    const articles = values.articles.split(/[,;]/).map((a) => a.trim()).filter(Boolean);
    const delay = /^\d{1,3}$/.test(values.answerDelayDays) ? Number(values.answerDelayDays) : NaN;
    try {
      await proposeRequestSettings(ctx, session.actor, {
        answerDelayDays: delay,
        decisionRef: values.decisionRef,
        config: {
          // A new identifier per proposal: every assessment names the configuration that decided it.
          id: `${current.config.id.replace(/-v\d+$/, '')}-v${current.version + 1}`.slice(0, 64),
          itemOverrides: current.config.itemOverrides,
          offenceCatalogue: {
            newBookIIFrom: values.newBookIIFrom,
            newBookII: articles.length === 0 ? null : { id: `cp-2024-confirme-v${current.version + 1}`, articles, source: values.articlesSource || values.decisionRef },
          },
        },
      });
    } catch (error) {
      if (!(error instanceof DomainError) || error.code !== 'invalid-input') throw error;
      const field = fieldOf(error.field);
      return show(request, reply, values, { [field]: { id: field, message: t.t(`settings.error.${field}`) } }, 400);
    }
    return seeOther(reply, '/requests/settings?done=proposed');
  });

  for (const [path, confirm] of [['confirm', true], ['reject', false]] as const) {
    ui.post(`/requests/settings/proposals/:proposalId/${path}`, async (request, reply) => {
      const { proposalId } = request.params as { proposalId: string };
      if (!UUID.test(proposalId)) throw new DomainError('not-found', 'proposal not found');
      await decideRequestSettings(ctx, sessionOf(request).actor, { proposalId, confirm });
      return seeOther(reply, `/requests/settings?done=${confirm ? 'confirmed' : 'rejected'}`);
    });
  }
}
