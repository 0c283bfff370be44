// Access-log fixtures shared by the tests of the verification and the archives.
import { randomUUID } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { appendAccessLog } from '../adapters/db/access-log-store.ts';
import type { Database } from '../adapters/db/database.ts';
import { registerCpas } from '../app/register-cpas.ts';
import type { AccessLogDraft } from '../domain/access-log-entry.ts';

/**
 * Writes to `to` a copy of the archive file `from` in which entry `seq` says "denied" where it
 * said "allowed": its text changed, not its hashes, what someone covering a read would change.
 * Returns the original's lines and the index of the entry's line.
 */
export function writeEditedArchive(from: string, seq: number, to: string): { lines: string[]; at: number } {
  const lines = readFileSync(from, 'utf8').split('\n');
  const at = lines.findIndex((l) => l.startsWith(`{"seq":${seq},`));
  const edited = [...lines];
  edited[at] = lines[at]!.replace('\\"outcome\\":\\"allowed\\"', '\\"outcome\\":\\"denied\\"');
  if (at < 0 || edited[at] === lines[at]) throw new Error(`writeEditedArchive: no entry ${seq} with an allowed outcome`);
  writeFileSync(to, edited.join('\n'));
  return { lines, at };
}

/**
 * A CPAS with no staff, so that its chain holds exactly the `n` entries written here, one a
 * second from `startMs`: every third a search with no person, every fourth by no user, each with
 * non-ASCII details (multi-byte UTF-8 in the texts). Returns the CPAS's id.
 */
export async function cpasWithEntries(db: Database, n: number, startMs: number): Promise<string> {
  const { cpasId } = await registerCpas(db, { code: 'namur', name: 'CPAS namur', region: 'wallonie', languages: ['fr'], defaultLanguage: 'fr', street: 'Rue 1', postalCode: '5000', municipality: 'Namur' });
  for (let seq = 1; seq <= n; seq++) {
    const draft: AccessLogDraft = {
      cpasId, userId: seq % 4 === 0 ? null : randomUUID(), roles: ['social-worker'], purpose: 'case-follow-up', action: seq % 3 === 0 ? 'search' : 'read',
      personId: seq % 3 === 0 ? null : randomUUID(), classes: ['identity'], outcome: 'allowed', rule: 'assigned-worker', details: { note: `é€😀 ${seq}` },
    };
    await db.transaction((tx) => appendAccessLog(tx, draft, new Date(startMs + seq * 1000)));
  }
  return cpasId;
}
