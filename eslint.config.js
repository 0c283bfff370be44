// Lint: typescript-eslint's recommended rules, plus the house rules that protect secrecy.
import tseslint from 'typescript-eslint';

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
  // ---- The secrecy gate (issue 8): kept apart from the layer rules so each reads on its own. ----
  // The driving sides (pages, API, command line) never hold the decrypting service or the secret
  // stores, nor the access grant: secret content reaches them only through a use case, which asks
  // the gate, which asks the policy and writes the access-log entry first.
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
      'no-restricted-syntax': ['error', ...["MemberExpression[property.name='secrets']", "MemberExpression[property.value='secrets']", "ObjectPattern > Property[key.name='secrets']"].map((selector) => ({
        selector, message: 'The secret box is used by use cases (src/app) only, behind the gate.',
      }))],
    },
  },
  // Use cases never decrypt themselves: they call a store with the gate's grant, and the store
  // checks the grant before it opens anything. A use case calling the box's open directly would
  // skip that check (and, outside the gate, the policy and the log).
  {
    files: ['src/app/**/*.ts'],
    ignores: ['src/app/**/*.test.ts'],
    rules: {
      'no-restricted-syntax': ['error', {
        selector: "MemberExpression[object.property.name='secrets'][property.name=/^open/]",
        message: 'Decrypt through a secret store with the gate\'s grant, not with the box directly.',
      }],
    },
  },
  // Only the gate issues access grants: anyone else who could make one could open a secret store
  // without the policy's decision and without the access-log entry.
  {
    files: ['src/**/*.ts'],
    ignores: ['src/app/person-access.ts', 'src/ui/**', 'src/http/**', 'src/cli/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', {
        patterns: [{
          group: ['**/domain/access-grant*'],
          importNames: ['issueAccessGrant'],
          message: 'Only the gate (src/app/person-access.ts) issues access grants.',
        }],
      }],
    },
  },
);
