// The vote route reads the session cookie itself (lib/auth/session-token.ts); next-auth sets it. This
// signs in through next-auth's own handler in every deployment mode and checks that the cookie it
// set is the one the route reads: on Vercel with no NEXTAUTH_URL, next-auth sets
// __Secure-next-auth.session-token, which a rule based on NEXTAUTH_URL alone never looked for.
import { randomBytes } from "node:crypto";
import { createRequire } from "node:module";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { authOptions } from "@/lib/auth/auth";
import { resetEnvForTests } from "@/lib/server/env";
import { sessionUserId } from "@/lib/auth/session-token";
import { sessionCookieName, usesSecureCookies } from "./session-cookie";

// next-auth's request handler itself (core/index.js), which its route handler wraps; the package
// does not export the path, so it is loaded by file.
type AuthResponse = { body?: unknown; cookies?: unknown[] };
const { AuthHandler } = createRequire(import.meta.url)(path.join(process.cwd(), "node_modules/next-auth/core/index.js")) as {
  AuthHandler: (params: { req: Request; options: typeof authOptions }) => Promise<AuthResponse>;
};

const VARS = ["NEXTAUTH_URL", "VERCEL", "AUTH_TRUST_HOST"] as const;
const saved = Object.fromEntries(VARS.map((v) => [v, process.env[v]]));

afterEach(() => {
  for (const v of VARS) {
    if (saved[v] === undefined) delete process.env[v];
    else Object.assign(process.env, { [v]: saved[v] });
  }
  resetEnvForTests();
});

function setMode(vars: Readonly<Record<string, string>>) {
  for (const v of VARS) delete process.env[v];
  Object.assign(process.env, vars);
  resetEnvForTests();
}

type Cookie = { name: string; value: string; options?: { secure?: boolean } };

/** GET csrf, then POST the participant credentials, through next-auth's core as a proxy would pass them. */
async function signInThroughNextAuth(host: string, headers: Record<string, string>): Promise<{ cookies: Cookie[]; userId: number }> {
  const base = `http://${host}/api/auth`;
  const csrf = await AuthHandler({ req: new Request(`${base}/csrf`, { headers: { host, ...headers } }), options: authOptions });
  const csrfCookies = (csrf.cookies ?? []) as Cookie[];
  const token = (csrf.body as { csrfToken: string }).csrfToken;
  const cookieHeader = csrfCookies.map((c) => `${c.name}=${c.value}`).join("; ");
  const participantId = `cookie-${randomBytes(5).toString("hex")}`;
  const res = await AuthHandler({
    req: new Request(`${base}/callback/participant`, {
      method: "POST",
      headers: { host, "content-type": "application/json", cookie: cookieHeader, ...headers },
      body: JSON.stringify({ csrfToken: token, participantId, json: "true" }),
    }),
    options: authOptions,
  });
  const cookies = (res.cookies ?? []) as Cookie[];
  const { db } = await import("@/lib/server/db");
  const user = await db.user.findUniqueOrThrow({ where: { participantId }, select: { id: true } });
  return { cookies, userId: user.id };
}

describe("the session cookie's name follows next-auth's own rule", () => {
  it.each([
    ["http NEXTAUTH_URL", { NEXTAUTH_URL: "http://app.test" }, {}, "next-auth.session-token"],
    ["https NEXTAUTH_URL", { NEXTAUTH_URL: "https://app.test" }, {}, "__Secure-next-auth.session-token"],
    [
      "Vercel, no NEXTAUTH_URL, https at the edge",
      { VERCEL: "1" },
      { "x-forwarded-proto": "https", "x-forwarded-host": "app.test" },
      "__Secure-next-auth.session-token",
    ],
    [
      "Vercel, no NEXTAUTH_URL, no protocol header",
      { VERCEL: "1" },
      { "x-forwarded-host": "app.test" },
      "__Secure-next-auth.session-token",
    ],
    [
      "a trusted proxy speaking http",
      { AUTH_TRUST_HOST: "true" },
      { "x-forwarded-proto": "http", "x-forwarded-host": "app.test" },
      "next-auth.session-token",
    ],
    [
      "a trusted https proxy",
      { AUTH_TRUST_HOST: "true" },
      { "x-forwarded-proto": "https", "x-forwarded-host": "app.test" },
      "__Secure-next-auth.session-token",
    ],
    ["nothing configured (development)", {}, {}, "next-auth.session-token"],
  ] as const)("%s", async (_label, vars, headers, expected) => {
    setMode(vars);
    const { cookies, userId } = await signInThroughNextAuth("app.test", headers);
    const session = cookies.find((c) => c.name.endsWith("next-auth.session-token"));
    expect(session?.name).toBe(expected);
    expect(session?.options?.secure ?? false).toBe(expected.startsWith("__Secure-"));

    // Our one rule names the same cookie, and the vote route's reader finds the user in it.
    const { getEnv } = await import("@/lib/server/env");
    const reqHeaders = new Headers({ ...headers, cookie: `${session!.name}=${session!.value}` });
    expect(sessionCookieName(getEnv(), reqHeaders)).toBe(expected);
    expect(usesSecureCookies(getEnv(), reqHeaders)).toBe(expected.startsWith("__Secure-"));
    expect(await sessionUserId(new Request("http://app.test/api/vote", { headers: reqHeaders }))).toBe(userId);

    // And only that cookie: the other name carrying the same token is not a session here.
    const other = expected.startsWith("__Secure-") ? "next-auth.session-token" : "__Secure-next-auth.session-token";
    const wrong = new Headers({ ...headers, cookie: `${other}=${session!.value}` });
    expect(await sessionUserId(new Request("http://app.test/api/vote", { headers: wrong }))).toBeNull();
  });
});
