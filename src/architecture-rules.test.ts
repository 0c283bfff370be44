// The architecture rules of eslint.config.js fail on a violation: each case below is a file that
// breaks one rule, linted at the place where it would live. If someone weakens a rule, this fails.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ESLint } from 'eslint';

const eslint = new ESLint({ cwd: process.cwd() });

async function ruleHits(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((m) => m.ruleId ?? m.message);
}

const IMPORTS = '@typescript-eslint/no-restricted-imports';
const SYNTAX = 'no-restricted-syntax';

const violations: [string, string, string][] = [
  ['src/domain/leak.ts', "import { runAudited } from '../app/context.ts';\nexport const x = runAudited;\n", IMPORTS],
  ['src/domain/requests/leak.ts', "import type { Tx } from '../../adapters/db/database.ts';\nexport type X = Tx;\n", IMPORTS],
  ['src/domain/leak.ts', "import pg from 'pg';\nexport const x = pg;\n", IMPORTS],
  ['src/ui/routes/leak.ts', "import { insertStaff } from '../../adapters/db/stores/staff-store.ts';\nexport const x = insertStaff;\n", IMPORTS],
  ['src/http/routes/leak.ts', "import { createSecretBox } from '../../adapters/crypto/secret-box.ts';\nexport const x = createSecretBox;\n", IMPORTS],
  ['src/cli/leak.ts', "import { openDatabase } from '../adapters/db/database.ts';\nexport const x = openDatabase;\n", IMPORTS],
  ['src/app/leak.ts', "import { uiPlugin } from '../ui/plugin.ts';\nexport const x = uiPlugin;\n", IMPORTS],
  ['src/app/leak.ts', "import { Kysely } from 'kysely';\nexport const x = Kysely;\n", IMPORTS],
  ['src/app/leak.ts', "export const q = (tx: { query(s: string): unknown }) => tx.query('SELECT niss FROM person');\n", SYNTAX],
  ['src/ui/leak.ts', 'export const q = (id: string) => `DELETE FROM person WHERE person_id = ${id}`;\n', SYNTAX],
  ['src/http/leak.ts', "export const q = 'UPDATE staff_user SET active = false';\n", SYNTAX],
];

for (const [filePath, code, rule] of violations) {
  test(`${rule} rejects ${JSON.stringify(code.split('\n')[0])} in ${filePath}`, async () => {
    assert.ok((await ruleHits(filePath, code)).includes(rule));
  });
}

test('the allowed directions stay allowed: a page names a use case, a store runs SQL', async () => {
  assert.deepEqual(await ruleHits('src/ui/routes/ok.ts', "import { openPersonFile } from '../../app/open-person-file.ts';\nexport const x = openPersonFile;\n"), []);
  assert.deepEqual(await ruleHits('src/adapters/db/stores/ok.ts', "export const q = (tx: { query(s: string): unknown }) => tx.query('SELECT 1 FROM person');\n"), []);
  // A type a use case returns may be named by a page: it carries no call.
  assert.deepEqual(await ruleHits('src/ui/pages/ok.ts', "import type { PersonSummary } from '../../adapters/db/stores/search-store.ts';\nexport type X = PersonSummary;\n"), []);
});
