import { db } from "@/lib/db";
import { getStorage } from "@/lib/storage";

export const dynamic = "force-dynamic";

/** A check that does not answer within this is reported down: a hung database is a down one. */
const CHECK_TIMEOUT_MS = 3000;

function within<T>(p: Promise<T>, ms: number): Promise<T> {
  return Promise.race([p, new Promise<never>((_, reject) => setTimeout(() => reject(new Error("timed out")), ms).unref())]);
}

/** For load balancers and uptime checks: 200 when the database and storage answer, else 503. */
export async function GET() {
  const checks = await Promise.allSettled([within(db.$queryRaw`SELECT 1`, CHECK_TIMEOUT_MS), within(getStorage().check(), CHECK_TIMEOUT_MS)]);
  const [database, storage] = checks.map((c) => (c.status === "fulfilled" ? "ok" : "down"));
  const ok = database === "ok" && storage === "ok";
  if (!ok) console.error(JSON.stringify({ level: "error", msg: "health check failed", database, storage }));
  return Response.json({ ok, database, storage }, { status: ok ? 200 : 503, headers: { "Cache-Control": "no-store" } });
}
