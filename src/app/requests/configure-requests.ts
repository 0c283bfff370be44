// The register's settings: the internal answer delay (R18) and the assessment configuration the
// legal service decided (the legal-review categories it turned into disclose or withhold, R11,
// R12, the 2024 Code pénal's confirmed articles and the date it applies from, R39). A change takes
// two people: the legal service (a delegate, or the directeur général or the président) proposes
// it with the reference of its decision, and the directeur général or the président who did not
// propose it confirms it. Only then is it a new version; the old ones stay, because each assessment
// names the version that decided it. Without the second person one account could, alone, make a
// category disclosable or move the switch date of the Code pénal. parseAssessmentConfig refuses
// any configuration that would reopen professional secrecy or withhold what the law obliges.
import { randomUUID } from 'node:crypto';
import {
  decideSettingsProposal, insertRequestSettings, insertSettingsProposal, listSettingsProposals, listSettingsVersions, loadRequestSettings,
  lockSettingsProposal, type RequestSettings, type SettingsProposal,
} from '../../adapters/db/stores/request-settings-store.ts';
import { DomainError, forbidden, invalidInput, notFound } from '../../domain/errors.ts';
import { AssessmentConfigError } from '../../domain/requests/assessment-config.ts';
import { parseAssessmentConfig, RequestInputError } from '../../domain/requests/parse-request.ts';
import type { Actor } from '../../domain/roles.ts';
import { type AppContext, Refusal, runAudited } from '../context.ts';
import { checkRegister, logRegister } from './register-gate.ts';

export interface SettingsInput {
  readonly answerDelayDays: number;
  readonly config: unknown;
  /** The legal service's decision: its date and reference, named in every version. */
  readonly decisionRef: string;
}

function checkedSettings(input: SettingsInput) {
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
    throw invalidInput('answerDelayDays', 'must be a whole number of days from 1 to 365');
  }
  const decisionRef = typeof input.decisionRef === 'string' ? input.decisionRef.trim() : '';
  if (decisionRef.length === 0 || decisionRef.length > 500 || decisionRef.includes('\u0000')) {
    throw invalidInput('decisionRef', "must be the legal service's decision: its date and reference (1 to 500 characters)");
  }
  return { config, answerDelayDays: input.answerDelayDays, decisionRef };
}

/** The legal service proposes new settings; nothing changes until a second person confirms. */
export async function proposeRequestSettings(ctx: AppContext, actor: Actor, input: SettingsInput): Promise<{ proposalId: string; state: 'pending' }> {
  const checked = checkedSettings(input);
  return runAudited(ctx, async (tx) => {
    const refusal = await checkRegister(tx, ctx, actor, 'manage', { view: 'settings' });
    if (refusal) return refusal;
    const proposalId = randomUUID();
    await insertSettingsProposal(tx, actor.cpasId, { proposalId, ...checked, by: actor.userId, at: ctx.now() });
    await logRegister(tx, ctx, actor, { action: 'update', details: { operation: 'propose-request-settings', proposal: proposalId, configuration: checked.config.id } });
    return { proposalId, state: 'pending' as const };
  });
}

/** The directeur général or the président, not the proposer, confirms (a new version) or rejects a proposal. */
export async function decideRequestSettings(
  ctx: AppContext,
  actor: Actor,
  input: { proposalId: string; confirm: boolean },
): Promise<{ outcome: 'confirmed' | 'rejected'; version: number | null }> {
  return runAudited(ctx, async (tx) => {
    const refusal = await checkRegister(tx, ctx, actor, 'configure', { proposal: input.proposalId });
    if (refusal) return refusal;
    const proposal = await lockSettingsProposal(tx, actor.cpasId, input.proposalId);
    if (!proposal) return new Refusal(notFound('proposal'));
    if (proposal.outcome !== null) return new Refusal(new DomainError('invalid-state', 'the proposal was decided already'));
    // Four eyes: the one who proposed a configuration never makes it effective.
    if (proposal.proposedBy === actor.userId) {
      await logRegister(tx, ctx, actor, { action: 'update', outcome: 'denied', details: { operation: 'decide-request-settings', proposal: proposal.proposalId, reason: 'own-proposal' } });
      return new Refusal(forbidden('a proposal is confirmed by someone other than its author'));
    }
    const at = ctx.now();
    const version = input.confirm
      ? await insertRequestSettings(tx, actor.cpasId, {
        answerDelayDays: proposal.answerDelayDays, config: proposal.config, by: actor.userId, at, decisionRef: proposal.decisionRef, proposedBy: proposal.proposedBy,
      })
      : null;
    const outcome = input.confirm ? ('confirmed' as const) : ('rejected' as const);
    await decideSettingsProposal(tx, actor.cpasId, proposal.proposalId, { by: actor.userId, at, outcome, version });
    await logRegister(tx, ctx, actor, {
      action: 'update',
      details: { operation: input.confirm ? 'confirm-request-settings' : 'reject-request-settings', proposal: proposal.proposalId, configuration: proposal.config.id, ...(version ? { version } : {}) },
    });
    return { outcome, version };
  });
}

export interface SettingsOverview {
  readonly current: RequestSettings;
  readonly versions: Awaited<ReturnType<typeof listSettingsVersions>>;
  readonly proposals: readonly SettingsProposal[];
}

export async function readRequestSettings(ctx: AppContext, actor: Actor): Promise<RequestSettings> {
  return (await readSettingsOverview(ctx, actor)).current;
}

export async function readSettingsOverview(ctx: AppContext, actor: Actor): Promise<SettingsOverview> {
  return runAudited(ctx, async (tx) => {
    const refusal = await checkRegister(tx, ctx, actor, 'read', { view: 'settings' });
    if (refusal) return refusal;
    return {
      current: await loadRequestSettings(tx, actor.cpasId),
      versions: await listSettingsVersions(tx, actor.cpasId),
      proposals: await listSettingsProposals(tx, actor.cpasId),
    };
  });
}
