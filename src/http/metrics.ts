// Prometheus metrics (`/metrics`), one registry per server. No label ever carries personal data:
// routes are their patterns (`/api/v1/persons/:personId`, never the URL with the id), statuses
// their class, the access log its action, verification the CPAS code (an institution).
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { METHODS } from 'node:http';
import { watchAccessLogAppends } from '../app/watch-access-log.ts';

const KNOWN_METHODS = new Set(METHODS);

export interface Metrics {
  readonly registry: Registry;
  /** One answered request: its route pattern (undefined when no route matched), status and duration. */
  observeRequest(method: string, route: string | undefined, status: number, seconds: number): void;
  /** The outcome of a verification of one CPAS's chain (the hourly one of `serve`). */
  recordVerification(cpasCode: string, intact: boolean, entries: number): void;
  /** Stops counting this process's appends (the server closed). */
  dispose(): void;
}

export function createMetrics(): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'confiance_' });
  const latency = new Histogram({
    name: 'confiance_http_request_duration_seconds',
    help: 'Time to answer a request, by method, route pattern and status class',
    labelNames: ['method', 'route', 'status_class'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const appends = new Counter({
    name: 'confiance_access_log_appends_total',
    help: 'Access-log entries appended by this process, by action (a rolled-back transaction takes its entry with it but is counted)',
    labelNames: ['action'] as const,
    registers: [registry],
  });
  const intact = new Gauge({
    name: 'confiance_access_log_chain_intact',
    help: '1 when the last verification of the CPAS access-log chain found it intact, 0 when it found a break',
    labelNames: ['cpas'] as const,
    registers: [registry],
  });
  const verified = new Gauge({
    name: 'confiance_access_log_verified_entries',
    help: 'Entries of the CPAS access-log chain covered by its last verification',
    labelNames: ['cpas'] as const,
    registers: [registry],
  });
  const stopWatching = watchAccessLogAppends((action) => appends.inc({ action }));
  return {
    registry,
    observeRequest(method, route, status, seconds) {
      latency.observe({
        method: KNOWN_METHODS.has(method) ? method : 'OTHER',
        // A URL no route matched is whatever the client typed (an id, a name): never a label.
        route: route ?? 'unmatched',
        status_class: `${Math.floor(status / 100)}xx`,
      }, seconds);
    },
    recordVerification(cpasCode, ok, entries) {
      intact.set({ cpas: cpasCode }, ok ? 1 : 0);
      verified.set({ cpas: cpasCode }, entries);
    },
    dispose: stopWatching,
  };
}
