// The register as its readers see it: one line per request, with its due date and whether it is
// overdue (R18, R19). Persons are counted, not named: opening a request shows them (read-request.ts).
import { countSubjectsByRequest, listRequests } from '../../adapters/db/stores/request-store.ts';
import type { Outcome } from '../../domain/requests/assess.ts';
import { isOverdue } from '../../domain/requests/deadline.ts';
import type { RegisterState } from '../../domain/requests/register-state.ts';
import type { Actor } from '../../domain/roles.ts';
import { type AppContext, runAudited } from '../context.ts';
import { todayIn } from '../../domain/calendar-date.ts';
import { checkRegister, logRegister } from './register-gate.ts';

export interface RegisterLine {
  readonly requestId: string;
  readonly kind: 'request' | 'oral-attempt';
  readonly reference: string | null;
  readonly authorRole: string;
  readonly authorOffice: string | null;
  readonly channel: string;
  readonly dated: string;
  readonly received: string;
  readonly dueOn: string;
  readonly overdue: boolean;
  readonly state: RegisterState;
  readonly outcome: Outcome | null;
  readonly subjects: number;
}

export async function listRegister(ctx: AppContext, actor: Actor, input: { overdueOnly?: boolean } = {}): Promise<RegisterLine[]> {
  return runAudited(ctx, async (tx) => {
    const refusal = await checkRegister(tx, ctx, actor, 'read', { view: 'register' });
    if (refusal) return refusal;
    const today = todayIn(ctx.now);
    const requests = await listRequests(tx, actor.cpasId, input.overdueOnly ? { openDueBefore: today } : {});
    const counts = await countSubjectsByRequest(tx, actor.cpasId);
    await logRegister(tx, ctx, actor, { action: 'read', details: { view: input.overdueOnly ? 'register-overdue' : 'register', count: requests.length } });
    return requests.map((r) => ({
      requestId: r.requestId,
      kind: r.kind,
      reference: r.reference,
      authorRole: r.authorRole,
      authorOffice: r.authorOffice,
      channel: r.channel,
      dated: r.dated,
      received: r.received,
      dueOn: r.dueOn,
      overdue: isOverdue(r.dueOn, r.state, today),
      state: r.state,
      outcome: r.assessment?.outcome ?? null,
      subjects: counts.get(r.requestId) ?? 0,
    }));
  });
}
