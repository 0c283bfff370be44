// A CommandIo for CLI tests: files from memory, output captured, the test database's context.
import type { AppContext } from '../app/context.ts';
import type { CommandIo } from '../cli/command-io.ts';

export function captureIo(ctx: AppContext, files: Record<string, string | Uint8Array> = {}, opts: { tty?: boolean; clock?: () => number } = {}) {
  const out = { stdout: '', stderr: '' };
  const io: CommandIo = {
    stdout: { write: (s: string) => (out.stdout += s) },
    stderr: { write: (s: string) => (out.stderr += s), isTTY: opts.tty ?? false },
    readFile: async (path) => {
      const file = files[path];
      if (file === undefined) throw Object.assign(new Error(`ENOENT ${path}`), { code: 'ENOENT' });
      return typeof file === 'string' ? Buffer.from(file) : file;
    },
    // The test owns the database: the command's close leaves it open.
    open: async () => ({ ctx, close: async () => undefined }),
    clock: opts.clock ?? (() => 0),
  };
  return { io, out };
}
