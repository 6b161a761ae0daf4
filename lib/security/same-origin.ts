// Cross-site request forgery on JSON routes. A browser sends cookies with a cross-site POST whose
// Content-Type is text/plain (a "simple" request needs no CORS preflight), and SameSite=None
// cookies (an embedded study) travel with any of them. So a state-changing route accepts only
// application/json from the app's own origin, judged by Origin, or by Sec-Fetch-Site where a
// browser sent no Origin; a request carrying neither is not from a browser page of ours.
import { ActionError } from "@/lib/server/errors";
import type { Env } from "@/lib/server/env";

type OriginEnv = Pick<Env, "NEXTAUTH_URL" | "VERCEL" | "AUTH_TRUST_HOST">;

/**
 * The origin this request was addressed to, by the same rule next-auth uses for its own URLs:
 * NEXTAUTH_URL; else, behind a trusted proxy (Vercel, AUTH_TRUST_HOST), X-Forwarded-Host/-Proto;
 * else the Host header, whose scheme we cannot know (so only the host is compared then).
 */
function expected(env: OriginEnv, req: Request): { origin?: string; host: string } {
  if (env.NEXTAUTH_URL) {
    const u = new URL(env.NEXTAUTH_URL);
    return { origin: u.origin, host: u.host };
  }
  const h = req.headers;
  if (env.VERCEL || env.AUTH_TRUST_HOST) {
    const host = h.get("x-forwarded-host") ?? h.get("host") ?? new URL(req.url).host;
    return { origin: `${h.get("x-forwarded-proto") === "http" ? "http" : "https"}://${host}`, host };
  }
  return { host: h.get("host") ?? new URL(req.url).host };
}

function sameOrigin(env: OriginEnv, req: Request, origin: string): boolean {
  let u: URL;
  try {
    u = new URL(origin);
  } catch {
    return false; // "null" (sandboxed frames, opaque origins) and garbage alike
  }
  const want = expected(env, req);
  return want.origin ? u.origin === want.origin : u.host === want.host;
}

/**
 * Throws unless the request is a JSON request from the app's own pages: 403 CROSS_ORIGIN for
 * another site (or no evidence of ours), 415 UNSUPPORTED_MEDIA_TYPE for any other body type.
 */
export function assertSameOriginJson(env: OriginEnv, req: Request): void {
  const origin = req.headers.get("origin");
  const site = req.headers.get("sec-fetch-site");
  const ours = origin !== null ? sameOrigin(env, req, origin) : site === "same-origin";
  if (!ours) throw new ActionError("CROSS_ORIGIN");
  const type = (req.headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
  if (type !== "application/json") throw new ActionError("UNSUPPORTED_MEDIA_TYPE");
}
