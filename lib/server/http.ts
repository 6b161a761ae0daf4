import "server-only";
import type { z } from "zod";
import { AuthError } from "@/lib/auth/auth";
import { ActionError } from "@/lib/server/errors";
import { DB_UNAVAILABLE_MESSAGE, isConnectionError } from "@/lib/server/db-errors";
import { RateLimitError } from "@/lib/server/rate-limit";
import { log } from "@/lib/server/log";

/** HTTP statuses for the error codes domain code throws (route handlers only). */
const STATUS: Record<string, number> = {
  UNAUTHENTICATED: 401,
  BANNED: 403,
  FORBIDDEN: 404,
  OWN_IMAGE: 403,
  NOT_FOUND: 404,
  HIDDEN: 404,
  DAY_CLOSED: 409,
  ALREADY_SUBMITTED: 409,
  QUOTA: 429,
  RATE_LIMITED: 429,
  UNAVAILABLE: 503,
  MISCONFIGURED: 503,
  TIMEOUT: 504,
  INVALID: 400,
  INVALID_MASK: 400,
  TOO_LARGE: 413,
  CROSS_ORIGIN: 403,
  UNSUPPORTED_MEDIA_TYPE: 415,
};

export function jsonError(status: number, code: string, message: string, extra?: Record<string, unknown>) {
  return Response.json({ error: { code, message, ...extra } }, { status, headers: { "Cache-Control": "no-store" } });
}

/**
 * Maps a thrown error to a JSON response; unexpected errors are logged and become a 500. `route`
 * ("POST /api/vote") goes into the log line, so operators can tell where it happened.
 */
export function errorResponse(err: unknown, route?: string): Response {
  if (err instanceof RateLimitError) {
    const res = jsonError(429, err.code, err.message, { retryAfterS: err.retryAfterS });
    res.headers.set("Retry-After", String(err.retryAfterS));
    return res;
  }
  if (err instanceof AuthError || err instanceof ActionError) return jsonError(STATUS[err.code] ?? 400, err.code, err.message);
  if (isConnectionError(err)) {
    log.error("database unavailable", err, { route });
    const res = jsonError(503, "UNAVAILABLE", DB_UNAVAILABLE_MESSAGE);
    res.headers.set("Retry-After", "5");
    return res;
  }
  log.error("route failed", err, { route });
  return jsonError(500, "INTERNAL", "Something went wrong on our side. Please try again.");
}

/**
 * Reads a JSON body of at most `maxBytes` and validates it. Oversized, malformed or invalid
 * bodies become ActionErrors with a specific message.
 */
export async function readJson<S extends z.ZodType>(req: Request, schema: S, maxBytes = 16 * 1024): Promise<z.output<S>> {
  const declared = Number(req.headers.get("content-length") ?? "0");
  if (declared > maxBytes) throw new ActionError(`The request body is too large (at most ${maxBytes} bytes).`, "TOO_LARGE");
  const text = await req.text();
  if (Buffer.byteLength(text) > maxBytes) throw new ActionError(`The request body is too large (at most ${maxBytes} bytes).`, "TOO_LARGE");
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new ActionError("The request body must be JSON.", "INVALID");
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ActionError(`${issue?.path.join(".") || "body"}: ${issue?.message ?? "invalid"}`, "INVALID");
  }
  return parsed.data;
}
