// The disclosures view for the DPO and the head of social service: counts by ground and year,
// small counts suppressed. The DPO is a no-content role: this view opens no record, and its access-
// log entry names no person. A refusal to see it is logged too.
import { countGuideDisclosures } from '../../adapters/db/stores/guide-disclosure-store.ts';
import { OPERATIONS } from '../../domain/access-policy.ts';
import { disclosureStatistics, type DisclosureYear } from '../../domain/guide/disclosure-statistics.ts';
import type { Actor } from '../../domain/roles.ts';
import { refuseUnlessRole, reviewPurposeOf, writeAuditEntry } from '../audit-gate.ts';
import { type AppContext, runAudited } from '../context.ts';

export async function readDisclosureStatistics(ctx: AppContext, actor: Actor): Promise<DisclosureYear[]> {
  const fields = { action: 'read', purpose: reviewPurposeOf(actor), personId: null, classes: [], details: { view: 'disclosure-statistics' } } as const;
  return runAudited(ctx, async (tx) => {
    const refusal = await refuseUnlessRole(tx, ctx, actor, OPERATIONS['read-disclosure-statistics'], fields);
    if (refusal) return refusal;
    await writeAuditEntry(tx, ctx, actor, fields, 'allowed');
    return disclosureStatistics(await countGuideDisclosures(tx, actor.cpasId));
  });
}
