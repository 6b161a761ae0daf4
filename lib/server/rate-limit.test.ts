import { randomBytes } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { setClockForTests } from "./clock";
import { db } from "./db";
import { LIMITS, RateLimitError, clientAddress, pruneRateLimits, takeRateLimit } from "./rate-limit";
import { englishOf } from "@/test/error-text";

const unique = () => randomBytes(6).toString("hex");
// Counters are keyed by user and address, so each test uses its own: files share the database.
const who = () => ({ userKey: `u-${unique()}`, address: `198.51.100.${unique()}` });
const outcome = (p: Promise<void>) =>
  p.then(
    () => "ok" as const,
    (e: unknown) => (e instanceof RateLimitError ? ("limited" as const) : Promise.reject(e)),
  );

// A fixed instant in the middle of a window: a burst must never straddle a window's end here.
beforeEach(() => setClockForTests(() => new Date(Date.UTC(2031, 0, 1, 0, 0, 30))));
afterEach(() => setClockForTests(null));

describe("takeRateLimit", () => {
  it("lets a user make exactly the limit's requests in a window, then refuses with when to retry", async () => {
    const start = new Date(Date.UTC(2031, 4, 6, 12, 0, 15));
    setClockForTests(() => start);
    const me = who();
    for (let i = 0; i < LIMITS.generate.user.hits; i++) await takeRateLimit("generate", me);
    const err = await takeRateLimit("generate", me).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RateLimitError);
    expect((err as RateLimitError).retryAfterS).toBe(45);
    expect(err).toMatchObject({ code: "RATE_LIMITED", detail: { code: "TOO_MANY_GENERATIONS", values: { seconds: 45 } } });
    expect(englishOf(err)).toBe("Too many generations in a short time. Try again in 45 seconds.");
    // Another user at another address is not affected; the next window starts again.
    await expect(takeRateLimit("generate", who())).resolves.toBeUndefined();
    setClockForTests(() => new Date(start.getTime() + 45_000));
    await expect(takeRateLimit("generate", me)).resolves.toBeUndefined();
  });

  it("holds exactly under concurrency: of 40 simultaneous requests, the limit's worth pass", async () => {
    const me = who();
    const results = await Promise.all(Array.from({ length: 40 }, () => outcome(takeRateLimit("flag", me))));
    expect(results.filter((r) => r === "ok")).toHaveLength(LIMITS.flag.user.hits);
  });

  it("limits an address across users, and each limit only counts its own kind of request", async () => {
    const address = `203.0.113.${unique()}`;
    const results = [];
    for (let i = 0; i < LIMITS.generate.addr.hits + 3; i++)
      results.push(await outcome(takeRateLimit("generate", { userKey: `u-${unique()}`, address })));
    expect(results.filter((r) => r === "ok")).toHaveLength(LIMITS.generate.addr.hits);
    await expect(takeRateLimit("vote", { userKey: `u-${unique()}`, address })).resolves.toBeUndefined();
  });

  it("limits sign-in attempts for a participant id before any account exists", async () => {
    const id = `pid-${unique()}`;
    const results = [];
    for (let i = 0; i < LIMITS.signIn.user.hits + 2; i++)
      results.push(await outcome(takeRateLimit("signIn", { userKey: id, address: `192.0.2.${unique()}` })));
    expect(results.slice(-2)).toEqual(["limited", "limited"]);
  });

  it("keeps its counters in the database, where every app instance sees them", async () => {
    const me = who();
    await takeRateLimit("vote", me);
    await takeRateLimit("vote", me);
    const rows = await db.rateLimit.findMany({ where: { bucket: { in: [`vote:user:${me.userKey}`, `vote:addr:${me.address}`] } } });
    expect(rows.map((r) => r.hits)).toEqual([2, 2]);
  });
});

describe("pruneRateLimits", () => {
  it("deletes counters whose window ended over a day ago and keeps the rest", async () => {
    const old = `vote:user:old-${unique()}`;
    const fresh = `vote:user:fresh-${unique()}`;
    // Long ago, so the prune touches no counter of a test running alongside.
    const at = new Date(Date.UTC(1500, 0, 10));
    await db.rateLimit.createMany({
      data: [
        { bucket: old, windowStart: new Date(at.getTime() - 2 * 86_400_000), hits: 3 },
        { bucket: fresh, windowStart: at, hits: 1 },
      ],
    });
    setClockForTests(() => at);
    expect(await pruneRateLimits()).toBeGreaterThanOrEqual(1);
    expect((await db.rateLimit.findMany({ where: { bucket: { in: [old, fresh] } } })).map((r) => r.bucket)).toEqual([fresh]);
    await db.rateLimit.delete({ where: { bucket: fresh } });
  });
});

describe("clientAddress", () => {
  it("reads the address the trusted proxy saw, from the right of X-Forwarded-For", () => {
    expect(clientAddress(new Headers({ "x-forwarded-for": "10.0.0.1, 203.0.113.9" }))).toBe("203.0.113.9");
    expect(clientAddress(new Headers({ "x-forwarded-for": "198.51.100.4" }))).toBe("198.51.100.4");
    expect(clientAddress(new Headers({ "x-real-ip": "192.0.2.1" }))).toBe("192.0.2.1");
    expect(clientAddress(new Headers())).toBe("unknown");
  });
});
