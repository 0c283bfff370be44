// A small world for tests: two CPAS, staff of every role, a person with a case.
import { createSecretBox } from '../adapters/crypto/secret-box.ts';
import { parseMasterKeys } from '../adapters/crypto/master-keys.ts';
import type { Database } from '../adapters/db/database.ts';
import type { AppContext } from '../app/context.ts';
import { assignCase, confirmAssignment } from '../app/manage-staff.ts';
import { registerCpas } from '../app/register-cpas.ts';
import { ROLES, type Actor, type Role } from '../domain/roles.ts';
import { staffThroughDuties } from './staff.ts';

export const TEST_MASTER_KEYS = `test-key:${Buffer.alloc(32, 7).toString('base64')}`;

export function testContext(db: Database, now = () => new Date('2026-11-28T10:00:00Z')): AppContext {
  return { db, secrets: createSecretBox(parseMasterKeys(TEST_MASTER_KEYS)), now };
}

export interface TestCpas {
  cpasId: string;
  code: string;
  /** One actor per role, keyed by role; plus a second social worker who is not on the case. */
  actors: Record<Role, Actor> & { 'other-social-worker': Actor };
}

export async function addTestCpas(db: Database, code: string): Promise<TestCpas> {
  const { cpasId } = await registerCpas(db, {
    code, name: `CPAS ${code}`, region: 'wallonie', languages: ['fr'], defaultLanguage: 'fr',
    street: 'Rue de la Gare 1', postalCode: '5000', municipality: 'Namur',
  });
  const ctx = testContext(db);
  const specs = [...ROLES, 'other-social-worker'] as const;
  const ordered = [...specs].sort((a, b) => Number(b === 'directeur-general') - Number(a === 'directeur-general'));
  const made = await staffThroughDuties(ctx, { cpasId, code }, ordered.map((username) => ({
    username, displayName: username, language: 'fr' as const, roles: [username === 'other-social-worker' ? 'social-worker' : username],
  })));
  const actors = made as TestCpas['actors'];
  return { cpasId, code, actors };
}

/**
 * Puts a social worker on a person's case through the real path: the directeur général proposes,
 * the head of social service (a second person) confirms.
 */
export async function assignConfirmed(ctx: AppContext, cpas: TestCpas, input: { personId: string; userId: string; assignedFrom?: string }): Promise<void> {
  const proposed = await assignCase(ctx, cpas.actors['directeur-general'], { personId: input.personId, userId: input.userId, assignedFrom: input.assignedFrom ?? '2026-01-01' });
  if (proposed.state !== 'pending-confirmation') throw new Error('a directeur général only proposes an assignment');
  await confirmAssignment(ctx, cpas.actors['head-of-social-service'], { proposalId: proposed.proposalId });
}
