// How the schema is laid out for a deployment distributed by CPAS (PostgreSQL with Citus; see
// docs/scaling.md). Every table is distributed by cpas_id, and co-located, except the ones named
// here with the reason: a test (distribution.db.test.ts) checks the migrated schema against it, so
// a new table, key or foreign key that would tie two CPAS together fails CI before it ships.

/** Replicated to every node: small, read by every CPAS, written rarely by the operator. */
export const REFERENCE_TABLES: Readonly<Record<string, string>> = {
  cpas: 'the list of CPAS itself: a log-in names its CPAS by code, before any cpas_id is known',
};

/** Kept on the coordinator only: not data of a CPAS. */
export const LOCAL_TABLES: Readonly<Record<string, string>> = {
  schema_migration: 'which migrations ran: one schema for the whole deployment',
  login_attempt_window: 'log-in attempts per client address, counted before anyone knows the CPAS; shared by every server process of the deployment',
};

/** The distribution column of every other table. */
export const DISTRIBUTION_COLUMN = 'cpas_id';
