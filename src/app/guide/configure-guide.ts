// The CPAS's guide configuration: the legal service decides the CHECK switch, the directeur
// général records it. Each change is a new version and the old ones stay, because every answer
// names the configuration that decided it. Turning the switch off only closes permissions
// (G5, G17), so no configuration can open anything the contract keeps closed.
import { insertGuideSettings } from '../../adapters/db/stores/guide-settings-store.ts';
import { OPERATIONS } from '../../domain/access-policy.ts';
import { DEFAULT_GUIDE_CONFIG } from '../../domain/guide/config.ts';
import { DomainError } from '../../domain/errors.ts';
import { GuideInputError, parseGuideConfig } from '../../domain/guide/parse-guide.ts';
import type { Actor } from '../../domain/roles.ts';
import { type AppContext, runAudited } from '../context.ts';
import { refuseUnlessRole, writeAuditEntry } from '../audit-gate.ts';

const DECISION_REF_MAX = 500;

export async function configureGuide(
  ctx: AppContext,
  actor: Actor,
  input: { config: unknown; decisionRef: unknown },
): Promise<{ version: number; configId: string }> {
  let config;
  try {
    config = parseGuideConfig(input.config);
  } catch (error) {
    if (error instanceof GuideInputError) throw new DomainError('invalid-input', `config.${error.message}`, `config.${error.field}`);
    throw error;
  }
  const ref = input.decisionRef;
  if (typeof ref !== 'string' || ref.trim() === '' || ref.length > DECISION_REF_MAX) {
    throw new DomainError('invalid-input', `decisionRef: expected the legal service's decision (date, reference), 1 to ${DECISION_REF_MAX} characters`, 'decisionRef');
  }
  // "default" names the contract's own configuration: a CPAS version under that name would make
  // its answers look as if nothing had been changed.
  if (config.id === DEFAULT_GUIDE_CONFIG.id) {
    throw new DomainError('invalid-input', `config.id: "${DEFAULT_GUIDE_CONFIG.id}" names the default configuration; give this one its own id`, 'config.id');
  }
  const checked = config;
  const fields = { action: 'update', purpose: 'administrative-processing', personId: null, classes: [], details: { operation: 'configure-guide' } } as const;
  return runAudited(ctx, async (tx) => {
    const refusal = await refuseUnlessRole(tx, ctx, actor, OPERATIONS['configure-guide'], fields);
    if (refusal) return refusal;
    const version = await insertGuideSettings(tx, actor.cpasId, { config: checked, decisionRef: ref.trim(), by: actor.userId, at: ctx.now() });
    if (version === null) throw new DomainError('conflict', 'config.id: this configuration id was used before; give the new version its own id', 'config.id');
    await writeAuditEntry(tx, ctx, actor, { ...fields, details: { operation: 'configure-guide', version, configuration: checked.id } }, 'allowed');
    return { version, configId: checked.id };
  });
}
