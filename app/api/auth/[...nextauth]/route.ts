import NextAuth from "next-auth";
import { errorTextIn } from "@/i18n/error-translator";
import { localeOfRequest } from "@/i18n/locales";
import { authOptions } from "@/lib/auth/auth";
import { encodeDetail } from "@/lib/auth/sign-in-error";
import { RateLimitError, clientAddress, takeRateLimit } from "@/lib/server/rate-limit";
import { getEnv } from "@/lib/server/env";

const handler = NextAuth(authOptions);

type Ctx = { params: Promise<{ nextauth: string[] }> };

/**
 * Sign-in attempts (the participant-id callback and the start of an OAuth sign-in) are rate
 * limited per address and per participant id before next-auth sees them. A refusal is a 429
 * whose body next-auth's client reads like its own: `url` carries the refusal's code and values as
 * `error`, which the sign-in forms put into words; `error.message` is in the request's language.
 */
async function POST(req: Request, ctx: Ctx) {
  const [kind, provider] = (await ctx.params).nextauth;
  if (kind === "callback" || kind === "signin") {
    let participantId: string | null = null;
    if (kind === "callback" && provider === "participant") {
      const form = await req
        .clone()
        .formData()
        .catch(() => null);
      const value = form?.get("participantId");
      participantId = typeof value === "string" ? value.trim().slice(0, 64) : null;
    }
    try {
      await takeRateLimit("signIn", { userKey: participantId, address: clientAddress(req.headers) });
    } catch (err) {
      if (!(err instanceof RateLimitError)) throw err;
      const base = getEnv().NEXTAUTH_URL ?? new URL(req.url).origin;
      const url = `${base}/signin?error=${encodeURIComponent(encodeDetail(err.detail))}`;
      const message = errorTextIn(localeOfRequest(req))(err.detail);
      return Response.json(
        { url, error: { code: err.code, message, retryAfterS: err.retryAfterS } },
        { status: 429, headers: { "Retry-After": String(err.retryAfterS), "Cache-Control": "no-store" } },
      );
    }
  }
  return handler(req, ctx);
}

export { handler as GET, POST };
