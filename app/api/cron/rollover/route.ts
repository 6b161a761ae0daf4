import { createHash, timingSafeEqual } from "node:crypto";
import { z } from "zod";
import { getEnv } from "@/lib/server/env";
import { errorResponse, jsonError } from "@/lib/server/http";
import { runRollover } from "@/lib/rollover/rollover";
import { log } from "@/lib/server/log";

export const dynamic = "force-dynamic";

/**
 * Exactly what Vercel Cron sends: "Bearer", one space, the secret (no whitespace in it). The
 * scheme is matched case-sensitively and nothing else is tolerated ("bearer x", "Bearer  x",
 * "Basic x" are refused): the only callers are our scheduler and our docs, so the strict form
 * costs nothing and leaves no lenient parsing to get wrong.
 */
const authorizationSchema = z
  .string()
  .max(1024)
  .regex(/^Bearer \S+$/)
  .transform((v) => v.slice("Bearer ".length));

const sha256 = (s: string) => createHash("sha256").update(s, "utf8").digest();

/**
 * Whether the request carries the configured CRON_SECRET. Both sides are hashed first so the
 * constant-time comparison always sees equal lengths and the secret's length does not leak.
 * With no CRON_SECRET configured nothing is accepted, on Vercel or anywhere else.
 */
function authorized(req: Request): boolean {
  const secret = getEnv().CRON_SECRET;
  if (!secret) {
    log.warn("cron call refused: CRON_SECRET is not configured");
    return false;
  }
  const parsed = authorizationSchema.safeParse(req.headers.get("authorization"));
  return parsed.success && timingSafeEqual(sha256(parsed.data), sha256(secret));
}

/**
 * GET with `Authorization: Bearer <CRON_SECRET>` (Vercel Cron, or any scheduler): runs the daily
 * rollover and answers with the days it closed, or, when it closed none, why (`idle`: the open day
 * has not ended, and when it will; no day is open; days out of order). The request supplies no
 * time: "today" is always the server's clock in APP_TIME_ZONE.
 */
export async function GET(req: Request) {
  try {
    if (!authorized(req)) return jsonError(req, "UNAUTHORIZED");
    return Response.json(await runRollover(), { headers: { "Cache-Control": "no-store" } });
  } catch (err) {
    return errorResponse(err, req, "GET /api/cron/rollover");
  }
}
