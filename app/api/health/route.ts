import { db, lastConnectionError, probeConnection } from "@/lib/server/db";
import { describeConnectionError } from "@/lib/server/db-errors";
import { parseDatabaseUrl } from "@/lib/server/db-url";
import { getEnv } from "@/lib/server/env";
import { getStorage } from "@/lib/storage";
import { log } from "@/lib/server/log";

export const dynamic = "force-dynamic";

/** A check that does not answer within this is reported down: a hung database is a down one. */
const CHECK_TIMEOUT_MS = 3000;

function within<T>(p: Promise<T>, ms: number): Promise<T> {
  return Promise.race([p, new Promise<never>((_, reject) => setTimeout(() => reject(new Error("timed out")), ms).unref())]);
}

/**
 * For load balancers and uptime checks: 200 when the database and storage answer, else 503 with
 * the reason an operator can act on (TLS refused, a certificate not trusted, access denied), in
 * our own words: never a driver message, which can carry user names and addresses.
 */
export async function GET() {
  const checks = await Promise.allSettled([
    within(db.$queryRaw`SELECT 1`, CHECK_TIMEOUT_MS),
    within(getStorage().check(), CHECK_TIMEOUT_MS),
  ]);
  const [database, storage] = checks.map((c) => (c.status === "fulfilled" ? "ok" : "down"));
  const ok = database === "ok" && storage === "ok";
  const reasons: Record<string, string> = {};
  if (checks[0].status === "rejected") {
    // A pool that cannot connect keeps retrying, so the query only ever sees a timeout: one
    // connection opened on its own says why.
    const tls = parseDatabaseUrl(getEnv().DATABASE_URL).tls !== "off";
    const cause = (await probeConnection(CHECK_TIMEOUT_MS)) ?? lastConnectionError() ?? checks[0].reason;
    reasons.database = describeConnectionError(cause, tls);
  }
  if (!ok) log.error("health check failed", undefined, { database, storage, reasons });
  return Response.json(
    { ok, database, storage, ...(ok ? {} : { reasons }) },
    { status: ok ? 200 : 503, headers: { "Cache-Control": "no-store" } },
  );
}
