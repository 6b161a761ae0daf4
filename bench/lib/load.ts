// The vote load both servers get: autocannon with one connection per voter, each connection
// sending only its own voter's credentials (a session cookie, or the baseline's x-user-id), and
// every request a vote on a random image with a random value in {1, -1, 0}.
import autocannon from "autocannon";
import type { Pool } from "mariadb";

export type LoadResult = {
  requests: number;
  reqPerSec: number;
  p50: number;
  p99: number;
  non2xx: number;
  /** Connection errors, timeouts included. */
  errors: number;
  statuses: string;
};

const VALUES = [1, -1, 0] as const;

/**
 * Runs POST /api/vote for `seconds` with one connection per entry of `credentials`: as fast as the
 * server answers, or at a fixed `rate` (requests per second in all, an open loop: latency counts
 * from when each vote was due, so a stalled server cannot hide its stall).
 */
export function voteLoad(
  baseUrl: string,
  credentials: Record<string, string>[],
  imageIds: number[],
  seconds: number,
  opts: { rate?: number } = {},
): Promise<LoadResult> {
  let next = 0;
  return new Promise((resolve, reject) => {
    autocannon(
      {
        url: baseUrl,
        connections: credentials.length,
        duration: seconds,
        timeout: 30,
        ...(opts.rate ? { overallRate: opts.rate } : {}),
        // Each connection is created once; it takes the next voter's credentials for good, so
        // no voter ever has two votes in flight (as with one person clicking).
        setupClient(client) {
          // Origin: the route takes votes only from the app's own pages, as a browser shows them.
          const headers = {
            "Content-Type": "application/json",
            Origin: new URL(baseUrl).origin,
            ...credentials[next++ % credentials.length],
          };
          client.setRequests([
            {
              method: "POST",
              path: "/api/vote",
              headers,
              setupRequest(req) {
                const imageId = imageIds[Math.floor(Math.random() * imageIds.length)];
                const value = VALUES[Math.floor(Math.random() * VALUES.length)];
                return { ...req, body: JSON.stringify({ imageId, value, position: 0 }) };
              },
            },
          ]);
        },
      },
      (err, r) => {
        if (err) return reject(err);
        const statuses = Object.entries(r.statusCodeStats)
          .map(([code, { count }]) => `${code}: ${count}`)
          .join(", ");
        const requests = r.requests.total ?? 0;
        resolve({
          requests,
          reqPerSec: requests / r.duration,
          p50: r.latency.p50,
          p99: r.latency.p99,
          non2xx: r.non2xx,
          errors: r.errors,
          statuses,
        });
      },
    );
  });
}

/**
 * Waits until the votes stop changing. When autocannon stops, a loaded server still has up to one
 * request per connection queued; a reset made before those land would leave votes whose counters
 * were computed before it (a benchmark artefact, not a bug in the server).
 */
export async function waitForQuiet(pool: Pool, database: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = "";
  let stableSince = Date.now();
  while (Date.now() < deadline) {
    const [state] = (await pool.query(
      `SELECT (SELECT COUNT(*) FROM Vote) AS votes, (SELECT COALESCE(SUM(upvotes + downvotes), 0) FROM Image) AS counted,
              (SELECT COUNT(*) FROM information_schema.PROCESSLIST WHERE DB = ? AND COMMAND <> 'Sleep' AND ID <> CONNECTION_ID()) AS busy`,
      [database],
    )) as { votes: bigint; counted: bigint | string; busy: bigint }[];
    const now = `${state?.votes}/${state?.counted}`;
    if (now !== last || Number(state?.busy ?? 0) > 0) {
      last = now;
      stableSince = Date.now();
    } else if (Date.now() - stableSince >= 1500) {
      return;
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`votes were still changing ${timeoutMs / 1000} s after the load stopped`);
}

/** Images whose upvotes/downvotes differ from a recount of their Vote rows (0 = exact). */
export async function counterMismatches(pool: Pool): Promise<number> {
  const rows = (await pool.query(
    `SELECT COUNT(*) AS n FROM Image i
     LEFT JOIN (SELECT imageId, SUM(value = 1) AS up, SUM(value = -1) AS down FROM Vote GROUP BY imageId) v ON v.imageId = i.id
     WHERE i.upvotes <> COALESCE(v.up, 0) OR i.downvotes <> COALESCE(v.down, 0)`,
  )) as { n: bigint | number }[];
  return Number(rows[0]?.n ?? 0);
}

export async function voteCount(pool: Pool): Promise<number> {
  const rows = (await pool.query("SELECT COUNT(*) AS n FROM Vote")) as { n: bigint | number }[];
  return Number(rows[0]?.n ?? 0);
}
