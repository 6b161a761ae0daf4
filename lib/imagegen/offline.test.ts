import { readFileSync } from "node:fs";
import sharp from "sharp";
import { beforeAll, describe, expect, it } from "vitest";
import { createOfflineEngine, OFFLINE_MODEL } from "./offline";
import { parsePrompt } from "./offline/prompt";
import { EngineError, type EditRequest } from "./types";

const W = 480;
const H = 320;
const engine = createOfflineEngine();

function png(data: Buffer, width: number, height: number): Promise<Buffer> {
  return sharp(data, { raw: { width, height, channels: 4 } })
    .png()
    .toBuffer();
}

/** Mask PNG: alpha 0 where inside(x, y). Returns the PNG and the matching edit map. */
async function maskOf(width: number, height: number, inside: (x: number, y: number) => boolean) {
  const rgba = Buffer.alloc(width * height * 4, 255);
  const edit = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      if (!inside(x, y)) continue;
      rgba[(y * width + x) * 4 + 3] = 0;
      edit[y * width + x] = 1;
    }
  }
  return { mask: await png(rgba, width, height), edit };
}

async function pixels(image: Buffer): Promise<Buffer> {
  return sharp(image).ensureAlpha().raw().toBuffer();
}

/** Mean r, g, b over the pixels where pick(i) holds. */
function meanRgb(data: Buffer, pick: (i: number) => boolean): [number, number, number] {
  const sum = [0, 0, 0];
  let n = 0;
  for (let i = 0; i < data.length / 4; i++) {
    if (!pick(i)) continue;
    n++;
    for (let c = 0; c < 3; c++) sum[c] = sum[c]! + data[i * 4 + c]!;
  }
  return [sum[0]! / n, sum[1]! / n, sum[2]! / n];
}

describe("offline engine", () => {
  let seed: Buffer;
  let seedRgba: Buffer;
  let mask: Buffer;
  let edit: Uint8Array;
  const req = (prompt: string, extra: Partial<EditRequest> = {}): EditRequest => ({
    image: seed,
    mask,
    prompt,
    width: W,
    height: H,
    ...extra,
  });

  beforeAll(async () => {
    // The bundled seed, scaled down so the suite stays fast; the ellipse spans sky and mountains.
    seed = await sharp(readFileSync(new URL("../../public/default-seed.png", import.meta.url)))
      .resize(W, H)
      .png()
      .toBuffer();
    seedRgba = await pixels(seed);
    ({ mask, edit } = await maskOf(W, H, (x, y) => ((x - 200) / 110) ** 2 + ((y - 150) / 75) ** 2 <= 1));
  });

  it("reports itself and returns a PNG of the input's size", async () => {
    const result = await engine.edit(req("a lighthouse"));
    expect(result.provider).toBe("offline");
    expect(result.model).toBe(OFFLINE_MODEL);
    expect(engine.model).toBe(OFFLINE_MODEL);
    expect(result.engineMs).toBeGreaterThanOrEqual(0);
    const meta = await sharp(result.image).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(["png", W, H]);
  });

  it("is deterministic, and a different prompt gives different bytes", async () => {
    const a = await engine.edit(req("red stripes over the mountains"));
    const b = await engine.edit(req("red stripes over the mountains"));
    const c = await engine.edit(req("blue waves over the mountains"));
    expect(a.image.equals(b.image)).toBe(true);
    expect(a.image.equals(c.image)).toBe(false);
  });

  it("changes only masked pixels, and really repaints them (not a flat colour)", async () => {
    const out = await pixels((await engine.edit(req("clouds"))).image);
    let changedOutside = 0;
    let changedInside = 0;
    const colours = new Set<number>();
    for (let i = 0; i < W * H; i++) {
      const same = out.readUInt32LE(i * 4) === seedRgba.readUInt32LE(i * 4);
      if (!edit[i]) {
        if (!same) changedOutside++;
        continue;
      }
      if (!same) changedInside++;
      colours.add(out.readUInt32LE(i * 4));
    }
    const inside = edit.reduce((a, b) => a + b, 0);
    expect(changedOutside).toBe(0);
    expect(changedInside).toBeGreaterThan(inside * 0.9);
    expect(colours.size).toBeGreaterThan(500);
  });

  it("a plain prompt still fills the hole with varied colour from the surroundings", async () => {
    const out = await pixels((await engine.edit(req("something nice"))).image);
    const colours = new Set<number>();
    for (let i = 0; i < W * H; i++) if (edit[i]) colours.add(out.readUInt32LE(i * 4));
    expect(colours.size).toBeGreaterThan(200);
  });

  it("steers the fill's colour with colour words", async () => {
    const red = meanRgb(await pixels((await engine.edit(req("bright red"))).image), (i) => edit[i] === 1);
    const blue = meanRgb(await pixels((await engine.edit(req("blue"))).image), (i) => edit[i] === 1);
    expect(red[0]).toBeGreaterThan(blue[0] + 80);
    expect(blue[2]).toBeGreaterThan(red[2] + 80);
    expect(red[0]).toBeGreaterThan(red[1] + 80);
  });

  it("continues the surroundings: green on the green side, blue on the blue side", async () => {
    const w = 200;
    const h = 100;
    const rgba = Buffer.alloc(w * h * 4, 255);
    for (let i = 0; i < w * h; i++) rgba.set(i % w < w / 2 ? [40, 180, 60] : [40, 60, 200], i * 4);
    const { mask: m, edit: e } = await maskOf(w, h, (x, y) => x >= 60 && x < 140 && y >= 20 && y < 80);
    const out = await pixels((await engine.edit({ image: await png(rgba, w, h), mask: m, prompt: "", width: w, height: h })).image);
    const left = meanRgb(out, (i) => e[i] === 1 && i % w < 70);
    const right = meanRgb(out, (i) => e[i] === 1 && i % w >= 130);
    expect(left[1]).toBeGreaterThan(left[2] + 60);
    expect(right[2]).toBeGreaterThan(right[1] + 60);
    expect(left[1]).toBeGreaterThan(right[1] + 60);
  });

  it("paints a texture word as a visible pattern", async () => {
    const plain = await pixels((await engine.edit(req(""))).image);
    const striped = await pixels((await engine.edit(req("stripes"))).image);
    let differ = 0;
    for (let i = 0; i < W * H; i++) if (edit[i] && Math.abs(plain[i * 4]! - striped[i * 4]!) > 30) differ++;
    expect(differ).toBeGreaterThan(edit.reduce((a, b) => a + b, 0) * 0.2);
  });

  it("stops with ABORTED when the signal is aborted, before or during the work", async () => {
    const before = new AbortController();
    before.abort();
    await expect(engine.edit(req("snow", { signal: before.signal }))).rejects.toMatchObject({ code: "ABORTED" });
    const during = new AbortController();
    const pending = engine.edit(req("snow", { signal: during.signal }));
    setTimeout(() => during.abort(), 5); // mid-decode or mid-fill: a later checkpoint notices
    const err: unknown = await pending.catch((e: unknown) => e);
    expect(err).toBeInstanceOf(EngineError);
    expect((err as EngineError).code).toBe("ABORTED");
  });

  it("refuses a mask that does not fit the picture", async () => {
    const { mask: small } = await maskOf(10, 10, () => true);
    await expect(engine.edit(req("red", { mask: small }))).rejects.toMatchObject({ code: "REFUSED" });
  });
});

describe("parsePrompt", () => {
  it("reads colours with modifiers and texture words, ignoring the rest", () => {
    const style = parsePrompt("A dark red barn, light-blue sky with stripes and bright GOLD stars; a cat");
    expect(style.colours).toEqual([[107.5, 17.5, 17.5], [145, 170, 235], expect.any(Array)]);
    expect(style.vivid).toBe(true);
    expect(style.textures).toEqual(["clouds", "stripes", "stars"]);
    expect(parsePrompt("reddish bluish")).toMatchObject({
      colours: [
        [215, 35, 35],
        [35, 85, 215],
      ],
    });
    expect(parsePrompt("a cat on a mat")).toEqual({ colours: [], vivid: false, textures: [] });
  });
});
