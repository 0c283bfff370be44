// `npm start` on an empty database: the register of each demo CPAS holds a request in every state
// a newcomer meets, made through the use cases (so each step is in the access log).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { generateDemo } from '../../demo/generate.ts';
import { findStaffByLogin } from '../../adapters/db/stores/staff-store.ts';
import { testContext } from '../../testing/fixtures.ts';
import { createTestDatabase } from '../../testing/test-database.ts';
import { loadDemo } from '../load-demo.ts';
import { listRegister } from './list-register.ts';

test('the demo register holds a request received, in legal review, prepared, signed, sent and refused', async () => {
  const t = await createTestDatabase();
  try {
    const ctx = testContext(t.db);
    const dataset = generateDemo(11, 6);
    await loadDemo(ctx, dataset);
    for (const cpas of dataset.cpas) {
      const staff = await t.db.transaction((tx) => findStaffByLogin(tx, cpas.code, 'directeur-general'));
      const lines = await listRegister(ctx, { cpasId: staff!.cpasId, userId: staff!.userId, roles: staff!.roles });
      assert.deepEqual(lines.map((l) => l.state).sort(), ['legal-review', 'prepared', 'received', 'refused', 'sent', 'signed'], cpas.code);
    }
  } finally {
    await t.drop();
  }
});
