import { db } from "@/lib/db";
import { getStorage } from "@/lib/storage";

export const dynamic = "force-dynamic";

/** For load balancers and uptime checks: 200 when the database and storage answer, else 503. */
export async function GET() {
  const checks = await Promise.allSettled([db.$queryRaw`SELECT 1`, getStorage().check()]);
  const [database, storage] = checks.map((c) => (c.status === "fulfilled" ? "ok" : "down"));
  const ok = database === "ok" && storage === "ok";
  return Response.json({ ok, database, storage }, { status: ok ? 200 : 503, headers: { "Cache-Control": "no-store" } });
}
