// The part of autocannon's API that bench/load.ts uses (the package ships no types).
declare module 'autocannon' {
  namespace autocannon {
    interface Request { method?: string; path?: string; headers?: Record<string, string>; body?: string }
    interface RequestSpec { setupRequest?: (req: Request, context: Record<string, unknown>) => Request }
    interface Options { url: string; connections: number; duration: number; requests?: RequestSpec[] }
    interface Result {
      requests: { average: number; total: number };
      latency: { p50: number; p99: number };
      non2xx: number;
      errors: number;
      timeouts: number;
      statusCodeStats: Record<string, { count: number }>;
    }
  }
  function autocannon(options: autocannon.Options): Promise<autocannon.Result>;
  export default autocannon;
}
