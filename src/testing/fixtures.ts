// A small world for tests: two CPAS, staff of every role, a person with a case.
import { createSecretBox } from '../adapters/crypto/secret-box.ts';
import { parseMasterKeys } from '../adapters/crypto/master-keys.ts';
import { insertStaff } from '../adapters/db/stores/staff-store.ts';
import type { Database } from '../adapters/db/database.ts';
import type { AppContext } from '../app/context.ts';
import { registerCpas } from '../app/register-cpas.ts';
import { ROLES, type Actor, type Role } from '../domain/roles.ts';
import { randomUUID } from 'node:crypto';

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
  const actors = {} as TestCpas['actors'];
  for (const role of [...ROLES, 'other-social-worker'] as const) {
    const userId = randomUUID();
    const roles: Role[] = [role === 'other-social-worker' ? 'social-worker' : role];
    await db.ownerTransaction((tx) => insertStaff(tx, { cpasId, userId, username: role, displayName: role, language: 'fr', passwordHash: null, roles }));
    actors[role] = { cpasId, userId, roles };
  }
  return { cpasId, code, actors };
}
