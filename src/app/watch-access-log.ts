// The access-log appends of this process, as they happen, for the operations metrics: the
// driving side counts them without reaching into the store.
export { watchAccessLogAppends } from '../adapters/db/access-log-store.ts';
