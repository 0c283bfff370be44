// The CLI commands, one module each.
import { runMigrate } from './migrate.ts';
import { runUsersActivate } from './users-activate.ts';
import { runUsersAdd, runUsersConfirmFirstHead } from './users-add.ts';
import { runPersonsImport } from './persons-import.ts';
import { runPersonsExport } from './persons-export.ts';
import { runRequestsAssess } from './requests-assess.ts';
import { runGuideAssess } from './guide-assess.ts';
import { runRequestsStats } from './requests-stats.ts';
import { runRequestsOverdue } from './requests-overdue.ts';
import { runServe } from './serve.ts';
import { runDemo } from './demo.ts';
import { runAuditCheckpoint } from './audit-checkpoint.ts';
import { runAuditVerify } from './audit-verify.ts';
import { runKeysRotate } from './keys-rotate.ts';
import { runBackup, runRestore } from './backup.ts';
import { readFile } from 'node:fs/promises';

export interface Command {
  summary: string;
  run(args: string[]): Promise<number>;
}

export const COMMANDS: Record<string, Command> = {
  serve: { summary: 'serve the web application and API (HOST, PORT; 127.0.0.1:3000)', run: runServe },
  migrate: { summary: 'apply database migrations', run: runMigrate },
  demo: { summary: 'load the synthetic demo data (three CPAS) into an empty database', run: runDemo },
  'users add': { summary: 'add a staff user, printing a one-time activation code: --cpas CODE --username U --name "N" --roles r1,r2 [--language L]', run: (args) => runUsersAdd(args) },
  'users activate': { summary: 'the holder sets their password; stdin lines: code or password, new password[, confirmation code]: --login user@cpas', run: (args) => runUsersActivate(args) },
  'users confirm-first-head': { summary: 'bootstrap: confirm the first head of social service of a CPAS that has none: --cpas CODE --username U', run: (args) => runUsersConfirmFirstHead(args) },
  'persons import': { summary: 'import persons from a CSV file: FILE --as user@cpas [--skip-invalid]', run: runPersonsImport },
  'persons export': { summary: 'JSON of everything held on one person: NISS --as user@cpas', run: runPersonsExport },
  'requests assess': {
    summary: 'assess an authority request under art. 46bis/1 CIC: FILE or - (JSON)',
    run: (args) => runRequestsAssess(args, { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr, readFile: (p) => readFile(p, 'utf8') }),
  },
  'guide assess': {
    summary: 'the professional-secrecy guide « Puis-je parler ? »: FILE or - (JSON) [--config FILE]',
    run: (args) => runGuideAssess(args, { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr, readFile: (p) => readFile(p, 'utf8') }),
  },
  'requests stats': { summary: 'yearly statistics of the register, small counts suppressed: --year YYYY [--format csv|json] --as user@cpas', run: runRequestsStats },
  'requests overdue': { summary: 'requests still owed past their due date: --as user@cpas', run: runRequestsOverdue },
  'audit verify': { summary: 'verify the access-log chains, head rows and checkpoints: [--cpas CODE] [--checkpoints DIR] [--vkey FILE] [--incremental] [--independent]', run: runAuditVerify },
  'audit checkpoint': { summary: 'sign and export a checkpoint of each access-log chain: [--out DIR] [--cpas CODE]', run: runAuditCheckpoint },
  backup: { summary: 'a consistent dump with the access-log heads in it, keys left out: --out DIR (docs/operations.md)', run: (args) => runBackup(args) },
  restore: { summary: 'restore a backup into an empty database, then verify the log and the keys: --from DIR', run: (args) => runRestore(args) },
  'keys rotate': { summary: 'new master key, data keys re-wrapped under it: [--rewrap-only] [--data-keys] (docs/operations.md)', run: runKeysRotate },
};
