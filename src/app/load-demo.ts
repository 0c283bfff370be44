// Loads the synthetic demo dataset (three CPAS, staff of every role, ~300 persons each) into an
// empty database. Secret content is sealed like any other; one access-log entry per CPAS records
// the load, and one per demo account its creation on the demo's own path (which gives roles with
// no second person). No real person's data: every name, number and text is generated. A session of
// the committee and one of the council, with applications awaiting a decision, give the council
// member an agenda on first start.
import { randomUUID } from 'node:crypto';
import { hashPassword } from '../adapters/crypto/passwords.ts';
import { appendAccessLog } from '../adapters/db/access-log-store.ts';
import type { Tx } from '../adapters/db/database.ts';
import { anyCpasExists } from '../adapters/db/stores/cpas-store.ts';
import { insertAgendaItem, insertCouncilSession } from '../adapters/db/stores/council-store.ts';
import { insertApplication, insertDecision } from '../adapters/db/stores/person-store.ts';
import { insertSecretRecord } from '../adapters/db/stores/secret-record-store.ts';
import { insertAssignment } from '../adapters/db/stores/assignment-store.ts';
import { insertStaff } from '../adapters/db/stores/staff-store.ts';
import type { DemoCpas, DemoDataset, DemoPerson } from '../demo/types.ts';
import { addDays, todayIn } from '../domain/calendar-date.ts';
import type { CouncilBody } from '../domain/council.ts';
import { ITEM_CATEGORIES } from '../domain/data-classes.ts';
import type { Role } from '../domain/roles.ts';
import type { AppContext } from './context.ts';
import { insertNewPerson } from './create-person.ts';
import { registerCpas } from './register-cpas.ts';
import { logStaffOperation } from './staff-log.ts';

export const DEMO_PASSWORD = 'demo-confiance-2026';

export async function databaseIsEmpty(ctx: AppContext): Promise<boolean> {
  return !(await ctx.db.ownerTransaction(anyCpasExists));
}

export async function loadDemo(ctx: AppContext, dataset: DemoDataset): Promise<{ logins: { login: string; roles: string[] }[] }> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const logins: { login: string; roles: string[] }[] = [];
  for (const cpas of dataset.cpas) {
    const { cpasId } = await registerCpas(ctx.db, cpas);
    await ctx.db.transaction(async (tx) => {
      const userIds = new Map<string, string>();
      for (const user of cpas.users) {
        const userId = await seedDemoAccountBypassingSeparationOfDuties(tx, ctx, cpasId, { ...user, language: user.language ?? cpas.defaultLanguage }, passwordHash);
        userIds.set(user.username, userId);
        logins.push({ login: `${user.username}@${cpas.code}`, roles: [...user.roles] });
      }
      const awaiting: AwaitingDecision[] = [];
      for (const person of cpas.persons) awaiting.push(...await loadDemoPerson(tx, ctx, cpasId, cpas, person, userIds));
      await loadDemoAgenda(tx, ctx, cpasId, userIds, awaiting);
      await appendAccessLog(tx, {
        cpasId, userId: null, roles: [], purpose: 'bulk-import', action: 'import', personId: null,
        classes: [...ITEM_CATEGORIES], outcome: 'allowed', rule: 'operation', details: { source: 'demo', count: cpas.persons.length },
      }, ctx.now());
    });
  }
  return { logins };
}

/**
 * The demo's own path, used by `demo` (and `npm start` on an empty database) only: every demo
 * account gets its roles and the demo password at once, with no second person and no activation,
 * so that a newcomer can log in as each role. It is the one place that bypasses the separation of
 * duties; each account it makes is logged as made by the system on the demo path, so the DPO sees
 * it. Synthetic data only: no real person's file is ever behind these accounts.
 */
async function seedDemoAccountBypassingSeparationOfDuties(
  tx: Tx,
  ctx: AppContext,
  cpasId: string,
  user: { username: string; displayName: string; language: 'fr' | 'nl' | 'de'; roles: readonly Role[] },
  passwordHash: string,
): Promise<string> {
  const userId = randomUUID();
  await insertStaff(tx, { cpasId, userId, username: user.username, displayName: user.displayName, language: user.language, passwordHash, roles: user.roles });
  await logStaffOperation(tx, ctx, { cpasId, system: 'demo' }, {
    operation: 'create-user', outcome: 'allowed', details: { user: userId, roles: [...user.roles], bypass: 'separation-of-duties' },
  });
  return userId;
}

/** An application of the demo still awaiting a decision, and the worker on its case. */
interface AwaitingDecision {
  readonly personId: string;
  readonly applicationId: string;
  readonly workerId: string;
}

/** How many of the applications awaiting a decision each body has on its agenda, so a newcomer sees one. */
const DEMO_AGENDA: readonly (readonly [CouncilBody, number])[] = [['comite-special-service-social', 3], ['conseil-action-sociale', 1]];

/**
 * A session of the committee and one of the council a week from today, scheduled by the secretariat,
 * with applications awaiting a decision placed by the worker on each case: the council member of
 * the demo has an agenda to open on first start. Logged as made on the demo's path.
 */
async function loadDemoAgenda(tx: Tx, ctx: AppContext, cpasId: string, userIds: Map<string, string>, awaiting: readonly AwaitingDecision[]): Promise<void> {
  const secretariat = userIds.get('administrative-agent');
  if (!secretariat) return;
  const meetingDate = addDays(todayIn(ctx.now), 7);
  let next = 0;
  for (const [body, count] of DEMO_AGENDA) {
    const sessionId = randomUUID();
    await insertCouncilSession(tx, cpasId, sessionId, secretariat, { body, meetingDate });
    const placed = awaiting.slice(next, next + count);
    next += count;
    for (const a of placed) {
      const problem = await insertAgendaItem(tx, cpasId, a.personId, randomUUID(), a.workerId, { sessionId, applicationId: a.applicationId });
      if (problem) throw new Error(`demo agenda: ${problem}`);
    }
    await logStaffOperation(tx, ctx, { cpasId, system: 'demo' }, { operation: 'create-council-session', outcome: 'allowed', details: { record: sessionId, items: placed.length } });
  }
}

async function loadDemoPerson(
  tx: Tx, ctx: AppContext, cpasId: string, cpas: DemoCpas, demo: DemoPerson, userIds: Map<string, string>,
): Promise<AwaitingDecision[]> {
  const personId = await insertNewPerson(tx, cpasId, { person: demo.person, addresses: demo.addresses, household: demo.household });
  if (typeof personId !== 'string') throw new Error(`demo data of ${cpas.code} has a duplicate national number`);
  const author = (username: string) => {
    const id = userIds.get(username);
    if (!id) throw new Error(`demo data names an unknown author ${username}`);
    return id;
  };
  const awaiting: AwaitingDecision[] = [];
  for (const { application, decision } of demo.applications) {
    const applicationId = randomUUID();
    await insertApplication(tx, cpasId, personId, applicationId, application);
    if (decision) await insertDecision(tx, cpasId, personId, randomUUID(), { ...decision, applicationId });
    else awaiting.push({ personId, applicationId, workerId: author(demo.assignedTo.username) });
  }
  await insertAssignment(tx, { cpasId, assignmentId: randomUUID(), personId, userId: author(demo.assignedTo.username), assignedFrom: demo.assignedTo.from, assignedUntil: null });
  const write = (kind: Parameters<typeof insertSecretRecord>[3], authorUsername: string, date: string, sealed: Record<string, string | undefined | null>, plain: Record<string, string> = {}) =>
    insertSecretRecord(tx, ctx.secrets, cpasId, kind, { recordId: randomUUID(), personId, authorUserId: author(authorUsername), date, plain, sealed });
  for (const r of demo.socialReports) await write('social-report', r.authorUsername, r.writtenOn, { situation: r.situation, assessment: r.assessment }, { language: r.language });
  for (const n of demo.caseNotes) await write('case-note', n.authorUsername, n.writtenAt, { body: n.body });
  for (const m of demo.medicalDocuments) await write('medical-document', m.authorUsername, m.issuedOn, { description: m.description });
  for (const p of demo.piis) await write('piis', p.authorUsername, p.signedOn, { objectives: p.objectives, evaluation: p.evaluation });
  return awaiting;
}
