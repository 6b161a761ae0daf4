import { rm } from "node:fs/promises";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeOpenDay, makeUser, rectMask, tempStorage } from "@/test/fixtures";
import { startFakeOpenAI } from "@/test/fake-openai";
import { db } from "./db";
import { generateAttempt, type GenerationDeps } from "./generation";
import { createOfflineEngine } from "./imagegen/offline";
import { createOpenAIEngine } from "./imagegen/openai";
import { DEFAULT_SETTINGS } from "./settings";

const W = 384;
const H = 256;
const notFlagged = async () => ({ flagged: false, categories: [] as string[] });

let fake: Awaited<ReturnType<typeof startFakeOpenAI>>;
let store: Awaited<ReturnType<typeof tempStorage>>;

beforeAll(async () => {
  fake = await startFakeOpenAI();
  store = await tempStorage();
});
afterAll(async () => {
  await fake.close();
  await rm(store.dir, { recursive: true, force: true });
});

async function setup() {
  const user = await makeUser();
  const { day, seed, png } = await makeOpenDay(store.storage, { width: W, height: H });
  const mask = await rectMask(W, H, { x: 100, y: 60, w: 120, h: 90 });
  const filesBefore = (await store.files()).length;
  return { user, day, seed, png, mask, filesBefore };
}

function openai(timeoutMs = 2000) {
  return createOpenAIEngine({ apiKey: "sk-test", baseURL: fake.url, model: "gpt-image-2", timeoutMs, maxAttempts: 3, backoffMs: 5 });
}

async function usage(userId: number, dayId: number) {
  return (await db.userDayUsage.findUnique({ where: { userId_dayId: { userId, dayId } } }))?.generations ?? 0;
}

describe("generateAttempt", () => {
  it("stores result, mask, raw output and thumbnail, and records the Image row", async () => {
    const s = await setup();
    const deps: GenerationDeps = { engine: createOfflineEngine(), storage: store.storage, moderate: notFlagged };
    const { id } = await generateAttempt({ userId: s.user.id, dayId: s.day.id, prompt: "  a red balloon  ", mask: s.mask }, deps);
    const img = await db.image.findUniqueOrThrow({ where: { id } });
    expect(img).toMatchObject({ dayId: s.day.id, parentId: s.seed.id, creatorId: s.user.id, prompt: "  a red balloon  ", status: "DRAFT", width: W, height: H, provider: "offline" });
    expect(img.model).toBe(createOfflineEngine().model);
    expect(img.maskCoverage).toBeCloseTo((120 * 90) / (W * H), 5);
    expect(img.engineMs).toBeGreaterThanOrEqual(0);
    expect(img.totalMs).toBeGreaterThanOrEqual(img.engineMs!);
    expect((await store.files()).length).toBe(s.filesBefore + 4);
    const result = await store.storage.get(img.resultKey);
    const meta = await sharp(result!.body).metadata();
    expect([meta.width, meta.height, meta.format]).toEqual([W, H, "png"]);
    expect((await sharp((await store.storage.get(img.thumbKey))!.body).metadata()).format).toBe("webp");
    expect(await usage(s.user.id, s.day.id)).toBe(1);
  });

  it("sends the SDK's real multipart edit to an OpenAI-compatible server and records the model it reports", async () => {
    const s = await setup();
    fake.script([{ status: 200, model: "gpt-image-2-2026-10-01" }]);
    const before = fake.requests.length;
    const { id } = await generateAttempt({ userId: s.user.id, dayId: s.day.id, prompt: "a lighthouse", mask: s.mask }, { engine: openai(), storage: store.storage, moderate: notFlagged });
    const req = fake.requests.slice(before).find((r) => r.path.endsWith("/images/edits"));
    expect(req).toBeDefined();
    expect(req!.fields.prompt).toBe("a lighthouse");
    expect(req!.fields.model).toBe("gpt-image-2");
    expect(req!.files.image?.bytes.equals(s.png)).toBe(true);
    const sentMask = await sharp(req!.files.mask!.bytes).metadata();
    expect([sentMask.width, sentMask.height]).toEqual([W, H]);
    const img = await db.image.findUniqueOrThrow({ where: { id } });
    expect([img.provider, img.model]).toEqual(["openai", "gpt-image-2-2026-10-01"]);
  });

  it("retries a 429 and succeeds", async () => {
    const s = await setup();
    fake.script([{ status: 429, retryAfter: 0 }, { status: 200 }]);
    const { id } = await generateAttempt({ userId: s.user.id, dayId: s.day.id, prompt: "p", mask: s.mask }, { engine: openai(), storage: store.storage, moderate: notFlagged });
    expect(id).toBeGreaterThan(0);
    expect(await usage(s.user.id, s.day.id)).toBe(1);
  });

  it.each([
    ["500 until giving up", [{ status: 500 }, { status: 500 }, { status: 500 }], "UNAVAILABLE", 2000],
    ["a timeout", [{ status: 200, delayMs: 3000 }, { status: 200, delayMs: 3000 }, { status: 200, delayMs: 3000 }], "TIMEOUT", 300],
    ["a moderation refusal", [{ status: 400, code: "moderation_blocked" }], "REFUSED", 2000],
  ] as const)("after %s: a clear error, quota refunded, no row and no file left", async (_label, responses, code, timeoutMs) => {
    const s = await setup();
    fake.script([...responses]);
    const imagesBefore = await db.image.count();
    const err = await generateAttempt({ userId: s.user.id, dayId: s.day.id, prompt: "p", mask: s.mask }, { engine: openai(timeoutMs), storage: store.storage, moderate: notFlagged }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code });
    expect((err as Error).message.length).toBeGreaterThan(10);
    expect(await usage(s.user.id, s.day.id)).toBe(0);
    expect(await db.image.count()).toBe(imagesBefore);
    expect((await store.files()).length).toBe(s.filesBefore);
  });

  it("refunds and removes written files when storage fails part-way", async () => {
    const s = await setup();
    let puts = 0;
    const flaky = { ...store.storage, put: async (k: string, b: Buffer, t?: string) => { if (++puts === 3) throw new Error("disk full"); return store.storage.put(k, b, t); } };
    const imagesBefore = await db.image.count();
    const err = await generateAttempt({ userId: s.user.id, dayId: s.day.id, prompt: "p", mask: s.mask }, { engine: createOfflineEngine(), storage: flaky, moderate: notFlagged }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: "STORAGE" });
    expect(await usage(s.user.id, s.day.id)).toBe(0);
    expect(await db.image.count()).toBe(imagesBefore);
    expect((await store.files()).length).toBe(s.filesBefore);
  });

  it("refuses bad masks, flagged prompts and closed days before taking any quota", async () => {
    const s = await setup();
    const deps = { engine: createOfflineEngine(), storage: store.storage, moderate: notFlagged };
    const run = (mask: Buffer, d = deps, dayId = s.day.id) => generateAttempt({ userId: s.user.id, dayId, prompt: "p", mask }, d).catch((e: unknown) => e);
    expect(await run(await rectMask(W + 1, H, { x: 0, y: 0, w: 50, h: 50 }))).toMatchObject({ code: "INVALID_MASK" });
    expect(await run(Buffer.from("not a png"))).toMatchObject({ code: "INVALID_MASK" });
    expect(await run(await rectMask(W, H, { x: 0, y: 0, w: 2, h: 2 }))).toMatchObject({ code: "INVALID_MASK" });
    expect(await run(s.mask, { ...deps, moderate: async () => ({ flagged: true, categories: ["violence"] }) })).toMatchObject({ code: "REFUSED" });
    await db.day.update({ where: { id: s.day.id }, data: { status: "CLOSED" } });
    expect(await run(s.mask)).toMatchObject({ code: "DAY_CLOSED" });
    expect(await usage(s.user.id, s.day.id)).toBe(0);
  });

  it("never lets parallel requests take more than the daily quota", async () => {
    const s = await setup();
    const quota = DEFAULT_SETTINGS.generationQuota;
    await db.userDayUsage.create({ data: { userId: s.user.id, dayId: s.day.id, generations: quota - 2 } });
    const deps = { engine: createOfflineEngine(), storage: store.storage, moderate: notFlagged };
    const results = await Promise.allSettled(Array.from({ length: 6 }, () => generateAttempt({ userId: s.user.id, dayId: s.day.id, prompt: "p", mask: s.mask }, deps)));
    const ok = results.filter((r) => r.status === "fulfilled");
    expect(ok).toHaveLength(2);
    for (const r of results) if (r.status === "rejected") expect(r.reason).toMatchObject({ code: "QUOTA" });
    expect(await usage(s.user.id, s.day.id)).toBe(quota);
    expect(await db.image.count({ where: { creatorId: s.user.id } })).toBe(2);
  });
});
