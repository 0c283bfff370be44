// Runs a JSON-in, JSON-out command (`guide assess`, `requests assess`) in process, for the tests
// that check it and compare it with the HTTP API.
import { PassThrough, Readable } from 'node:stream';
import { runGuideAssess } from '../cli/guide-assess.ts';
import type { JsonAssessIo } from '../cli/json-assess.ts';

type JsonCommand = (args: string[], io: JsonAssessIo) => Promise<number>;

/** Runs `command` on in-memory files and streams; returns the exit code and what it wrote. */
export async function runJsonCli(command: JsonCommand, args: string[], files: Record<string, string> = {}, stdin = '') {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const out: string[] = [];
  const err: string[] = [];
  stdout.on('data', (chunk: Buffer) => out.push(chunk.toString()));
  stderr.on('data', (chunk: Buffer) => err.push(chunk.toString()));
  const readFile = async (path: string) => {
    const text = files[path];
    if (text === undefined) throw Object.assign(new Error(`ENOENT: no such file, open '${path}'`), { code: 'ENOENT' });
    return text;
  };
  const code = await command(args, { stdin: Readable.from([stdin]), stdout, stderr, readFile });
  return { code, stdout: out.join(''), stderr: err.join('') };
}

export const runGuideCli = (args: string[], files: Record<string, string> = {}, stdin = '') => runJsonCli(runGuideAssess, args, files, stdin);
