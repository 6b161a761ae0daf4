// Test helpers: seed through Prisma on the run's own database, sign in through the app itself.
import { randomBytes } from "node:crypto";
import { PrismaMariaDb } from "@prisma/adapter-mariadb";
import type { APIRequestContext } from "@playwright/test";
import { connectionFromUrl } from "../lib/server/db-url";
import { PrismaClient } from "../lib/generated/prisma/client";
import { E2E, type E2EServer } from "./env";

const clients = new Map<string, PrismaClient>();

/** Prisma on an e2e server's database (never anything but the local throwaway one). */
export function testDb(server: E2EServer = E2E): PrismaClient {
  const u = new URL(server.databaseUrl);
  if (!["127.0.0.1", "localhost"].includes(u.hostname)) throw new Error("e2e tests only run against a local database");
  const existing = clients.get(server.dbName);
  if (existing) return existing;
  const client = new PrismaClient({
    adapter: new PrismaMariaDb({ ...connectionFromUrl(server.databaseUrl), connectionLimit: 3 }),
  });
  clients.set(server.dbName, client);
  return client;
}

/** A participant id no other test uses. */
export function uniqueId(prefix = "p"): string {
  return `${prefix}-${randomBytes(5).toString("hex")}`;
}

/**
 * Signs in through next-auth's own endpoints with the page's request client, so the session
 * cookie lands in the same browser context the page uses. Returns the HTTP status.
 */
export async function signInAs(request: APIRequestContext, participantId: string): Promise<number> {
  const { csrfToken } = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const res = await request.post("/api/auth/callback/participant", {
    form: { csrfToken, participantId, json: "true" },
  });
  return res.status();
}

/**
 * POST /api/vote as the app's own page would send it: JSON with the page's Origin (the route
 * refuses anything else as cross-site). `origin` overrides it, for the cross-site cases.
 */
export function postVote(
  request: APIRequestContext,
  data: unknown,
  opts: { origin?: string; headers?: Record<string, string>; server?: E2EServer } = {},
) {
  const origin = opts.origin ?? (opts.server ?? E2E).baseURL;
  return request.post("/api/vote", { data, headers: { origin, ...opts.headers } });
}

/** Signs a fresh participant in within its own browser context (sessions are per context). */
export async function newParticipant(
  browser: import("@playwright/test").Browser,
  options: import("@playwright/test").BrowserContextOptions = {},
  server: E2EServer = E2E,
) {
  const participantId = uniqueId("voter");
  const context = await browser.newContext({ baseURL: server.baseURL, ...options });
  const status = await signInAs(context.request, participantId);
  if (status !== 200) throw new Error(`sign-in failed with ${status}`);
  const user = await testDb(server).user.findUniqueOrThrow({ where: { participantId } });
  return { context, page: await context.newPage(), user };
}

/**
 * A submitted image on today's open day of `server` (of `worldId` when given), made directly through Prisma with its files
 * written to that server's storage folder (a solid colour, so each is recognisable in screenshots).
 */
export async function seedSubmission(creatorId: number, prompt = "a seeded submission", server: E2EServer = E2E, worldId?: number) {
  const { default: sharp } = await import("sharp");
  const { mkdir, writeFile } = await import("node:fs/promises");
  const { join, dirname } = await import("node:path");
  const db = testDb(server);
  // The server opens today's day on its first page view; this may be the run's first test.
  if (!(await db.day.findFirst({ where: { status: "OPEN" } }))) {
    const res = await fetch(`${server.baseURL}/`);
    if (!res.ok) throw new Error(`the landing page answered ${res.status}`);
    // The page streams: the day exists once the whole body has been rendered.
    await res.text();
  }
  const day = await db.day.findFirstOrThrow({ where: { status: "OPEN", ...(worldId ? { worldId } : {}) }, orderBy: { date: "desc" } });
  const base = `e2e/${uniqueId("img")}`;
  const colour = { r: randomBytes(1)[0]!, g: randomBytes(1)[0]!, b: randomBytes(1)[0]! };
  const png = await sharp({ create: { width: 300, height: 200, channels: 4, background: { ...colour, alpha: 1 } } })
    .png()
    .toBuffer();
  const thumb = await sharp(png).webp().toBuffer();
  for (const [key, body] of [
    [`${base}/result.png`, png],
    [`${base}/thumb.webp`, thumb],
  ] as const) {
    await mkdir(dirname(join(server.storageDir, key)), { recursive: true });
    await writeFile(join(server.storageDir, key), body);
  }
  return db.image.create({ data: submissionRow(day, creatorId, prompt, base) });
}

/** The row of a 300x200 submission on `day` whose files are `<base>/result.png` and `<base>/thumb.webp`. */
export function submissionRow(day: { id: number; seedImageId: number }, creatorId: number, prompt: string, base: string) {
  return {
    dayId: day.id,
    parentId: day.seedImageId,
    creatorId,
    prompt,
    status: "SUBMITTED" as const,
    submittedAt: new Date(),
    resultKey: `${base}/result.png`,
    thumbKey: `${base}/thumb.webp`,
    width: 300,
    height: 200,
    provider: "offline",
    model: "e2e",
  };
}
