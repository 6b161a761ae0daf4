// Generation through the image worker pool, against the real pool (worker threads running the
// built worker) and the real database: the same pixels as on the request thread, an event loop
// left free, the waiting line (positions, the bound refusing as busy with nothing taken, accepted
// generations never dropped), and cancellation, the time limit and a crashed worker, each
// refunded. Faults come from test/faulty-image-worker.mjs (prompts "spin:<ms>" and "exit").
import "@/test/isolated-db";
import { fileURLToPath } from "node:url";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { afterAll, describe, expect, it } from "vitest";
import { makeOpenDay, makeUser, rectMask } from "@/test/fixtures";
import { englishOf } from "@/test/error-text";
import { generationHarness, notFlagged } from "@/test/generation-harness";
import { createOfflineEngine } from "../imagegen/offline";
import { createInProcessImageWorkPool } from "../imagegen/work/in-process";
import { createLocalImageWorkPool, type LocalPoolOptions } from "../imagegen/work/local-pool";
import type { ImageWorkPool } from "../imagegen/work/pool";
import { imageWorkerPath } from "../imagegen/work/worker-file";
import { db } from "../server/db";
import { generateAttempt, type GenerationInput } from "./generation";

const W = 384;
const H = 256;
const FAULTY = fileURLToPath(new URL("../../test/faulty-image-worker.mjs", import.meta.url));
const h = generationHarness();
const pools: ImageWorkPool[] = [];

function pool(opts: Partial<LocalPoolOptions> = {}): ImageWorkPool {
  const p = createLocalImageWorkPool({ filename: FAULTY, workers: 1, queueLimit: 8, taskTimeoutMs: 30_000, ...opts });
  pools.push(p);
  return p;
}

afterAll(async () => {
  await Promise.all(pools.map((p) => p.close()));
});

async function setup(size = { width: W, height: H }) {
  const { day, seed, png } = await makeOpenDay(h.store.storage, size);
  // About 11 % of the picture, at any size.
  const [x, y, w, hh] = [0.26 * size.width, 0.23 * size.height, 0.31 * size.width, 0.35 * size.height].map(Math.round) as [
    number,
    number,
    number,
    number,
  ];
  const mask = await rectMask(size.width, size.height, { x, y, w, h: hh });
  return { day, seed, png, mask };
}

async function used(userId: number, dayId: number) {
  return (await db.userDayUsage.findUnique({ where: { userId_dayId: { userId, dayId } } }))?.generations ?? 0;
}

/** One generation by a new participant; `input` overrides the defaults. */
async function generate(s: Awaited<ReturnType<typeof setup>>, p: ImageWorkPool, input: Partial<GenerationInput> = {}) {
  const user = await makeUser();
  const run = generateAttempt(
    { userId: user.id, dayId: s.day.id, prompt: "a red balloon", mask: s.mask, ...input },
    { engine: createOfflineEngine(), storage: h.store.storage, moderate: notFlagged, pool: p },
  );
  return {
    user,
    run,
    outcome: run.then(
      (image) => ({ image }),
      (error: unknown) => ({ error }),
    ),
  };
}

/** Keeps the pool's one worker busy for `ms` with a task of its own. */
function occupy(p: ImageWorkPool, s: Awaited<ReturnType<typeof setup>>, ms: number) {
  return p.run({ kind: "inpaint", image: s.png, mask: s.mask, prompt: `spin:${ms}`, width: W, height: H });
}

async function until(check: () => Promise<boolean> | boolean, timeoutMs = 10_000): Promise<void> {
  const started = Date.now();
  while (!(await check())) {
    if (Date.now() - started > timeoutMs) throw new Error("condition not met in time");
    await new Promise((r) => setTimeout(r, 20));
  }
}

async function filesOf(imageId: number) {
  const img = await db.image.findUniqueOrThrow({ where: { id: imageId } });
  const get = async (key: string | null) => (key ? (await h.store.storage.get(key))?.body : undefined);
  return { result: await get(img.resultKey), raw: await get(img.rawKey), mask: await get(img.maskKey), thumb: await get(img.thumbKey) };
}

describe("generation through the worker pool", () => {
  it("stores exactly the files the same generation stores when all of it runs on the request thread", async () => {
    const s = await setup();
    const threads = createLocalImageWorkPool({ filename: imageWorkerPath(), workers: 1, queueLimit: 8, taskTimeoutMs: 30_000 });
    pools.push(threads);
    const viaPool = await (await generate(s, threads, { prompt: "bright red stripes and clouds" })).run;
    const inPlace = await (await generate(s, createInProcessImageWorkPool(), { prompt: "bright red stripes and clouds" })).run;
    const [a, b] = [await filesOf(viaPool.id), await filesOf(inPlace.id)];
    for (const file of ["result", "raw", "mask", "thumb"] as const) {
      expect(a[file]?.length, file).toBeGreaterThan(0);
      expect(a[file]!.equals(b[file]!), file).toBe(true);
    }
  });

  it("leaves the event loop free while 4 generations of a full-size picture run, where the request thread alone stalls", async () => {
    const s = await setup({ width: 1536, height: 1024 });
    /** The longest a 5 ms timer was late while `work` ran, and the event loop's p99 delay. */
    async function lateness(work: () => Promise<unknown>) {
      const histogram = monitorEventLoopDelay({ resolution: 5 });
      let worst = 0;
      let last = performance.now();
      const timer = setInterval(() => {
        const now = performance.now();
        worst = Math.max(worst, now - last - 5);
        last = now;
      }, 5);
      histogram.enable();
      try {
        await work();
      } finally {
        clearInterval(timer);
        histogram.disable();
      }
      return { worstMs: Math.round(worst), p99Ms: Math.round(histogram.percentile(99) / 1e6) };
    }
    const four = (p: ImageWorkPool) => async () => {
      const runs = await Promise.all([1, 2, 3, 4].map((n) => generate(s, p, { prompt: `harbour ${n}` })));
      for (const r of runs) expect((await r.outcome) as object).toHaveProperty("image");
    };
    const threads = createLocalImageWorkPool({ filename: imageWorkerPath(), workers: 1, queueLimit: 8, taskTimeoutMs: 30_000 });
    pools.push(threads);
    await four(threads)(); // threads started and warm
    const withPool = await lateness(four(threads));
    const inPlace = await lateness(four(createInProcessImageWorkPool()));
    console.log(
      `event loop while 4 generations of 1536×1024 run: worker pool ${JSON.stringify(withPool)}, request thread ${JSON.stringify(inPlace)}`,
    );
    expect(withPool.worstMs).toBeLessThan(100);
    expect(inPlace.worstMs).toBeGreaterThan(withPool.worstMs);
  });

  it("tells waiting generations their places in order, and refuses one past the bound as busy, taking nothing", async () => {
    const s = await setup();
    const p = pool({ queueLimit: 3 });
    const busy = occupy(p, s, 600);
    const told: number[][] = [[], [], []];
    const waiting = [];
    for (const list of told) {
      waiting.push(await generate(s, p, { onQueuePosition: (n) => list.push(n) }));
      await until(() => list.length > 0);
    }
    const refused = await generate(s, p);
    const { error } = (await refused.outcome) as { error: unknown };
    expect(error).toMatchObject({ code: "GENERATION_BUSY", detail: { code: "GENERATION_BUSY", values: { seconds: expect.any(Number) } } });
    expect((error as { retryAfterS: number }).retryAfterS).toBeGreaterThanOrEqual(1);
    expect(englishOf(error)).toMatch(/line is full.*Try again in \d+ seconds?/);
    expect(await used(refused.user.id, s.day.id)).toBe(0);

    await busy;
    for (const w of waiting) expect((await w.outcome) as object).toHaveProperty("image");
    expect(told).toEqual([
      [1, 0],
      [2, 1, 0],
      [3, 2, 1, 0],
    ]);
    for (const w of waiting) expect(await used(w.user.id, s.day.id)).toBe(1);
  });

  it("never drops a generation it accepted: its later steps go ahead of a full line", async () => {
    const s = await setup();
    const p = pool({ queueLimit: 1 });
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    const user = await makeUser();
    // Its mask is read at once (the line is empty); then it waits for moderation while the line fills.
    const accepted = generateAttempt(
      { userId: user.id, dayId: s.day.id, prompt: "a lighthouse", mask: s.mask },
      { engine: createOfflineEngine(), storage: h.store.storage, moderate: async () => (await held, notFlagged()), pool: p },
    );
    await new Promise((r) => setTimeout(r, 300));
    const busy = occupy(p, s, 500);
    const newcomer = await generate(s, p);
    const refused = await generate(s, p);
    expect((await refused.outcome) as object).toMatchObject({ error: { code: "GENERATION_BUSY" } });
    release();
    expect((await accepted).id).toBeGreaterThan(0);
    expect(await used(user.id, s.day.id)).toBe(1);
    await busy;
    expect((await newcomer.outcome) as object).toHaveProperty("image");
  });

  it("gives the quota back when the participant gives up, in line or while a worker paints", async () => {
    const s = await setup();
    const p = pool();
    const imagesBefore = await db.image.count();
    const filesBefore = (await h.store.files()).length;

    // In line: taken out at once, nothing was taken.
    const busy = occupy(p, s, 400);
    const inLine = new AbortController();
    let position = 0;
    const queued = await generate(s, p, { signal: inLine.signal, onQueuePosition: (n) => (position = n) });
    await until(() => position === 1);
    inLine.abort();
    expect((await queued.outcome) as object).toMatchObject({ error: { code: "ABORTED" } });
    expect(await used(queued.user.id, s.day.id)).toBe(0);
    await busy;

    // Painting: the worker spinning on it is stopped, and the unit it took is given back.
    const painting = new AbortController();
    const running = await generate(s, p, { prompt: "spin:Infinity", signal: painting.signal });
    await until(async () => (await used(running.user.id, s.day.id)) === 1);
    await new Promise((r) => setTimeout(r, 200));
    painting.abort();
    const { error } = (await running.outcome) as { error: unknown };
    expect(error).toMatchObject({ code: "ABORTED" });
    expect(englishOf(error)).toMatch(/cancelled/);
    expect(await used(running.user.id, s.day.id)).toBe(0);
    expect(await db.image.count()).toBe(imagesBefore);
    expect((await h.store.files()).length).toBe(filesBefore);

    // The worker that replaced the stopped one takes the next generation.
    expect((await (await generate(s, p)).outcome) as object).toHaveProperty("image");
  });

  it("fails just the generation whose worker crashed, with a clear error and its quota back, and the next one succeeds", async () => {
    const s = await setup();
    const p = pool();
    const imagesBefore = await db.image.count();
    const filesBefore = (await h.store.files()).length;
    const crashed = await generate(s, p, { prompt: "exit" });
    const { error } = (await crashed.outcome) as { error: unknown };
    expect(error).toMatchObject({ code: "INTERNAL", detail: { code: "WORKER_FAILED" } });
    expect(englishOf(error)).toMatch(/problem on our side.*not counted/);
    expect(await used(crashed.user.id, s.day.id)).toBe(0);
    expect(await db.image.count()).toBe(imagesBefore);
    expect((await h.store.files()).length).toBe(filesBefore);

    const next = await generate(s, p);
    expect((await next.outcome) as object).toHaveProperty("image");
    expect(await used(next.user.id, s.day.id)).toBe(1);
  });

  it("stops a step that runs past the time limit, refunds it, and goes on", async () => {
    const s = await setup();
    const p = pool({ taskTimeoutMs: 500 });
    const stuck = await generate(s, p, { prompt: "spin:Infinity" });
    const { error } = (await stuck.outcome) as { error: unknown };
    expect(error).toMatchObject({ code: "TIMEOUT", detail: { code: "TIMEOUT", values: { seconds: 1 } } });
    expect(await used(stuck.user.id, s.day.id)).toBe(0);
    expect((await (await generate(s, p)).outcome) as object).toHaveProperty("image");
  });

  it("refuses a mask of the wrong size at once, without waiting in a full line", async () => {
    const s = await setup();
    const p = pool({ queueLimit: 0 });
    const busy = occupy(p, s, 300);
    const wrong = await generate(s, p, { mask: await rectMask(W + 1, H, { x: 0, y: 0, w: 40, h: 40 }) });
    expect((await wrong.outcome) as object).toMatchObject({ error: { code: "INVALID_MASK", detail: { code: "MASK_WRONG_SIZE" } } });
    // A right one, by contrast, needs the line, which takes no one now.
    expect((await (await generate(s, p)).outcome) as object).toMatchObject({ error: { code: "GENERATION_BUSY" } });
    await busy;
  });
});
