// What a CLI command touches outside itself: standard streams, files, the database and a clock.
// Commands take it as an optional last argument, so tests run them on a test database and
// capture their output without spawning a process.
import { readFile } from 'node:fs/promises';
import type { AppContext } from '../app/context.ts';
import { openRuntime } from './runtime.ts';

export interface CommandIo {
  readonly stdout: { write(text: string): unknown };
  readonly stderr: { write(text: string): unknown; readonly isTTY?: boolean };
  readonly readFile: (path: string) => Promise<Uint8Array>;
  /** Opens the database and the rest of the context; `close` releases them. */
  readonly open: () => Promise<{ ctx: AppContext; close(): Promise<void> }>;
  /** Milliseconds on a monotonic clock. */
  readonly clock: () => number;
}

export const processIo: CommandIo = {
  stdout: process.stdout,
  stderr: process.stderr,
  readFile: (path) => readFile(path),
  open: async () => {
    const ctx = await openRuntime();
    return { ctx, close: () => ctx.db.close() };
  },
  clock: () => performance.now(),
};
