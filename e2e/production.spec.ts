// The whole product on a production-shaped deployment (e2e/production-stack.ts): https through
// nginx to two instances, a TLS-only database, an https bucket that checks every signature and
// grants object permissions only. Run once with NEXTAUTH_URL unset behind a proxy the app trusts
// (next-auth then names its cookies from X-Forwarded-Proto) and once with it set to the origin.
import { chromium, expect, test, type APIResponse, type Browser, type BrowserContext, type Page } from "@playwright/test";
import sharp from "sharp";
import { createS3Storage } from "../lib/storage/s3";
import { CHROMIUM } from "./chromium";
import { submissionRow, uniqueId } from "./fixtures";
import { startProductionStack, type ProductionStack } from "./production-stack";
import { createAndSubmit } from "./create-flow";

test.describe.configure({ mode: "serial", timeout: 240_000 });

let stack: ProductionStack;
let browser: Browser;
const SUBMISSIONS = 200;

test.beforeAll(async () => {
  test.setTimeout(300_000);
  stack = await startProductionStack();
  // Chromium trusts the test certificate as it would a real one (so it caches what it downloads).
  browser = await chromium.launch({ ...CHROMIUM, args: [...CHROMIUM.args, `--ignore-certificate-errors-spki-list=${stack.spki}`] });
});

// What the servers said, beside a failure.
test.afterEach(async ({}, info) => {
  if (info.status === info.expectedStatus || !stack) return;
  for (const i of stack.instances)
    await info.attach(`instance ${i.name} output`, { body: i.output().slice(-20_000), contentType: "text/plain" });
});

test.afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

const upstreamOf = (res: APIResponse | { headers(): Record<string, string> }) => res.headers()["x-upstream"] ?? "";
const portOf = (name: "a" | "b") => `127.0.0.1:${stack.instances.find((i) => i.name === name)!.port}`;

/**
 * The test's own HTTP client (not the browser) runs in Node, which cannot be told about the test
 * CA after start-up; the browser verifies the certificate itself (--ignore-certificate-errors-spki-list).
 */
const API = { ignoreHTTPSErrors: true } as const;

/** Signs in through next-auth's endpoints; returns the status and which instance took the POST. */
async function signIn(ctx: BrowserContext, participantId: string, via?: "a" | "b"): Promise<{ status: number; upstream: string }> {
  const headers = via ? { "x-test-upstream": via } : undefined;
  const { csrfToken } = (await (await ctx.request.get("/api/auth/csrf", { ...API, headers })).json()) as { csrfToken: string };
  const res = await ctx.request.post("/api/auth/callback/participant", {
    ...API,
    headers,
    form: { csrfToken, participantId, json: "true" },
  });
  return { status: res.status(), upstream: upstreamOf(res) };
}

/** `count` submissions by a participant of their own, files in the bucket, rows in the database. */
async function seedSubmissions(count: number): Promise<number[]> {
  const { s3, db } = stack;
  const storage = createS3Storage({ bucket: s3.bucket, region: s3.region, endpoint: s3.endpoint, credentials: s3.credentials });
  const day = await db.day.findFirstOrThrow({ where: { status: "OPEN" }, orderBy: { date: "desc" } });
  const creator = await db.user.create({ data: { participantId: uniqueId("seeder"), displayName: "Seeder" } });
  const rows = [];
  for (let i = 0; i < count; i++) {
    const background = { r: (i * 37) % 256, g: (i * 91) % 256, b: (i * 53) % 256, alpha: 1 };
    const png = await sharp({ create: { width: 300, height: 200, channels: 4, background } })
      .png()
      .toBuffer();
    const base = `e2e-prod/${uniqueId("img")}`;
    await storage.put(`${base}/result.png`, png, "image/png");
    await storage.put(`${base}/thumb.webp`, await sharp(png).webp().toBuffer(), "image/webp");
    rows.push(submissionRow(day, creator.id, `seeded ${i}`, base));
  }
  await db.image.createMany({ data: rows });
  return (await db.image.findMany({ where: { creatorId: creator.id }, select: { id: true } })).map((r) => r.id);
}

/** Loads every page of the grid (scrolling to the end until "Show more" is gone), then scrolls the
 * whole page so every lazy picture loads; returns the pictures that did not. */
async function brokenPictures(page: Page): Promise<string[]> {
  // By scrolling, not by clicking "Show more": the grid's own sentinel loads the next page as the
  // end nears, and may take the last page's button away between a visibility check and a click.
  // (The button itself is tested in vote-pages.spec.ts.)
  await expect(async () => {
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await expect(page.getByTestId("show-more")).toHaveCount(0, { timeout: 1_000 });
  }).toPass({ timeout: 60_000 });
  await page.evaluate(async () => {
    for (let y = 0; y < document.body.scrollHeight; y += window.innerHeight / 2) {
      window.scrollTo(0, y);
      await new Promise((r) => setTimeout(r, 30));
    }
    window.scrollTo(0, document.body.scrollHeight);
  });
  await page.waitForLoadState("networkidle");
  // Polled from outside: waitForFunction evaluates its predicate with eval, which the page's CSP
  // (rightly) reports as a violation.
  await expect.poll(() => page.evaluate(() => [...document.images].every((img) => img.complete))).toBe(true);
  return page.evaluate(() => [...document.images].filter((img) => img.naturalWidth === 0).map((img) => img.currentSrc || img.src));
}

/** The ids of the first `n` cards on the page this participant may vote on (not their own). */
async function votableCards(page: Page, n: number): Promise<number[]> {
  await expect(page.getByTestId("vote-card").first()).toBeVisible();
  const ids: number[] = [];
  for (const card of await page.getByTestId("vote-card").all()) {
    if (ids.length === n) break;
    if (await card.getByRole("button", { name: /^Up-vote/ }).isEnabled()) ids.push(Number(await card.getAttribute("data-image-id")));
  }
  return ids;
}

/** A browser context on the public origin that collects CSP violations and which instance answered what. */
async function participantContext(route?: "a" | "b") {
  const ctx = await browser.newContext({ baseURL: stack.origin, ...(route ? { extraHTTPHeaders: { "x-test-upstream": route } } : {}) });
  await ctx.addInitScript(() => {
    const w = window as unknown as { cspViolations: string[] };
    w.cspViolations = [];
    document.addEventListener("securitypolicyviolation", (e) =>
      w.cspViolations.push(`${e.violatedDirective} ${e.blockedURI} at ${e.sourceFile}:${e.lineNumber} ${e.sample}`),
    );
  });
  return ctx;
}

const MODES = [
  { name: "NEXTAUTH_URL unset, behind a proxy the app trusts", env: () => ({ AUTH_TRUST_HOST: "true" }) },
  { name: "NEXTAUTH_URL set to the https origin", env: () => ({ NEXTAUTH_URL: stack.origin }) },
] as const;

for (const [index, mode] of MODES.entries()) {
  test(`two instances behind TLS, ${mode.name}: sign in on one, create, submit and vote on the other`, async () => {
    const t0 = Date.now();
    await stack.startInstances(mode.env());
    const instancesMs = Date.now() - t0;
    test.info().annotations.push({
      type: "figure",
      description: `setup: TLS database ${stack.timings.tlsDatabaseMs} ms; database, S3 and proxy ${stack.timings.stackMs} ms; two instances ${instancesMs} ms`,
    });
    console.log(JSON.stringify({ msg: "production stack", mode: mode.name, ...stack.timings, instancesMs }));

    // Sign in through instance A only: next-auth sets its Secure cookie, as on any https origin.
    const ctx = await participantContext("a");
    const pid = uniqueId("prod");
    const signedIn = await signIn(ctx, pid);
    expect(signedIn).toEqual({ status: 200, upstream: portOf("a") });
    expect((await ctx.cookies()).map((c) => c.name)).toContain("__Secure-next-auth.session-token");
    const user = await stack.db.user.findUniqueOrThrow({ where: { participantId: pid } });

    // Everything else through instance B, with the cookie A issued.
    await ctx.setExtraHTTPHeaders({ "x-test-upstream": "b" });
    const page = await ctx.newPage();
    const served = new Set<string>();
    page.on("response", (r) => {
      if (r.url().startsWith(stack.origin)) served.add(upstreamOf(r));
    });
    await createAndSubmit(page, `a lighthouse, mode ${index + 1}`, [
      [300, 250],
      [700, 550],
    ]);
    const mine = await stack.db.image.findFirstOrThrow({ where: { creatorId: user.id } });
    expect(mine.status).toBe("SUBMITTED");
    // Its files went to the bucket through the object-only key.
    expect(
      await createS3Storage({
        bucket: stack.s3.bucket,
        region: stack.s3.region,
        endpoint: stack.s3.endpoint,
        credentials: stack.s3.credentials,
      }).get(mine.resultKey),
    ).not.toBeNull();

    // Vote: in the page (a server action), and through the JSON route from the page itself, on
    // the first cards this participant is shown (the grid shows one page at first).
    if (index === 0) await seedSubmissions(SUBMISSIONS);
    await page.goto("/vote");
    const ids = await votableCards(page, 3);
    const card = page.locator(`[data-image-id="${ids[0]}"]`);
    await card.getByRole("button", { name: /^Up-vote/ }).click();
    await expect(card.getByRole("button", { name: /^Up-vote/ })).toHaveAttribute("aria-pressed", "true");
    const viaFetch = await page.evaluate(async (imageId) => {
      const res = await fetch("/api/vote", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ imageId, value: -1, position: 1 }),
      });
      return { status: res.status, upstream: res.headers.get("x-upstream") };
    }, ids[1]);
    expect(viaFetch).toEqual({ status: 200, upstream: portOf("b") });
    // Polled: the button shows the vote pressed at once, before its server action has answered.
    const votes = () => stack.db.vote.findMany({ where: { userId: user.id }, orderBy: { imageId: "asc" } });
    await expect
      .poll(async () => (await votes()).map((v) => [v.imageId, v.value]))
      .toEqual(
        [
          [ids[0], 1],
          [ids[1], -1],
        ].sort((a, b) => a[0]! - b[0]!),
      );
    expect([...served]).toEqual([portOf("b")]);

    // Another site's request with the participant's cookie is refused and changes nothing.
    const forged = await ctx.request.post("/api/vote", {
      ...API,
      data: { imageId: ids[2], value: 1 },
      headers: { origin: "https://evil.example", "content-type": "text/plain" },
    });
    expect(forged.status()).toBe(403);
    expect((await forged.json()).error.code).toBe("CROSS_ORIGIN");
    expect(await stack.db.vote.count({ where: { userId: user.id } })).toBe(2);
    await ctx.close();
  });

  test(`${mode.name}: every picture on /vote loads under the page's CSP, and a repeat view downloads none`, async () => {
    const ctx = await participantContext();
    expect((await signIn(ctx, uniqueId("viewer"))).status).toBe(200);
    const page = await ctx.newPage();
    stack.s3.resetStats();
    const first = await page.goto("/vote");
    const csp = first!.headers()["content-security-policy"] ?? "";
    expect(csp).toContain(`img-src 'self' blob: data: https://127.0.0.1:${stack.proxy.s3Port}`);
    if (index === 1) expect(csp).toContain("upgrade-insecure-requests");
    await page.waitForLoadState("networkidle");
    const firstScreen = { ...stack.s3.stats };
    expect(await brokenPictures(page)).toEqual([]);
    expect(await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations)).toEqual([]);
    const wholePage = { ...stack.s3.stats };
    const pictures = await page.locator("img").count();
    expect(pictures).toBeGreaterThanOrEqual(SUBMISSIONS);
    expect(wholePage.presignedBytesServed).toBeGreaterThan(0);

    // Another visit: the same URLs (signed for the window), cached as immutable, so no bytes.
    stack.s3.resetStats();
    await page.goto("/winners");
    await page.goto("/vote");
    await page.waitForLoadState("networkidle");
    expect(await brokenPictures(page)).toEqual([]);
    expect(stack.s3.stats.presignedBytesServed).toBe(0);
    expect(stack.s3.stats.presignedGets).toBe(0);
    const figure = `/vote with ${pictures} pictures (S3): first screen ${firstScreen.presignedBytesServed} B in ${firstScreen.presignedGets} requests, whole page ${wholePage.presignedBytesServed} B in ${wholePage.presignedGets}; repeat view ${stack.s3.stats.presignedBytesServed} B`;
    test.info().annotations.push({ type: "figure", description: figure });
    console.log(JSON.stringify({ msg: "vote page bytes", mode: mode.name, figure }));
    await ctx.close();
  });

  test(`${mode.name}: rate limits are shared by both instances`, async () => {
    // Sign-in attempts for one participant id: 10 a minute, counted in the database, the attempts
    // going to the two instances in turn.
    const into = Date.now() % 60_000;
    if (into > 40_000) await new Promise((r) => setTimeout(r, 60_000 - into + 250));
    const ctx = await participantContext();
    const pid = uniqueId("limited");
    const results = [];
    for (let i = 0; i < 11; i++) results.push(await signIn(ctx, pid, i % 2 === 0 ? "a" : "b"));
    expect(results.slice(0, 10).map((r) => r.status)).toEqual(Array(10).fill(200));
    expect(results[10]!.status).toBe(429);
    expect(results.map((r) => r.upstream)).toEqual(results.map((_, i) => portOf(i % 2 === 0 ? "a" : "b")));
    await ctx.close();
  });
}
