// The archive file of an access-log month on disk. Written to "<file>.partial" and renamed only
// once complete and flushed: a half-written archive never carries the final name, so it can never
// be taken for the signed copy that allowed a month to be dropped. Read back line by line, in
// constant memory.
import { once } from 'node:events';
import { createReadStream, createWriteStream, existsSync, fsyncSync, openSync, closeSync, renameSync, rmSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { invalidInput } from '../../domain/errors.ts';

export interface ArchiveFileWriter {
  write(line: string): Promise<void>;
  /** Flushes, syncs and gives the file its name. */
  commit(): Promise<void>;
  /** Removes the partial file (after a refusal or a failure). */
  discard(): void;
}

export function createArchiveFile(path: string): ArchiveFileWriter {
  if (existsSync(path)) throw invalidInput('--out', 'the file exists already (an archive is never overwritten)');
  const partial = `${path}.partial`;
  const stream = createWriteStream(partial, { flags: 'wx', mode: 0o600 });
  let failure: Error | null = null;
  stream.on('error', (error) => {
    failure = error;
  });
  const ended = async () => {
    if (!stream.writableFinished) {
      stream.end();
      await once(stream, 'finish');
    }
  };
  return {
    async write(line) {
      if (failure) throw failure;
      if (!stream.write(`${line}\n`)) await once(stream, 'drain');
    },
    async commit() {
      await ended();
      if (failure) throw failure;
      const fd = openSync(partial, 'r');
      try {
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
      renameSync(partial, path);
    },
    discard() {
      stream.destroy();
      rmSync(partial, { force: true });
    },
  };
}

/** Feeds every line of the file to `line` with its number (from 1); returns the number of lines read. */
export async function readArchiveLines(path: string, field: string, line: (text: string, lineNo: number) => void): Promise<number> {
  if (!existsSync(path)) throw invalidInput(field, 'no such file');
  const lines = createInterface({ input: createReadStream(path, { encoding: 'utf8' }), crlfDelay: Infinity });
  let n = 0;
  for await (const text of lines) line(text, ++n);
  return n;
}
