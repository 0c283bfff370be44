// What `serve`'s background jobs (checkpoints, reminders, partitions) log of a failure: its kind,
// never its message, which can carry the values of the row or statement that failed (a duplicate
// key's value, a name). pg and PGlite name every database error "error": without its code the
// operator learns nothing, while the code (SQLSTATE 53100 disk full, 42501 privilege, or a system
// code like ECONNREFUSED) is a constant that names the cause and carries no data.
export function failureKind(error: unknown): string {
  const name = error instanceof Error ? error.name : typeof error;
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^[0-9A-Z_]{1,40}$/.test(code) ? `${name} (code ${code})` : name;
}

/**
 * A lock not granted in time (SQLSTATE 55P03, lock_not_available: lock_timeout or NOWAIT): the
 * work gave up waiting behind another transaction and can be tried again later; nothing failed.
 */
export function isLockNotGranted(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === '55P03';
}
