// Stopping the server without cutting anyone off: no new connection is accepted, requests under
// way are answered (a note being saved is saved and acknowledged), then the caller closes the
// database. A request that still runs after the grace delay is cut: a stuck client must not keep
// a deployment from finishing.
import type { FastifyInstance } from 'fastify';

export const SHUTDOWN_GRACE_MS = 25_000;

export async function closeGracefully(app: FastifyInstance, graceMs = SHUTDOWN_GRACE_MS): Promise<void> {
  const cut = setTimeout(() => app.server.closeAllConnections(), graceMs);
  // A keep-alive connection whose request finishes after the close began turns idle, and would
  // hold the close until the grace delay: closed as soon as it is idle.
  const sweep = setInterval(() => app.server.closeIdleConnections(), 100);
  try {
    // Fastify stops listening, answers 503 to requests that arrive on open connections, closes idle
    // keep-alive connections and waits for the requests under way.
    await app.close();
  } finally {
    clearTimeout(cut);
    clearInterval(sweep);
  }
}
