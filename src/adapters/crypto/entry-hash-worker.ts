// The two hashes per entry of `audit verify`, in a worker thread: SHA-256(0x00 || text) against
// the stored entry hash, and SHA-256(previous stored chain hash || stored entry hash) against the
// stored chain hash. Each entry is checked against its stored predecessor, so runs of entries are
// independent of each other: the thread hashes one run while the main thread reads the next and
// checks its columns. Hashing is most of the verification's work (bench/access-log.ts), and a
// second core does it beside the reading.
//
// The thread gets the run's buffers in shared memory (no copy) and answers how many entries fail
// either check; which ones, and why, is found by judging the run entry by entry (chain-feed.ts).
// The threads are started on first use and kept, without keeping the process alive while idle. Its code is
// plain JavaScript evaluated in the thread, so that it needs no TypeScript loader there.
import { Worker } from 'node:worker_threads';

const WORKER_CODE = `
const { parentPort } = require('node:worker_threads');
const crypto = require('node:crypto');
const sha256 = typeof crypto.hash === 'function'
  ? (data) => crypto.hash('sha256', data, 'buffer')
  : (data) => crypto.createHash('sha256').update(data).digest();
const link = Buffer.alloc(64);
parentPort.on('message', ({ id, texts, textAt, hashes, previous }) => {
  const t = Buffer.from(texts.buffer, texts.byteOffset, texts.byteLength);
  const h = Buffer.from(hashes.buffer, hashes.byteOffset, hashes.byteLength);
  const n = textAt.length / 2;
  let failing = 0;
  link.set(previous, 0);
  for (let i = 0; i < n; i++) {
    const o = i * 64;
    const holds = sha256(t.subarray(textAt[2 * i], textAt[2 * i + 1])).compare(h, o, o + 32) === 0;
    h.copy(link, 32, o, o + 32);
    if (!holds || sha256(link).compare(h, o + 32, o + 64) !== 0) failing++;
    h.copy(link, 0, o + 32, o + 64);
  }
  parentPort.postMessage({ id, failing });
});
`;

export interface HashInputs {
  /** Each entry's text after a 0x00 byte. */
  readonly texts: Buffer;
  /** Per entry, where its hash input starts and ends in `texts`. */
  readonly textAt: Int32Array;
  /** Per entry, 64 bytes: its stored entry hash and chain hash. */
  readonly hashes: Buffer;
}

/**
 * Two threads, runs dealt out in turn: the two hashes of an entry cost about twice the plain
 * SHA-256 of its text, more than the reading beside them, so one thread alone would set the pace.
 */
const THREADS = 2;
const workers: (Worker | null)[] = Array.from({ length: THREADS }, () => null);
let nextId = 0;
const waiting = new Map<number, { worker: Worker; resolve: (failing: number) => void; reject: (error: Error) => void }>();

function started(slot: number): Worker {
  const existing = workers[slot];
  if (existing) return existing;
  const w = new Worker(WORKER_CODE, { eval: true, execArgv: [] });
  w.on('message', ({ id, failing }: { id: number; failing: number }) => {
    waiting.get(id)?.resolve(failing);
    waiting.delete(id);
    if (![...waiting.values()].some((job) => job.worker === w)) w.unref();
  });
  const fail = (error: Error) => {
    for (const [id, job] of waiting) {
      if (job.worker !== w) continue;
      job.reject(error);
      waiting.delete(id);
    }
    workers[slot] = null;
  };
  w.on('error', fail);
  w.on('exit', (code) => fail(new Error(`entry-hash worker stopped (${code})`)));
  workers[slot] = w;
  return w;
}

/**
 * How many entries fail either check: SHA-256(0x00 || text) equal to the stored entry hash, and
 * SHA-256(previous stored chain hash || stored entry hash) equal to the stored chain hash, the
 * first entry following `previous` (32 bytes).
 */
export function countFailingEntries(inputs: HashInputs, previous: Buffer): Promise<number> {
  if (inputs.textAt.length === 0) return Promise.resolve(0);
  if (previous.length !== 32) return Promise.resolve(inputs.textAt.length / 2);
  const id = nextId++;
  return new Promise<number>((resolve, reject) => {
    const w = started(id % THREADS);
    waiting.set(id, { worker: w, resolve, reject });
    // Held while a run is out: an idle thread never keeps the process alive, a busy one must.
    w.ref();
    w.postMessage({ id, texts: inputs.texts, textAt: inputs.textAt, hashes: inputs.hashes, previous: Buffer.from(previous) });
  });
}
