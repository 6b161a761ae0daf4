// The worker pool itself, on real threads running the built worker (test/global-setup.ts builds
// it): the same results as the same code on this thread, its waiting line (order, positions, the
// bound), cancellation, the time limit and crashed workers. Faults come from
// test/faulty-image-worker.mjs, the real worker with a spin and an exit a prompt can ask for.
import { fileURLToPath } from "node:url";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MaskError } from "@/lib/mask/mask";
import { ImageWorkAbortedError, ImageWorkBusyError, ImageWorkCrashedError, ImageWorkTimeoutError } from "./errors";
import { createInProcessImageWorkPool } from "./in-process";
import { createLocalImageWorkPool, type LocalPoolOptions } from "./local-pool";
import type { ImageTask } from "./tasks";
import { imageWorkerPath } from "./worker-file";

const W = 384;
const H = 256;
const FAULTY = fileURLToPath(new URL("../../../test/faulty-image-worker.mjs", import.meta.url));

let seed: Buffer;
let mask: Buffer;
const pools: { close(): Promise<void> }[] = [];

function pool(opts: Partial<LocalPoolOptions> = {}) {
  const p = createLocalImageWorkPool({ filename: FAULTY, workers: 1, queueLimit: 10, taskTimeoutMs: 30_000, ...opts });
  pools.push(p);
  return p;
}

type TaskOf<K extends ImageTask["kind"]> = Extract<ImageTask, { kind: K }>;

const readMaskTask = (png = mask): TaskOf<"read-mask"> => ({
  kind: "read-mask",
  png,
  size: { width: W, height: H },
  bounds: { min: 0.01, max: 0.9 },
});
const inpaintTask = (prompt: string): TaskOf<"inpaint"> => ({ kind: "inpaint", image: seed, mask, prompt, width: W, height: H });

/** Resolves with how the promise settled, never rejects. */
const settled = <T>(p: Promise<T>) =>
  p.then(
    (value) => ({ value }),
    (error: unknown) => ({ error }),
  );

beforeAll(async () => {
  seed = await sharp("public/default-seed.png").resize(W, H, { fit: "fill" }).png().toBuffer();
  const rgba = Buffer.alloc(W * H * 4, 255);
  for (let y = 60; y < 150; y++) for (let x = 100; x < 220; x++) rgba[(y * W + x) * 4 + 3] = 0;
  mask = await sharp(rgba, { raw: { width: W, height: H, channels: 4 } })
    .png()
    .toBuffer();
});

afterAll(async () => {
  await Promise.all(pools.map((p) => p.close()));
});

describe("the image work pool", () => {
  it("gives byte for byte what the same work gives on this thread, for every kind of task, and the same refusals", async () => {
    const threads = createLocalImageWorkPool({ filename: imageWorkerPath(), workers: 1, queueLimit: 4, taskTimeoutMs: 30_000 });
    pools.push(threads);
    const here = createInProcessImageWorkPool();
    const same = (a: Uint8Array, b: Uint8Array) => expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);

    const [readThere, readHere] = [await threads.run(readMaskTask()), await here.run(readMaskTask())];
    same(readThere.png, readHere.png);
    same(readThere.edit, readHere.edit);
    expect(readThere.coverage).toBe(readHere.coverage);

    const inpaint = inpaintTask("bright red stripes and clouds");
    const [paintedThere, paintedHere] = [await threads.run(inpaint), await here.run(inpaint)];
    same(paintedThere, paintedHere);
    expect(Buffer.isBuffer(paintedThere)).toBe(true);

    const scale: TaskOf<"scale-for-engine"> = {
      kind: "scale-for-engine",
      image: seed,
      mask,
      from: { width: W, height: H },
      to: { width: 816, height: 544 },
    };
    const [scaledThere, scaledHere] = [await threads.run(scale), await here.run(scale)];
    same(scaledThere.image, scaledHere.image);
    same(scaledThere.mask, scaledHere.mask);

    const finish: TaskOf<"finish"> = { kind: "finish", seed, generated: paintedHere, edit: readHere.edit, width: W, height: H };
    const [finishedThere, finishedHere] = [await threads.run(finish), await here.run(finish)];
    same(finishedThere.final, finishedHere.final);
    same(finishedThere.thumb, finishedHere.thumb);

    const tooLittle = readMaskTask(
      await sharp({ create: { width: W, height: H, channels: 4, background: "#fff" } })
        .png()
        .toBuffer(),
    );
    const [refusedThere, refusedHere] = [await settled(threads.run(tooLittle)), await settled(here.run(tooLittle))];
    expect(refusedThere).toHaveProperty("error");
    expect((refusedThere as { error: unknown }).error).toBeInstanceOf(MaskError);
    expect((refusedThere as { error: MaskError }).error.detail).toEqual((refusedHere as { error: MaskError }).error.detail);
    const wrong: TaskOf<"finish"> = { kind: "finish", seed, generated: paintedHere, edit: new Uint8Array(10), width: W, height: H };
    expect(await settled(threads.run(wrong))).toMatchObject({ error: { message: expect.stringMatching(/Mask has 10 pixels/) } });
  });

  it("tells each waiting task its place as the line moves, and starts them first come, first served", async () => {
    const p = pool();
    const busy = p.run(inpaintTask("spin:400"));
    const told: number[][] = [[], [], []];
    const started: number[] = [];
    const waiting = told.map((list, i) =>
      p.run(readMaskTask(), {
        onQueuePosition: (position) => {
          list.push(position);
          if (position === 0) started.push(i);
        },
      }),
    );
    await Promise.all([busy, ...waiting]);
    expect(told).toEqual([
      [1, 0],
      [2, 1, 0],
      [3, 2, 1, 0],
    ]);
    expect(started).toEqual([0, 1, 2]);
  });

  it("refuses new work past the bound with when to retry, but takes accepted work past it and runs it first", async () => {
    const p = pool({ queueLimit: 2 });
    const busy = p.run(inpaintTask("spin:500"));
    const done: string[] = [];
    const fresh = [1, 2].map((n) => p.run(readMaskTask()).then(() => done.push(`new ${n}`)));
    const refused = await settled(p.run(readMaskTask()));
    expect((refused as { error: unknown }).error).toBeInstanceOf(ImageWorkBusyError);
    expect((refused as { error: ImageWorkBusyError }).error.retryAfterS).toBeGreaterThanOrEqual(1);
    const accepted = p.run(readMaskTask(), { accepted: true }).then(() => done.push("accepted"));
    await Promise.all([busy, accepted, ...fresh]);
    expect(done).toEqual(["accepted", "new 1", "new 2"]);
  });

  it("cancels a waiting task at once, and a running one by stopping its worker, which is replaced", async () => {
    const p = pool();
    const runningCall = new AbortController();
    const waitingCall = new AbortController();
    const running = settled(p.run(inpaintTask("spin:Infinity"), { signal: runningCall.signal }));
    const waiting = settled(p.run(readMaskTask(), { signal: waitingCall.signal }));
    const behindTold: number[] = [];
    const behind = p.run(readMaskTask(), { onQueuePosition: (n) => behindTold.push(n) });

    waitingCall.abort();
    expect(((await waiting) as { error: unknown }).error).toBeInstanceOf(ImageWorkAbortedError);
    expect(behindTold).toEqual([2, 1]);

    await new Promise((r) => setTimeout(r, 200)); // the spin is under way on the worker
    const abortedAt = performance.now();
    runningCall.abort();
    expect(((await running) as { error: unknown }).error).toBeInstanceOf(ImageWorkAbortedError);
    expect(performance.now() - abortedAt).toBeLessThan(1000);
    // The task behind it runs on the worker that replaced the stopped one.
    expect((await behind).coverage).toBeGreaterThan(0);
    expect(behindTold).toEqual([2, 1, 0]);
  });

  it("stops a task that runs past the time limit, and goes on", async () => {
    const p = pool({ taskTimeoutMs: 300 });
    const started = performance.now();
    expect(((await settled(p.run(inpaintTask("spin:Infinity")))) as { error: unknown }).error).toBeInstanceOf(ImageWorkTimeoutError);
    expect(performance.now() - started).toBeLessThan(2000);
    expect((await p.run(readMaskTask())).coverage).toBeGreaterThan(0);
  });

  it("fails only the task whose worker died, and runs the next ones on a new worker", async () => {
    const p = pool();
    const crashed = settled(p.run(inpaintTask("exit")));
    const next = p.run(readMaskTask());
    const error = ((await crashed) as { error: unknown }).error;
    expect(error).toBeInstanceOf(ImageWorkCrashedError);
    expect(String((error as Error).message)).toMatch(/exited with code: 7/);
    expect((await next).coverage).toBeGreaterThan(0);
    expect(Buffer.isBuffer(await p.run(inpaintTask("after the crash")))).toBe(true);
  });
});
