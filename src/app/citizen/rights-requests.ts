// Rights requests from the person's side (portal): asking for a copy of the social reports
// (art. 15), a correction (art. 16) or objecting (art. 21); seeing each request with its state and
// deadline (and the reason of an extension); downloading the copy once it was approved. Every step
// is logged with the person as actor. Someone the CPAS does not know can fill in the form and sees
// the same page afterwards; nothing is recorded about nobody (there is no file to attach it to).
import { randomUUID } from 'node:crypto';
import { appendAccessLog } from '../../adapters/db/access-log-store.ts';
import type { Tx } from '../../adapters/db/database.ts';
import { insertRightsRequest, listRightsRequestsOfPerson, loadApprovedCopy, moveRightsRequest } from '../../adapters/db/stores/citizen-rights-store.ts';
import type { AccessLogDraft } from '../../domain/access-log-entry.ts';
import { invalidInput, notFound } from '../../domain/errors.ts';
import { dueOnOf, isRightsKind, type RightsKind, type RightsState, STATEMENT_MAX_LENGTH } from '../../domain/rights-requests.ts';
import { type AppContext, Refusal, runAudited } from '../context.ts';
import { todayIn } from '../../domain/calendar-date.ts';
import type { CitizenActor } from './citizen-session.ts';
import { CITIZEN_PURPOSE } from './read-my-file.ts';

export interface MyRightsRequest {
  readonly requestId: string;
  readonly kind: RightsKind;
  readonly receivedOn: string;
  readonly dueOn: string;
  readonly extensionReason: string | null;
  readonly state: RightsState;
  readonly copyReady: boolean;
}

const personEntry = (citizen: CitizenActor & { personId: string }, fields: Pick<AccessLogDraft, 'action' | 'classes' | 'details'>): AccessLogDraft => ({
  cpasId: citizen.cpasId, userId: null, roles: [], actorKind: 'person', purpose: CITIZEN_PURPOSE, personId: citizen.personId,
  outcome: 'allowed', rule: 'own-file', ...fields,
});

export function checkRequestInput(input: { kind: unknown; statement: unknown }): { kind: RightsKind; statement: string | null } {
  if (!isRightsKind(input.kind)) throw invalidInput('kind', 'must be copy, correction or objection');
  const statement = typeof input.statement === 'string' ? input.statement.trim() : '';
  if (statement.length > STATEMENT_MAX_LENGTH) throw invalidInput('statement', `must be at most ${STATEMENT_MAX_LENGTH} characters`);
  // A correction or an objection must say what: the CPAS cannot answer an empty one.
  if (input.kind !== 'copy' && statement.length === 0) throw invalidInput('statement', 'must say what to correct or why you object');
  return { kind: input.kind, statement: statement || null };
}

/** Records a request in the caller's transaction: shared by the portal and the desk. */
export async function insertRequest(tx: Tx, ctx: AppContext, cpasId: string, personId: string, input: { kind: RightsKind; statement: string | null; channel: 'portal' | 'desk'; recordedBy: string | null }): Promise<string> {
  const requestId = randomUUID();
  const receivedOn = todayIn(ctx.now);
  const statementEnc = input.statement
    ? await ctx.secrets.seal(tx, { cpasId, table: 'rights_request', column: 'statement_enc', recordId: requestId }, input.statement)
    : null;
  await insertRightsRequest(tx, cpasId, { requestId, personId, kind: input.kind, channel: input.channel, receivedOn, dueOn: dueOnOf(receivedOn), statementEnc, recordedBy: input.recordedBy });
  return requestId;
}

export async function submitRightsRequest(ctx: AppContext, citizen: CitizenActor, input: { kind: unknown; statement: unknown }): Promise<void> {
  const checked = checkRequestInput(input);
  const { personId } = citizen;
  if (!personId) return;
  await runAudited(ctx, async (tx) => {
    const requestId = await insertRequest(tx, ctx, citizen.cpasId, personId, { ...checked, channel: 'portal', recordedBy: null });
    await appendAccessLog(tx, personEntry({ ...citizen, personId }, { action: 'create', classes: ['application-data'], details: { view: 'citizen-rights-request', kind: checked.kind, request: requestId } }), ctx.now());
  });
}

export async function myRightsRequests(ctx: AppContext, citizen: CitizenActor): Promise<MyRightsRequest[]> {
  const { personId } = citizen;
  if (!personId) return ctx.db.transaction(async () => []);
  return runAudited(ctx, async (tx) => {
    await appendAccessLog(tx, personEntry({ ...citizen, personId }, { action: 'read', classes: ['application-data'], details: { view: 'citizen-rights-requests' } }), ctx.now());
    const rows = await listRightsRequestsOfPerson(tx, citizen.cpasId, personId);
    const out: MyRightsRequest[] = [];
    for (const r of rows) {
      // The reason for an extension is written for the person (art. 12(3)): it is theirs to read.
      const extensionReason = r.extensionReasonEnc
        ? await ctx.secrets.openText(tx, { cpasId: citizen.cpasId, table: 'rights_request', column: 'extension_reason_enc', recordId: r.requestId }, r.extensionReasonEnc)
        : null;
      out.push({
        requestId: r.requestId, kind: r.kind, receivedOn: r.receivedOn, dueOn: r.extendedDueOn ?? r.dueOn, extensionReason, state: r.state,
        copyReady: r.kind === 'copy' && (r.state === 'approved' || r.state === 'released'),
      });
    }
    return out;
  });
}

/**
 * The approved, redacted copy: nothing else leaves. A request of someone else, not approved yet,
 * or not a copy answers "not found", whatever the reason; the first download releases it.
 */
export async function downloadMyCopy(ctx: AppContext, citizen: CitizenActor, input: { requestId: string }): Promise<Buffer> {
  const { personId } = citizen;
  if (!personId) throw notFound('copy');
  return runAudited(ctx, async (tx) => {
    const sealed = await loadApprovedCopy(tx, citizen.cpasId, input.requestId, personId);
    if (!sealed) return new Refusal(notFound('copy'));
    await moveRightsRequest(tx, citizen.cpasId, input.requestId, ['approved', 'released'], 'released', ctx.now(), { released: ctx.now() });
    await appendAccessLog(tx, personEntry({ ...citizen, personId }, { action: 'export', classes: ['social-report'], details: { view: 'citizen-copy-release', request: input.requestId } }), ctx.now());
    return ctx.secrets.open(tx, { cpasId: citizen.cpasId, table: 'rights_request', column: 'copy_pdf_enc', recordId: input.requestId }, sealed);
  });
}
