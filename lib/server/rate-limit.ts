import "server-only";
import type { PoolConnection } from "mariadb";
import { now } from "@/lib/server/clock";
import { withConnection } from "@/lib/server/db";
import { getEnv } from "@/lib/server/env";
import { detail } from "@/lib/server/error-codes";
import { ActionError } from "@/lib/server/errors";

/**
 * Request limits per user and per network address, counted in the database so every app
 * instance (Vercel functions, nodes behind a load balancer) sees the same counts.
 *
 * Fixed windows: simple, one row per bucket, and at worst twice the limit across a window edge,
 * which is fine for abuse control. Per-address limits are generous because a whole lab or
 * classroom may share one address; per-user limits do the real work.
 */
export const LIMITS = {
  signIn: { user: { hits: 10, windowS: 60 }, addr: { hits: 100, windowS: 60 }, refusal: "TOO_MANY_SIGN_INS" },
  generate: { user: { hits: 6, windowS: 60 }, addr: { hits: 60, windowS: 60 }, refusal: "TOO_MANY_GENERATIONS" },
  vote: { user: { hits: 120, windowS: 60 }, addr: { hits: 1200, windowS: 60 }, refusal: "TOO_MANY_VOTES" },
  flag: { user: { hits: 10, windowS: 60 }, addr: { hits: 100, windowS: 60 }, refusal: "TOO_MANY_FLAGS" },
} as const;

export type LimitName = keyof typeof LIMITS;

/** A limit was reached: RATE_LIMITED, saying which limit and when to try again. */
export class RateLimitError extends ActionError {
  constructor(
    readonly retryAfterS: number,
    limit: LimitName,
  ) {
    super("RATE_LIMITED", { detail: detail(LIMITS[limit].refusal, { seconds: retryAfterS }) });
    this.name = "RateLimitError";
  }
}

/**
 * The client's address from X-Forwarded-For: the entry TRUSTED_PROXY_HOPS from the right, i.e.
 * the address the outermost proxy we trust saw. `next start` fills the header with the socket's
 * address when no proxy set it. Falls back to "unknown" (one shared bucket) rather than no limit.
 */
export function clientAddress(headers: Headers): string {
  const hops = getEnv().TRUSTED_PROXY_HOPS;
  const chain = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  const addr = chain[Math.max(0, chain.length - hops)] ?? headers.get("x-real-ip") ?? "unknown";
  return addr.slice(0, 64);
}

/**
 * Counts one request of `name` against the user (when known) and the address, and throws
 * RateLimitError when either is over its limit.
 *
 * One upsert per bucket, which also hands back the bucket's new count: LAST_INSERT_ID(expr)
 * puts the value in the statement's OK packet (insertId), so each request learns its own
 * position in the window atomically, and at most `hits` requests per window pass however many
 * arrive at once. Plain MySQL, so it works on any MySQL-compatible managed database.
 */
export async function takeRateLimit(name: LimitName, who: { userKey?: string | number | null; address: string }): Promise<void> {
  return withConnection((conn) => countRequest(conn, name, who));
}

/**
 * takeRateLimit on a connection the caller holds (the vote route counts on its transaction's
 * connection, ahead of the transaction). Every bucket's statement is issued before the first
 * answer is awaited, so the driver sends them together (see rawTransaction's `before`).
 */
export async function countRequest(
  conn: PoolConnection,
  name: LimitName,
  who: { userKey?: string | number | null; address: string },
): Promise<void> {
  const limit = LIMITS[name];
  const scale = getEnv().RATE_LIMIT_SCALE;
  const at = now().getTime();
  const buckets: { key: string; hits: number; windowS: number }[] = [{ key: `${name}:addr:${who.address}`, ...limit.addr }];
  if (who.userKey != null && who.userKey !== "") buckets.push({ key: `${name}:user:${String(who.userKey).slice(0, 100)}`, ...limit.user });

  // A row from an earlier window starts again at 1; an instance whose clock lags slightly cannot
  // move a window back (GREATEST). Assignments run left to right, so the IF still sees the old
  // windowStart.
  const pending = buckets.map(
    (b) =>
      conn.query(
        `INSERT INTO RateLimit (bucket, windowStart, hits) VALUES (?, ?, LAST_INSERT_ID(1))
         ON DUPLICATE KEY UPDATE hits = LAST_INSERT_ID(IF(windowStart >= VALUES(windowStart), hits + 1, 1)), windowStart = GREATEST(windowStart, VALUES(windowStart))`,
        [b.key, new Date(Math.floor(at / (b.windowS * 1000)) * b.windowS * 1000)],
      ) as Promise<{ insertId: bigint | number }>,
  );
  const counts = (await Promise.all(pending)).map((res) => Number(res.insertId));

  let retryAfterS = 0;
  buckets.forEach((b, i) => {
    if (counts[i]! <= b.hits * scale) return;
    const ends = (Math.floor(at / (b.windowS * 1000)) + 1) * b.windowS * 1000;
    retryAfterS = Math.max(retryAfterS, Math.max(1, Math.ceil((ends - at) / 1000)));
  });
  if (retryAfterS > 0) throw new RateLimitError(retryAfterS, name);
}

/** Deletes counters whose window ended more than a day ago (called by the rollover). */
export async function pruneRateLimits(): Promise<number> {
  const before = new Date(now().getTime() - 86_400_000);
  return withConnection(async (conn) => {
    const res = (await conn.query("DELETE FROM RateLimit WHERE windowStart < ?", [before])) as { affectedRows: number };
    return res.affectedRows;
  });
}
