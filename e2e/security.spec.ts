// Headers, cookies, the client bundle and rate limits, checked over real HTTP against the
// production build.
import { readFile, readdir } from "node:fs/promises";
import { join } from "node:path";
import { expect, test } from "@playwright/test";
import { E2E } from "./env";
import { newParticipant, postVote, seedSubmission, signInAs, testDb, uniqueId } from "./fixtures";

const nonceOf = (csp: string) => /'nonce-([^']+)'/.exec(csp)?.[1];
const directive = (csp: string, name: string) =>
  csp
    .split(";")
    .map((d) => d.trim())
    .find((d) => d.startsWith(`${name} `)) ?? "";

test("pages carry a nonce-based CSP that every script obeys, and the browser reports no violation", async ({ page, request }) => {
  const violations: string[] = [];
  page.on("console", (m) => {
    if (/Content Security Policy|Refused to/i.test(m.text())) violations.push(m.text());
  });
  // The browser also reports violations a script caught (e.g. a library probing whether eval is
  // allowed), which never reach the console but would fill a CSP report endpoint.
  await page.exposeFunction("reportCspViolation", (v: string) => violations.push(v));
  await page.addInitScript(() => {
    const report = (window as unknown as { reportCspViolation: (v: string) => void }).reportCspViolation;
    document.addEventListener("securitypolicyviolation", (e) =>
      report(`${e.violatedDirective} ${e.blockedURI} at ${e.sourceFile}:${e.lineNumber}`),
    );
  });
  for (const path of ["/", "/signin", "/winners"]) {
    const res = await request.get(path);
    const csp = res.headers()["content-security-policy"] ?? "";
    const nonce = nonceOf(csp);
    expect(nonce, `${path} has a nonce`).toBeTruthy();
    const scripts = directive(csp, "script-src");
    expect(scripts).toContain("'strict-dynamic'");
    expect(scripts).not.toContain("'unsafe-inline'");
    expect(scripts).not.toContain("'unsafe-eval'");
    expect(directive(csp, "frame-ancestors")).toBe("frame-ancestors 'self'");
    expect(directive(csp, "object-src")).toBe("object-src 'none'");
    expect(res.headers()["x-content-type-options"]).toBe("nosniff");
    expect(res.headers()["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    // Every script tag Next rendered carries this response's nonce.
    const html = await res.text();
    const tags = html.match(/<script\b[^>]*>/g) ?? [];
    expect(tags.length).toBeGreaterThan(0);
    for (const tag of tags) expect(tag).toContain(`nonce="${nonce}"`);
  }
  // A fresh nonce per response.
  const again = nonceOf((await request.get("/")).headers()["content-security-policy"] ?? "");
  const first = nonceOf((await request.get("/")).headers()["content-security-policy"] ?? "");
  expect(again).not.toBe(first);

  // The pages still run their scripts: signing in is a client-side form.
  await page.goto("/signin");
  await page.getByLabel("Participant id").fill(uniqueId("csp"));
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page).toHaveURL(/\/$/);
  await page.goto("/create");
  await expect(page.locator("canvas").first()).toBeVisible();
  await page.goto("/vote");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  expect(violations).toEqual([]);
});

test("routes that are not pages get a locked-down policy and the common headers", async ({ request, browser }) => {
  const health = await request.get("/api/health");
  expect(health.headers()["content-security-policy"]).toBe(
    "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
  );
  expect(health.headers()["x-content-type-options"]).toBe("nosniff");
  const p = await newParticipant(browser);
  const image = await seedSubmission(p.user.id, "header check");
  const file = await request.get(`/files/${image.thumbKey}`);
  expect(file.status()).toBe(200);
  expect(file.headers()["content-security-policy"]).toContain("default-src 'none'");
  expect(file.headers()["x-content-type-options"]).toBe("nosniff");
  const html = await (await request.get("/")).text();
  const asset = /\/_next\/static\/[^"]+\.js/.exec(html)?.[0];
  expect(asset).toBeTruthy();
  const js = await request.get(asset!);
  expect(js.headers()["x-content-type-options"]).toBe("nosniff");
  await p.context.close();
});

test("the session cookie is httpOnly and SameSite=Lax, and no page sends a secret", async ({ browser }) => {
  const p = await newParticipant(browser);
  const cookies = await p.context.cookies();
  const session = cookies.find((c) => c.name.endsWith("next-auth.session-token"));
  expect(session).toMatchObject({ httpOnly: true, sameSite: "Lax", path: "/" });
  const csrf = cookies.find((c) => c.name.endsWith("next-auth.csrf-token"));
  expect(csrf).toMatchObject({ httpOnly: true, sameSite: "Lax" });
  await p.context.close();
});

test("the client bundle and rendered pages contain none of the configured secrets", async ({ request }) => {
  const secrets = Object.entries(E2E.serverEnv).filter(([k]) => /SECRET|SALT|ACCESS_KEY/.test(k));
  expect(secrets.map(([k]) => k).sort()).toEqual([
    "CRON_SECRET",
    "EXPORT_HASH_SALT",
    "NEXTAUTH_SECRET",
    "S3_ACCESS_KEY_ID",
    "S3_SECRET_ACCESS_KEY",
  ]);
  const root = join(process.cwd(), process.env.NEXT_DIST_DIR || ".next", "static");
  const files = (await readdir(root, { recursive: true, withFileTypes: true }))
    .filter((f) => f.isFile())
    .map((f) => join(f.parentPath, f.name));
  expect(files.filter((f) => f.endsWith(".js")).length).toBeGreaterThan(5);
  for (const f of files) {
    const text = await readFile(f, "latin1");
    for (const [name, value] of secrets) expect(text.includes(value), `${name} found in ${f}`).toBe(false);
  }
  for (const path of ["/", "/signin", "/winners", "/lineage"]) {
    const html = await (await request.get(path)).text();
    for (const [name, value] of secrets) expect(html.includes(value), `${name} in ${path}`).toBe(false);
  }
});

/**
 * Limits count in fixed one-minute windows; a burst that straddled a window's end would be split
 * across two. Waits for a fresh window when less than 25 s of the current one are left.
 */
async function freshWindow() {
  const into = Date.now() % 60_000;
  if (into > 35_000) await new Promise((r) => setTimeout(r, 60_000 - into + 250));
}

test("sign-in and voting are rate limited per user and per address with 429 and when to retry", async ({ playwright, browser }) => {
  test.setTimeout(180_000);
  // Requests name their own client address the way a trusted proxy would, so this test's
  // counters are its own.
  const address = `203.0.113.${Math.floor(Math.random() * 250)}-${uniqueId("a")}`;
  const client = await playwright.request.newContext({ baseURL: E2E.baseURL, extraHTTPHeaders: { "x-forwarded-for": address } });
  const pid = uniqueId("limited");
  const statuses: number[] = [];
  await freshWindow();
  for (let i = 0; i < 11; i++) statuses.push(await signInAs(client, pid));
  expect(statuses.slice(0, 10).every((s) => s === 200)).toBe(true);
  expect(statuses[10]).toBe(429);
  const { csrfToken } = (await (await client.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const refused = await client.post("/api/auth/callback/participant", { form: { csrfToken, participantId: pid, json: "true" } });
  expect(refused.status()).toBe(429);
  expect(Number(refused.headers()["retry-after"])).toBeGreaterThan(0);
  const body = await refused.json();
  expect(body.error.code).toBe("RATE_LIMITED");
  expect(body.error.message).toMatch(/^Too many sign-in attempts in a short time\. Try again in \d+ seconds?\.$/);
  // The sign-in form reads the refusal's code and values from next-auth's error string.
  expect(JSON.parse(new URL(body.url).searchParams.get("error") ?? "null")).toEqual({
    code: "TOO_MANY_SIGN_INS",
    values: { seconds: body.error.retryAfterS },
  });
  await client.dispose();

  // Votes: 120 a minute per user; the 121st is refused and changes nothing.
  const voter = await newParticipant(browser);
  const creator = await newParticipant(browser);
  const image = await seedSubmission(creator.user.id, "rate limit target");
  const vote = (value: number) =>
    postVote(voter.context.request, { imageId: image.id, value }, { headers: { "x-forwarded-for": `${address}-v` } });
  const results: number[] = [];
  await freshWindow();
  for (let i = 0; i < 121; i++) results.push((await vote(i % 2 === 0 ? 1 : 0)).status());
  expect(results.slice(0, 120).every((s) => s === 200)).toBe(true);
  const last = await vote(-1);
  expect(last.status()).toBe(429);
  expect((await last.json()).error.code).toBe("RATE_LIMITED");
  // The last vote that passed (the 120th) cleared the vote; the refused down-vote left it so.
  const row = await testDb().image.findUniqueOrThrow({ where: { id: image.id } });
  expect([row.upvotes, row.downvotes]).toEqual([0, 0]);
  expect(await testDb().vote.count({ where: { imageId: image.id } })).toBe(0);
  await voter.context.close();
  await creator.context.close();
});
