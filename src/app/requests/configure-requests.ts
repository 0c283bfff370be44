// The register's settings: the internal answer delay (R18) and the assessment configuration the
// legal service decided (the legal-review categories it turned into disclose or withhold, R11,
// R12, and the offence catalogue of the new Book II, R39). Each change is a new version; the old
// ones stay, because each assessment names the version that decided it. parseAssessmentConfig
// refuses any configuration that would reopen professional secrecy or withhold what the law obliges.
import { insertRequestSettings, loadRequestSettings, type RequestSettings } from '../../adapters/db/stores/request-settings-store.ts';
import { DomainError } from '../../domain/errors.ts';
import { AssessmentConfigError } from '../../domain/requests/assessment-config.ts';
import { parseAssessmentConfig, RequestInputError } from '../../domain/requests/parse-request.ts';
import type { Actor } from '../../domain/roles.ts';
import { type AppContext, runAudited } from '../context.ts';
import { checkRegister, logRegister } from './register-gate.ts';

export async function configureRequests(
  ctx: AppContext,
  actor: Actor,
  input: { answerDelayDays: number; config: unknown },
): Promise<{ version: number; configId: string }> {
  let config;
  try {
    config = parseAssessmentConfig(input.config);
  } catch (error) {
    if (error instanceof RequestInputError || error instanceof AssessmentConfigError) {
      throw new DomainError('invalid-input', `config.${error.message}`, `config.${error.field}`);
    }
    throw error;
  }
  if (!Number.isInteger(input.answerDelayDays) || input.answerDelayDays < 1 || input.answerDelayDays > 365) {
    throw new DomainError('invalid-input', 'answerDelayDays: must be a whole number of days from 1 to 365', 'answerDelayDays');
  }
  const checked = config;
  return runAudited(ctx, async (tx) => {
    const refusal = await checkRegister(tx, ctx, actor, 'configure');
    if (refusal) return refusal;
    const version = await insertRequestSettings(tx, actor.cpasId, { answerDelayDays: input.answerDelayDays, config: checked, by: actor.userId, at: ctx.now() });
    await logRegister(tx, ctx, actor, { action: 'update', details: { operation: 'configure-requests', version, configuration: checked.id } });
    return { version, configId: checked.id };
  });
}

export async function readRequestSettings(ctx: AppContext, actor: Actor): Promise<RequestSettings> {
  return runAudited(ctx, async (tx) => {
    const refusal = await checkRegister(tx, ctx, actor, 'read', { view: 'settings' });
    if (refusal) return refusal;
    return loadRequestSettings(tx, actor.cpasId);
  });
}
