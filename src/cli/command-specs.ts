// The CLI commands' command lines: summary, positional arguments and options of each. The one
// strict parser (args.ts) reads every command line against these definitions, dispatch.ts prints
// --help and docs/cli.md from them, and commands.ts pairs each with the module that runs it.

export interface OptionSpec {
  type: 'string' | 'boolean';
  /** Shown in --help, e.g. "user@cpas". Only for string options. */
  value?: string;
  help: string;
}

export interface CommandSpec {
  summary: string;
  /** Positional arguments, as shown in --help (e.g. ['FILE']); none when absent. */
  positionals?: readonly string[];
  options: Readonly<Record<string, OptionSpec>>;
}

const AS: OptionSpec = { type: 'string', value: 'user@cpas', help: 'the staff member the command acts as; the policy checks their roles' };
const CPAS: OptionSpec = { type: 'string', value: 'CODE', help: 'the CPAS code, e.g. namur' };

export const COMMAND_SPECS = {
  serve: {
    summary: 'serve the web application and API (HOST, PORT; 127.0.0.1:3000)',
    options: { 'demo-if-empty': { type: 'boolean', help: 'load the synthetic demo data first if the database is empty (npm start)' } },
  },
  migrate: { summary: 'apply database migrations', options: {} },
  demo: { summary: 'load the synthetic demo data (three CPAS) into an empty database', options: {} },
  'users add': {
    summary: 'add a staff user, printing a one-time activation code',
    options: {
      cpas: CPAS,
      username: { type: 'string', value: 'U', help: 'the account name, unique in the CPAS' },
      name: { type: 'string', value: '"N"', help: 'the display name' },
      roles: { type: 'string', value: 'r1,r2', help: 'comma-separated roles; secret-opening ones wait for a head of social service' },
      language: { type: 'string', value: 'fr|nl|de', help: 'the language of the pages' },
    },
  },
  'users activate': {
    summary: 'the holder sets their password; stdin lines: code or password, new password[, confirmation code]',
    options: { login: { type: 'string', value: 'user@cpas', help: 'the account to activate' } },
  },
  'users confirm-first-head': {
    summary: 'bootstrap: confirm the first head of social service of a CPAS that has none',
    options: { cpas: CPAS, username: { type: 'string', value: 'U', help: 'the account to confirm' } },
  },
  'persons import': {
    summary: 'import persons from a CSV file',
    positionals: ['FILE'],
    options: { as: AS, 'skip-invalid': { type: 'boolean', help: 'import the valid rows and report the others instead of importing nothing' } },
  },
  'persons export': {
    summary: 'JSON of everything held on one person that the acting staff member may read',
    positionals: ['NISS'],
    options: { as: AS, purpose: { type: 'string', value: 'PURPOSE', help: 'why the data is exported (data-subject-access): the policy decides what it opens' } },
  },
  'requests assess': {
    summary: 'assess an authority request under art. 46bis/1 CIC (JSON: docs/request-format.md)',
    positionals: ['FILE|-'],
    options: { config: { type: 'string', value: 'FILE', help: 'legal configuration to use instead of the built-in one' } },
  },
  'guide assess': {
    summary: 'the professional-secrecy guide « Puis-je parler ? » (JSON: the guide contract)',
    positionals: ['FILE|-'],
    options: { config: { type: 'string', value: 'FILE', help: "the CPAS's guide configuration instead of the default one" } },
  },
  'requests stats': {
    summary: 'yearly statistics of the register, small counts suppressed',
    options: { year: { type: 'string', value: 'YYYY', help: 'the calendar year' }, format: { type: 'string', value: 'csv|json', help: 'output format (json)' }, as: AS },
  },
  'requests overdue': { summary: 'requests still owed past their due date', options: { as: AS } },
  'audit verify': {
    summary: 'verify the access-log chains, head rows and checkpoints',
    options: {
      cpas: CPAS,
      checkpoints: { type: 'string', value: 'DIR', help: 'folder of exported checkpoints to compare with' },
      vkey: { type: 'string', value: 'FILE', help: 'the trusted verification key of the checkpoints' },
      incremental: { type: 'boolean', help: 'verify from the last signed checkpoint the chain still holds (the whole chain otherwise)' },
      independent: { type: 'boolean', help: 'recompute every hash in this process, trusting nothing the database computed (the default)' },
      'database-hashes': { type: 'boolean', help: 'let the database recompute the entry hashes (a second opinion; not with --independent)' },
      archive: { type: 'string', value: 'FILE', help: 'check an archive file of `audit archive` offline, without the database' },
      previous: { type: 'string', value: 'FILE', help: "with --archive: the previous month's archive, where this one must start" },
    },
  },
  'audit archive': {
    summary: 'write a closed month of the access log to a file with a signed checkpoint (docs/operations.md)',
    options: {
      month: { type: 'string', value: 'YYYY-MM', help: 'the month (Brussels), closed for an hour at least' },
      out: { type: 'string', value: 'FILE', help: 'the archive file to create (never overwritten)' },
      cpas: CPAS,
    },
  },
  'audit prune': {
    summary: 'drop the archived months of the access log past CONFIANCE_LOG_RETENTION_MONTHS',
    options: { month: { type: 'string', value: 'YYYY-MM', help: 'drop this month only (it must be archived, and past the retention when one is set)' } },
  },
  'audit checkpoint': {
    summary: 'sign and export a checkpoint of each access-log chain',
    options: { out: { type: 'string', value: 'DIR', help: 'export folder' }, cpas: CPAS },
  },
  backup: {
    summary: 'a consistent dump with the access-log heads in it, keys left out (docs/operations.md)',
    options: { out: { type: 'string', value: 'DIR', help: 'a new or empty folder for the backup' } },
  },
  restore: {
    summary: 'restore a backup into an empty database, then verify the log and the keys',
    options: { from: { type: 'string', value: 'DIR', help: 'the backup folder' } },
  },
  'keys rotate': {
    summary: 'new master key, data keys re-wrapped under it (docs/operations.md)',
    options: {
      'rewrap-only': { type: 'boolean', help: 're-wrap under the current master key without creating one' },
      'data-keys': { type: 'boolean', help: 'also start a new data-key version per CPAS for new writes' },
    },
  },
} satisfies Record<string, CommandSpec>;
