// The part of autocannon 8's programmatic API the benchmarks use (the package ships no types, and
// @types/autocannon would be a second dependency for a few lines). See its README, "API".
declare module "autocannon" {
  import type { EventEmitter } from "node:events";

  namespace autocannon {
    type Headers = Record<string, string>;

    /** The raw request a `setupRequest` receives and returns (changed or not). */
    interface RawRequest {
      method: string;
      path: string;
      headers: Headers;
      body?: string | Buffer;
    }

    interface Request {
      method?: string;
      path?: string;
      headers?: Headers;
      body?: string | Buffer;
      setupRequest?: (req: RawRequest, context: Record<string, unknown>) => RawRequest | null;
    }

    /** One connection; `setupClient` gets each as it is created. */
    interface Client extends EventEmitter {
      setRequests(requests: Request[]): void;
    }

    interface Options {
      url: string;
      connections?: number;
      duration?: number;
      timeout?: number;
      /** Requests per second across all connections (a fixed rate); autocannon then measures latency from when each request was due. */
      overallRate?: number;
      method?: string;
      headers?: Headers;
      requests?: Request[];
      setupClient?: (client: Client) => void;
    }

    /** Percentiles as autocannon reports them (latency in ms, requests per second). */
    interface Histogram {
      average: number;
      mean: number;
      stddev: number;
      min: number;
      max: number;
      /** Completed requests (on `requests` only). */
      total?: number;
      p50: number;
      p90: number;
      p99: number;
    }

    interface Result {
      requests: Histogram;
      latency: Histogram;
      duration: number;
      errors: number;
      timeouts: number;
      non2xx: number;
      "2xx": number;
      statusCodeStats: Record<string, { count: number }>;
    }

    interface Instance extends EventEmitter {
      stop(): void;
    }
  }

  function autocannon(opts: autocannon.Options, cb: (err: Error | null, result: autocannon.Result) => void): autocannon.Instance;
  export = autocannon;
}
