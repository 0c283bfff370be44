// Yearly statistics of the register, with small counts suppressed (src/domain/requests/statistics.ts).
// No personal data goes in: only the author's role, the channel, the state and the assessment's
// decision per category of each request received that year.
import { listRequests } from '../../adapters/db/stores/request-store.ts';
import { requestStatistics, type RequestStatistics } from '../../domain/requests/statistics.ts';
import type { Actor } from '../../domain/roles.ts';
import { type AppContext, runAudited } from '../context.ts';
import { checkRegister, logRegister } from './register-gate.ts';

export async function readRequestStatistics(ctx: AppContext, actor: Actor, input: { year: number }): Promise<RequestStatistics> {
  return runAudited(ctx, async (tx) => {
    const refusal = await checkRegister(tx, ctx, actor, 'statistics', { year: input.year });
    if (refusal) return refusal;
    const records = (await listRequests(tx, actor.cpasId, { receivedYear: input.year })).map((r) => ({
      received: r.received,
      authorRole: r.authorRole,
      channel: r.channel,
      state: r.state,
      items: r.assessment?.items.map(({ item, decision }) => ({ item, decision })) ?? null,
    }));
    await logRegister(tx, ctx, actor, { action: 'read', details: { view: 'statistics', year: input.year } });
    return requestStatistics(records, input.year);
  });
}
