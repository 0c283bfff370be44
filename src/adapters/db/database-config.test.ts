// The pool size is the operator's lever under load (docs/scaling.md): read from CONFIANCE_DB_POOL,
// and a value that is not a sensible number of connections stops the start with the variable named.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { databaseConfigFromEnv } from './database.ts';

test('CONFIANCE_DB_POOL sets the pool size; absent, the driver default of openPostgres applies', () => {
  assert.equal(databaseConfigFromEnv({ DATABASE_URL: 'postgres://x/y', CONFIANCE_DB_POOL: '16' }).poolSize, 16);
  assert.equal(databaseConfigFromEnv({ DATABASE_URL: 'postgres://x/y' }).poolSize, undefined);
});

test('a pool size that is not a whole number from 1 to 500 is refused, naming the variable', () => {
  for (const value of ['0', '-3', '8.5', 'huit', '501', '1e3']) {
    assert.throws(() => databaseConfigFromEnv({ CONFIANCE_DB_POOL: value }), /CONFIANCE_DB_POOL/, value);
  }
});
