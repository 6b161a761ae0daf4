// The one rule for the session cookie's name and Secure flag. next-auth v4 decides it per request
// (core/index.js + utils/detect-origin.js): an https NEXTAUTH_URL; else, on Vercel or with
// AUTH_TRUST_HOST, the X-Forwarded-Proto the proxy sent (anything but "http" counts as https);
// else plain http. Every reader of the cookie outside next-auth must follow the same rule, or an
// https deployment without NEXTAUTH_URL reads a cookie name next-auth never set.
import type { Env } from "@/lib/server/env";

export const SECURE_SESSION_COOKIE = "__Secure-next-auth.session-token";
export const PLAIN_SESSION_COOKIE = "next-auth.session-token";

type CookieEnv = Pick<Env, "NEXTAUTH_URL" | "VERCEL" | "AUTH_TRUST_HOST">;

/** Whether next-auth serves this request with Secure (__Secure-) cookies. */
export function usesSecureCookies(env: CookieEnv, headers: Headers): boolean {
  if (env.NEXTAUTH_URL) return env.NEXTAUTH_URL.startsWith("https://");
  if (env.VERCEL || env.AUTH_TRUST_HOST) return headers.get("x-forwarded-proto") !== "http";
  return false;
}

/** The name next-auth gives the session cookie on this request. */
export function sessionCookieName(env: CookieEnv, headers: Headers): string {
  return usesSecureCookies(env, headers) ? SECURE_SESSION_COOKIE : PLAIN_SESSION_COOKIE;
}

/**
 * Whether the app's public origin is https whatever the request says (an https NEXTAUTH_URL), for
 * settings fixed at start-up such as cookies that must be SameSite=None inside a frame.
 */
export function configuredHttps(env: Pick<Env, "NEXTAUTH_URL">): boolean {
  return env.NEXTAUTH_URL?.startsWith("https://") ?? false;
}
