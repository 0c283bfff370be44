// Threads that run the checks of entry-check.ts on runs of the access log while the main thread
// reads the next runs (app/chain-feed.ts): the hashes and the column check are most of the
// verification's work (bench/access-log.ts), and other cores do them beside the reading.
// Runs are dealt out in turn; the threads are started on first use and stopped after a minute
// without work (each holds about 30 MB: `serve` verifies once an hour), never keeping the process
// alive while idle. The thread's code is TypeScript, run through tsx (a dependency: the
// app always runs under it), registered in the thread before its body is imported.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { RunRows } from './entry-check.ts';

const TSX = import.meta.resolve('tsx/esm/api');
const BODY = new URL('./entry-check-worker.ts', import.meta.url).href;
const BOOT = `import(${JSON.stringify(TSX)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(BODY)}); });`;

/**
 * Two threads, three on machines with four cores or more: the reading thread sets the pace beyond
 * that. On two cores, two threads verified a fifth faster than one (bench/access-log.ts: ×2.1
 * against ×2.6 of SHA-256 with a Buffer digest), the database sharing the cores.
 */
const THREADS = Math.min(3, Math.max(2, availableParallelism() - 1));
const workers: (Worker | null)[] = Array.from({ length: THREADS }, () => null);
let nextId = 0;
interface Checked {
  readonly failing: number;
  readonly bytes: Uint8Array;
  readonly rowAt: Int32Array;
}
const waiting = new Map<number, { worker: Worker; resolve: (checked: Checked) => void; reject: (error: Error) => void }>();
const IDLE_MS = 60_000;
const idle: (NodeJS.Timeout | null)[] = Array.from({ length: THREADS }, () => null);

function started(slot: number): Worker {
  const existing = workers[slot];
  if (existing) return existing;
  const w = new Worker(BOOT, { eval: true, execArgv: [] });
  w.on('message', ({ id, ...checked }: Checked & { id: number }) => {
    waiting.get(id)?.resolve(checked);
    waiting.delete(id);
    if ([...waiting.values()].some((job) => job.worker === w)) return;
    w.unref();
    idle[slot] = setTimeout(() => {
      // Out of the slot first: a run sent meanwhile starts a new thread instead of reaching this one.
      if (workers[slot] === w) workers[slot] = null;
      void w.terminate();
    }, IDLE_MS).unref();
  });
  const fail = (error: Error) => {
    for (const [id, job] of waiting) {
      if (job.worker !== w) continue;
      job.reject(error);
      waiting.delete(id);
    }
    if (workers[slot] === w) workers[slot] = null;
  };
  w.on('error', fail);
  w.on('exit', (code) => fail(new Error(`entry-check thread stopped (${code})`)));
  workers[slot] = w;
  return w;
}

/** How many checking threads are running now (they stop when idle). */
export const runningThreads = () => workers.filter((w) => w !== null).length;

/**
 * How many entries of the run fail the checks of entry-check.ts, counted in a thread, and the run
 * back. The run's two buffers are moved to the thread (transferred, not copied) and back: they
 * must each span an ArrayBuffer of their own, and the run given is unusable from the call on;
 * use the one returned. `previous` is the stored chain hash the first entry follows, `start` how
 * every text of the CPAS begins.
 */
export function checkRunInThread<R extends RunRows>(run: R, previous: Buffer, start: Buffer): Promise<{ failing: number; run: R }> {
  if (run.length === 0) return Promise.resolve({ failing: 0, run });
  for (const view of [run.bytes, run.rowAt]) {
    if (view.byteOffset !== 0 || view.buffer instanceof SharedArrayBuffer) throw new Error('checkRunInThread: a run buffer must start an ArrayBuffer of its own');
  }
  const id = nextId++;
  const sent = new Promise<Checked>((resolve, reject) => {
    const slot = id % THREADS;
    const w = started(slot);
    if (idle[slot]) clearTimeout(idle[slot]);
    idle[slot] = null;
    waiting.set(id, { worker: w, resolve, reject });
    // Held while a run is out: an idle thread never keeps the process alive, a busy one must.
    w.ref();
    const job = { id, bytes: run.bytes, rowAt: run.rowAt, length: run.length, afterSeq: run.afterSeq, previous: Buffer.from(previous), start: Buffer.from(start) };
    w.postMessage(job, [run.bytes.buffer as ArrayBuffer, run.rowAt.buffer as ArrayBuffer]);
  });
  return sent.then(({ failing, bytes, rowAt }) => ({
    failing,
    run: { ...run, bytes: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), rowAt },
  }));
}
