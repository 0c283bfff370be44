// Rewrites the generated tables of docs/legal-model.md from the code (rules, policy, register).
// `npx tsx scripts/legal-model.ts`; src/domain/requests/legal-model-doc.test.ts fails when they are stale.
import { readFileSync, writeFileSync } from 'node:fs';
import { withGeneratedTables } from '../src/domain/requests/legal-model-doc.ts';

const path = 'docs/legal-model.md';
writeFileSync(path, withGeneratedTables(readFileSync(path, 'utf8')));
console.log(`${path}: generated tables rewritten`);
