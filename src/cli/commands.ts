// The CLI commands, one module each, paired with their command lines (command-specs.ts). Each
// module reads its arguments through the one strict parser (args.ts), and dispatch.ts checks them
// with it first, so an unknown or misspelt option stops the command before it opens the database
// or changes anything.
import { readFile } from 'node:fs/promises';
import type { CommandName } from './args.ts';
import { COMMAND_SPECS, type CommandSpec } from './command-specs.ts';
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
import { runAuditArchive, runAuditPrune } from './audit-archive.ts';
import { runKeysRotate } from './keys-rotate.ts';
import { runBackup, runRestore } from './backup.ts';

export type { OptionSpec } from './command-specs.ts';

export interface Command extends CommandSpec {
  run(args: string[]): Promise<number>;
}

const jsonIo = { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr, readFile: (p: string) => readFile(p, 'utf8') };

const RUN: Record<CommandName, (args: string[]) => Promise<number>> = {
  serve: runServe,
  migrate: runMigrate,
  demo: runDemo,
  'users add': (args) => runUsersAdd(args),
  'users activate': (args) => runUsersActivate(args),
  'users confirm-first-head': (args) => runUsersConfirmFirstHead(args),
  'persons import': (args) => runPersonsImport(args),
  'persons export': (args) => runPersonsExport(args),
  'requests assess': (args) => runRequestsAssess(args, jsonIo),
  'guide assess': (args) => runGuideAssess(args, jsonIo),
  'requests stats': (args) => runRequestsStats(args),
  'requests overdue': (args) => runRequestsOverdue(args),
  'audit verify': runAuditVerify,
  'audit archive': runAuditArchive,
  'audit prune': runAuditPrune,
  'audit checkpoint': runAuditCheckpoint,
  backup: (args) => runBackup(args),
  restore: (args) => runRestore(args),
  'keys rotate': runKeysRotate,
};

export const COMMANDS: Record<string, Command> = Object.fromEntries(
  (Object.keys(COMMAND_SPECS) as CommandName[]).map((name) => [name, { ...COMMAND_SPECS[name], run: RUN[name] }]),
);
