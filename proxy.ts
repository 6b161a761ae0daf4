import { type NextRequest, NextResponse } from "next/server";
import { getEnv } from "@/lib/server/env";
import { pageCsp } from "@/lib/security/csp";
import { getStorage } from "@/lib/storage";
import { log } from "@/lib/server/log";

/**
 * Where the storage's URLs point, as the storage itself builds them (cached after the first
 * call). If that fails, pictures could not get URLs either; the page still renders, without them.
 */
async function imageOrigins(): Promise<string[]> {
  try {
    return await getStorage().origins();
  } catch (err) {
    log.error("storage origins unavailable", err);
    return [];
  }
}

/**
 * Pages get a Content-Security-Policy with a fresh nonce per request. The policy goes on the
 * request too: Next reads the nonce from there and puts it on every script it renders. Routes
 * that are not pages (API, files, build assets) get a fixed policy from next.config.ts instead,
 * and stay out of this function's per-request work.
 */
export async function proxy(request: NextRequest) {
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
  const csp = pageCsp(getEnv(), nonce, await imageOrigins());
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("content-security-policy", csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("content-security-policy", csp);
  return response;
}

export const config = {
  matcher: [
    {
      source: "/((?!api/|files/|_next/static|_next/image|icon\\.svg|favicon\\.ico|robots\\.txt).*)",
      // Prefetches are answered from the page's own response; they need no policy of their own.
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
