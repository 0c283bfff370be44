// Lint: typescript-eslint's recommended rules, plus the house rules that protect secrecy, and the
// architecture as rules that fail CI (docs/architecture.md, "Layers"): a convention that only a
// reviewer checks is one forgotten review away from a path around the access policy.
import tseslint from 'typescript-eslint';

// The folders a relative import lands in, whatever its depth: `(../)*<folder>/`.
const into = (...folders) => `^(\\.\\.?/)+(${folders.join('|')})/`;
const DRIVERS = ['pg', '@electric-sql/pglite', '@electric-sql/pglite/*', 'kysely'];
const driverPaths = DRIVERS.filter((name) => !name.endsWith('*')).map((name) => ({
  name,
  message: 'Only src/adapters/db talks to the database driver: add a store function there and call it.',
}));
const driverPattern = {
  group: ['@electric-sql/pglite/*'],
  message: 'Only src/adapters/db talks to the database driver.',
};

// SQL text: a string or the first chunk of a template literal that starts like a statement.
const SQL_START = '/^\\s*(SELECT|INSERT\\s+INTO|UPDATE|DELETE\\s+FROM|WITH|CREATE|ALTER|DROP|TRUNCATE|GRANT|REVOKE|LOCK|SET\\s+LOCAL|ANALYZE|VACUUM)\\s/';
const SQL_MESSAGE = 'SQL lives only in src/adapters/db (stores, migrations, database.ts): move this query into a store.';
const noSql = [
  { selector: `Literal[value=${SQL_START}]`, message: SQL_MESSAGE },
  { selector: `TemplateLiteral > TemplateElement:first-child[value.raw=${SQL_START}]`, message: SQL_MESSAGE },
  { selector: 'TaggedTemplateExpression[tag.name="sql"]', message: SQL_MESSAGE },
  // A transaction's query methods (and a query builder's entry points) are the stores' tools.
  { selector: 'CallExpression[callee.property.name=/^(query|script|copyFrom|copyOut|selectFrom|insertInto|updateTable|deleteFrom|mergeInto)$/]', message: SQL_MESSAGE },
];

// Composition roots and operator commands of the CLI: they build the AppContext (database, key
// ring, secret box) or compose file and key adapters for an operator, which is their whole job.
// Everything else on a driving side goes through use cases.
const COMPOSITION_ROOTS = [
  'src/cli/runtime.ts', // opens the database, loads master keys, builds the AppContext
  'src/cli/migrate.ts', // opens the database to migrate it, before any AppContext can exist
  'src/cli/keys-rotate.ts', // reads and writes master-key files (the key ring is not in the database)
  'src/cli/audit-checkpoint.ts', // signs with the checkpoint key and writes checkpoint files for the DPO
  'src/cli/audit-verify.ts', // reads checkpoint files and the verifier key given on the command line
  'src/cli/audit-archive.ts', // signs access-log archives with the checkpoint key, writes and reads archive files
  'src/cli/demo.ts', // refreshes planner statistics after a bulk load, as `serve` does at start
  'src/cli/persons-import.ts', // parses the operator's CSV file and refreshes statistics after the load
];

export default tseslint.config(
  { ignores: ['node_modules/**', 'data/**', 'keys/**', '.scratch/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
      // Console output outside the CLI could carry personal data into a log; use the redacting logger.
      'no-console': 'error',
    },
  },
  {
    files: ['src/cli/**', 'scripts/**', 'bench/**', '**/*.test.ts'],
    rules: { 'no-console': 'off' },
  },

  // --- Architecture (each file gets exactly one of the import rules below) ---
  // Outside src/adapters/db: no database driver, no SQL.
  {
    files: ['src/**/*.ts'],
    ignores: ['src/adapters/db/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', { paths: driverPaths, patterns: [driverPattern] }],
      'no-restricted-syntax': ['error', ...noSql],
    },
  },
  // The domain is pure: it imports nothing of the project outside src/domain.
  {
    files: ['src/domain/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', {
        paths: driverPaths,
        patterns: [driverPattern, {
          regex: into('app', 'adapters', 'http', 'ui', 'cli', 'testing', 'demo'),
          message: 'src/domain is pure: it imports nothing of the project outside src/domain.',
        }],
      }],
    },
  },
  // Use cases call the domain and the driven adapters, never a driving side.
  {
    files: ['src/app/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', {
        paths: driverPaths,
        patterns: [driverPattern, { regex: into('http', 'ui', 'cli'), message: 'Use cases never call a driving side (HTTP, UI, CLI).' }],
      }],
    },
  },
  // Driven adapters serve the use cases; they may name a use case's types, never call one.
  {
    files: ['src/adapters/**/*.ts'],
    ignores: ['src/adapters/db/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', {
        paths: driverPaths,
        patterns: [driverPattern, {
          regex: into('app', 'http', 'ui', 'cli'), allowTypeImports: true,
          message: 'A driven adapter never calls a use case or a driving side.',
        }],
      }],
    },
  },
  {
    files: ['src/adapters/db/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', {
        patterns: [{ regex: into('app', 'http', 'ui', 'cli'), allowTypeImports: true, message: 'A store never calls a use case or a driving side.' }],
      }],
    },
  },
  // Driving sides (API, pages, CLI) call use cases, the domain and their own folder. Types of what
  // a use case returns may be named (they carry no call); values of adapters may not.
  {
    files: ['src/http/**/*.ts', 'src/ui/**/*.ts', 'src/cli/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', {
        paths: driverPaths,
        patterns: [driverPattern, {
          regex: into('adapters'), allowTypeImports: true,
          message: 'A driving side calls use cases (src/app), not stores or adapters: add or extend a use case.',
        }],
      }],
    },
  },
  // ---- The secrecy gate: the driving sides never hold the decrypting service, the secret stores
  // or an access grant. Secret content reaches them only through a use case, which asks the gate,
  // which asks the policy and writes the access-log entry first. It uses the core
  // no-restricted-imports rule (the layer rules above use typescript-eslint's), so that neither
  // overrides the other; its syntax rule repeats the SQL selectors, which it would otherwise replace.
  {
    files: ['src/ui/**/*.ts', 'src/http/**/*.ts', 'src/cli/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          {
            group: ['**/adapters/crypto/secret-box*', '**/adapters/crypto/envelope*'],
            message: 'The decrypting service is reached only through a use case (src/app), after the gate.',
          },
          {
            group: ['**/adapters/db/stores/secret-record-store*', '**/adapters/db/stores/attachment-store*', '**/adapters/db/stores/break-glass-store*'],
            message: 'Secret stores are called by use cases (src/app) with the gate\'s grant, never by a driving side.',
          },
          { group: ['**/domain/access-grant*'], message: 'Access grants are issued and used inside src/app and the secret stores only.' },
        ],
      }],
      // The context they pass to use cases carries the secret box: reaching into it is not an import, so it is a syntax rule.
      'no-restricted-syntax': ['error', ...noSql, ...["MemberExpression[property.name='secrets']", "MemberExpression[property.value='secrets']", "ObjectPattern > Property[key.name='secrets']"].map((selector) => ({
        selector, message: 'The secret box is used by use cases (src/app) only, behind the gate.',
      }))],
    },
  },
  // Use cases never decrypt themselves: they call a store with the gate's grant, and the store
  // checks the grant before it opens anything. A use case calling the box's open directly would
  // skip that check (and, outside the gate, the policy and the log). Repeats the SQL selectors,
  // which this block's syntax rule would otherwise replace for src/app.
  {
    files: ['src/app/**/*.ts'],
    rules: {
      'no-restricted-syntax': ['error', ...noSql, {
        selector: "MemberExpression[object.property.name='secrets'][property.name=/^open/]",
        message: 'Decrypt through a secret store with the gate\'s grant, not with the box directly.',
      }],
    },
  },
  // The person's own texts in the citizen portal: the extension reason written for them (GDPR art.
  // 12(3)) and the approved redacted copy. The reader is the person, authenticated by the portal's
  // OIDC log-in, not a member of staff, so the staff gate has no grant to give; the use case checks
  // that the request is theirs and writes the person-actor log entry before it decrypts.
  {
    files: ['src/app/citizen/rights-requests.ts'],
    rules: { 'no-restricted-syntax': ['error', ...noSql] },
  },
  // Only the gate issues access grants: anyone else who could make one could open a secret store
  // without the policy's decision and without the access-log entry.
  {
    files: ['src/**/*.ts'],
    ignores: ['src/app/person-access.ts', 'src/ui/**', 'src/http/**', 'src/cli/**'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [{
          group: ['**/domain/access-grant*'],
          importNames: ['issueAccessGrant'],
          message: 'Only the gate (src/app/person-access.ts) issues access grants.',
        }],
      }],
    },
  },
  {
    files: COMPOSITION_ROOTS,
    rules: { '@typescript-eslint/no-restricted-imports': ['error', { paths: driverPaths, patterns: [driverPattern] }] },
  },
  // Tests and their helpers build worlds and look beneath the stores on purpose (ciphertext at rest,
  // a tampered log, a role's grants): they may use SQL and any layer. They are not shipped code.
  {
    files: ['**/*.test.ts', 'src/testing/**', 'src/ui/testing/**', 'src/ui/e2e/**'],
    rules: { 'no-restricted-syntax': 'off', '@typescript-eslint/no-restricted-imports': 'off' },
  },
);
