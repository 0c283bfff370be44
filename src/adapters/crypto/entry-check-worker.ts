// The body of a checking thread (entry-check-threads.ts): checks the runs it is sent and answers
// how many entries of each fail (entry-check.ts), with the run's buffers: they are moved here and
// back (transferred), never copied.
import { parentPort } from 'node:worker_threads';
import { countFailingEntries } from './entry-check.ts';

interface Job {
  readonly id: number;
  readonly bytes: Uint8Array;
  readonly rowAt: Int32Array;
  readonly length: number;
  readonly afterSeq: number;
  readonly previous: Uint8Array;
  readonly start: Uint8Array;
}

const port = parentPort;
if (!port) throw new Error('entry-check-worker runs in a worker thread');
port.on('message', (job: Job) => {
  const asBuffer = (u: Uint8Array) => Buffer.from(u.buffer, u.byteOffset, u.byteLength);
  const run = { bytes: asBuffer(job.bytes), rowAt: job.rowAt, length: job.length, afterSeq: job.afterSeq };
  const failing = countFailingEntries(run, job.previous, asBuffer(job.start));
  port.postMessage({ id: job.id, failing, bytes: job.bytes, rowAt: job.rowAt }, [job.bytes.buffer as ArrayBuffer, job.rowAt.buffer as ArrayBuffer]);
});
