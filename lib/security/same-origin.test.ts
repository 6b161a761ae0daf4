// Which requests count as coming from the app's own pages. A cross-site form or fetch with
// Content-Type text/plain needs no CORS preflight (Fetch standard, "CORS-safelisted request
// header"), so the browser sends it, cookies and all: the Origin check is what stops it.
import { describe, expect, it } from "vitest";
import { ActionError } from "@/lib/server/errors";
import { assertSameOriginJson } from "./same-origin";

type Env = Parameters<typeof assertSameOriginJson>[0];
const direct: Env = { NEXTAUTH_URL: "https://patchwork.example.org", VERCEL: false, AUTH_TRUST_HOST: false };
const vercel: Env = { NEXTAUTH_URL: undefined, VERCEL: true, AUTH_TRUST_HOST: false };
const dev: Env = { NEXTAUTH_URL: undefined, VERCEL: false, AUTH_TRUST_HOST: false };

function outcome(env: Env, headers: Record<string, string>, url = "http://10.0.0.5:3000/api/vote"): string {
  try {
    assertSameOriginJson(env, new Request(url, { method: "POST", headers: { "content-type": "application/json", ...headers } }));
    return "ok";
  } catch (err) {
    if (err instanceof ActionError) return err.code;
    throw err;
  }
}

describe("assertSameOriginJson", () => {
  it("accepts the configured origin and refuses every other", () => {
    expect(outcome(direct, { origin: "https://patchwork.example.org" })).toBe("ok");
    expect(outcome(direct, { origin: "http://patchwork.example.org" })).toBe("CROSS_ORIGIN"); // scheme differs
    expect(outcome(direct, { origin: "https://patchwork.example.org:8443" })).toBe("CROSS_ORIGIN");
    expect(outcome(direct, { origin: "https://evil.example" })).toBe("CROSS_ORIGIN");
    expect(outcome(direct, { origin: "https://patchwork.example.org.evil.example" })).toBe("CROSS_ORIGIN");
    expect(outcome(direct, { origin: "null" })).toBe("CROSS_ORIGIN");
  });

  it("without NEXTAUTH_URL behind a trusted proxy, reads the forwarded host and protocol as next-auth does", () => {
    const fwd = { "x-forwarded-host": "app.example", "x-forwarded-proto": "https" };
    expect(outcome(vercel, { ...fwd, origin: "https://app.example" })).toBe("ok");
    expect(outcome(vercel, { ...fwd, origin: "http://app.example" })).toBe("CROSS_ORIGIN");
    expect(outcome(vercel, { ...fwd, origin: "https://evil.example" })).toBe("CROSS_ORIGIN");
  });

  it("in development compares the host the browser addressed", () => {
    expect(outcome(dev, { host: "localhost:3000", origin: "http://localhost:3000" })).toBe("ok");
    expect(outcome(dev, { host: "localhost:3000", origin: "http://localhost:3001" })).toBe("CROSS_ORIGIN");
  });

  it("falls back to Sec-Fetch-Site only when the browser sent no Origin", () => {
    expect(outcome(direct, { "sec-fetch-site": "same-origin" })).toBe("ok");
    for (const site of ["cross-site", "same-site", "none"]) expect(outcome(direct, { "sec-fetch-site": site })).toBe("CROSS_ORIGIN");
    // Neither header: no sign this came from one of our pages.
    expect(outcome(direct, {})).toBe("CROSS_ORIGIN");
    // A same-origin claim does not override a foreign Origin.
    expect(outcome(direct, { origin: "https://evil.example", "sec-fetch-site": "same-origin" })).toBe("CROSS_ORIGIN");
  });

  it("takes only application/json bodies", () => {
    const origin = "https://patchwork.example.org";
    expect(outcome(direct, { origin, "content-type": "application/json; charset=utf-8" })).toBe("ok");
    for (const type of ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/jsonp", ""]) {
      expect(outcome(direct, { origin, "content-type": type })).toBe("UNSUPPORTED_MEDIA_TYPE");
    }
  });
});
