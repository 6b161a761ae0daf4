import "server-only";
import { getToken } from "next-auth/jwt";
import { getEnv } from "@/lib/server/env";
import { sessionCookieName, usesSecureCookies } from "@/lib/security/session-cookie";

/** The request's cookies as name → value, from its Cookie header. */
function cookieMap(headers: Headers): Map<string, string> {
  const out = new Map<string, string>();
  for (const part of (headers.get("cookie") ?? "").split(";")) {
    const eq = part.indexOf("=");
    if (eq > 0) out.set(part.slice(0, eq).trim(), decodeURIComponent(part.slice(eq + 1).trim()));
  }
  return out;
}

/**
 * The signed-in user's id from the session cookie alone: the JWT is verified and decoded, with no
 * database read and none of getServerSession's per-call setup. For the hottest JSON route (votes),
 * whose transaction reads the user row anyway and refuses a banned or missing one there.
 * The cookie is read under the name next-auth gave it on this request (lib/security/session-cookie).
 */
export async function sessionUserId(req: Request): Promise<number | null> {
  const env = getEnv();
  const token = await getToken({
    req: { cookies: cookieMap(req.headers), headers: req.headers } as unknown as Parameters<typeof getToken>[0]["req"],
    secret: env.NEXTAUTH_SECRET,
    secureCookie: usesSecureCookies(env, req.headers),
    cookieName: sessionCookieName(env, req.headers),
  });
  const uid = token?.uid;
  return typeof uid === "number" && Number.isInteger(uid) && uid > 0 ? uid : null;
}
