// Writes docs/cli.md from the command definitions (src/cli/cli-docs.ts).
import { writeFileSync } from 'node:fs';
import { cliDocs } from '../src/cli/cli-docs.ts';

writeFileSync('docs/cli.md', cliDocs());
console.log('docs/cli.md written');
