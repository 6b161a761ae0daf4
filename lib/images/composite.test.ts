import { readFileSync } from "node:fs";
import sharp from "sharp";
import { beforeAll, describe, expect, it } from "vitest";
import { compositeOutsideMask, distanceInsideMask } from "./composite";

const seedPng = readFileSync(new URL("../../public/default-seed.png", import.meta.url));
const W = 1536;
const H = 1024;
const FEATHER = 3;

async function rgba(png: Buffer): Promise<Buffer> {
  return sharp(png).ensureAlpha().raw().toBuffer();
}

/** An ellipse in the middle plus a rectangle touching the right edge of the picture. */
function editMap(): Uint8Array {
  const edit = new Uint8Array(W * H);
  for (let y = 0; y < H; y++) {
    for (let x = 0; x < W; x++) {
      const e = ((x - 600) / 300) ** 2 + ((y - 500) / 200) ** 2 <= 1;
      edit[y * W + x] = e || (x >= 1300 && y >= 100 && y < 300) ? 1 : 0;
    }
  }
  return edit;
}

/** A 768×512 generated picture (half the seed's size) with a gradient that differs from the seed. */
async function generatedPng(): Promise<Buffer> {
  const w = 768;
  const h = 512;
  const data = Buffer.alloc(w * h * 3);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      data.set([(x * 255) / w, 255 - (y * 255) / h, 128 + ((x + y) % 64)], (y * w + x) * 3);
    }
  }
  return sharp(data, { raw: { width: w, height: h, channels: 3 } })
    .png()
    .toBuffer();
}

describe("compositeOutsideMask", () => {
  const edit = editMap();
  const dist = distanceInsideMask(edit, W, H);
  let seed: Buffer;
  let generated: Buffer;
  let resized: Buffer;
  let out: Buffer;

  beforeAll(async () => {
    seed = await rgba(seedPng);
    const gen = await generatedPng();
    generated = gen;
    resized = await sharp(gen).ensureAlpha().resize(W, H, { fit: "fill" }).raw().toBuffer();
    const png = await compositeOutsideMask(seedPng, gen, edit, W, H, FEATHER);
    expect((await sharp(png).metadata()).format).toBe("png");
    out = await rgba(png);
  });

  it("keeps every pixel outside the mask byte-identical to the seed, alpha included", () => {
    expect(out.length).toBe(W * H * 4);
    let mismatched = 0;
    for (let i = 0; i < W * H; i++) {
      if (edit[i]) continue;
      for (let c = 0; c < 4; c++) if (out[i * 4 + c] !== seed[i * 4 + c]) mismatched++;
    }
    expect(mismatched).toBe(0);
  });

  it("uses the resized generated pixels inside the mask, away from the border", () => {
    let checked = 0;
    let mismatched = 0;
    for (let i = 0; i < W * H; i++) {
      if (!edit[i] || dist[i]! < FEATHER + 1) continue;
      checked++;
      for (let c = 0; c < 4; c++) if (out[i * 4 + c] !== resized[i * 4 + c]) mismatched++;
    }
    expect(checked).toBeGreaterThan(150_000);
    expect(mismatched).toBe(0);
  });

  it("blends the feather band between seed and generated, rising toward the inside", () => {
    let band = 0;
    let strictlyBetween = 0;
    const towardGenerated: number[][] = [[], [], []];
    for (let i = 0; i < W * H; i++) {
      const d = dist[i]!;
      if (!edit[i] || d >= FEATHER + 1) continue;
      band++;
      for (let c = 0; c < 3; c++) {
        const s = seed[i * 4 + c]!;
        const g = resized[i * 4 + c]!;
        const o = out[i * 4 + c]!;
        expect(o).toBeGreaterThanOrEqual(Math.min(s, g));
        expect(o).toBeLessThanOrEqual(Math.max(s, g));
        if (Math.abs(g - s) > 40) {
          if (o !== s && o !== g) strictlyBetween++;
          if (d === 1 || d === 2 || d === 3) towardGenerated[d - 1]!.push((o - s) / (g - s));
        }
      }
    }
    expect(band).toBeGreaterThan(1000);
    expect(strictlyBetween).toBeGreaterThan(band);
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    const [d1, d2, d3] = towardGenerated.map(mean) as [number, number, number];
    expect(d1).toBeGreaterThan(0.15);
    expect(d1).toBeLessThan(d2);
    expect(d2).toBeLessThan(d3);
    expect(d3).toBeLessThan(0.85);
  });

  it("does not feather along the picture's own edge", () => {
    // The rectangle touches the right edge: its last column, far from any kept pixel, is generated.
    const i = 200 * W + (W - 1);
    for (let c = 0; c < 4; c++) expect(out[i * 4 + c]).toBe(resized[i * 4 + c]);
  });

  it("with featherPx 0 copies generated pixels into the whole mask", async () => {
    const hard = await rgba(await compositeOutsideMask(seedPng, generated, edit, W, H, 0));
    let mismatched = 0;
    for (let i = 0; i < W * H; i++) {
      const want = edit[i] ? resized : seed;
      for (let c = 0; c < 4; c++) if (hard[i * 4 + c] !== want[i * 4 + c]) mismatched++;
    }
    expect(mismatched).toBe(0);
  });

  it("refuses a seed or mask of the wrong size", async () => {
    await expect(compositeOutsideMask(seedPng, generated, edit, 1024, 1024)).rejects.toThrow(/expected 1024×1024/);
    await expect(compositeOutsideMask(seedPng, generated, new Uint8Array(10), W, H)).rejects.toThrow(/Mask has 10 pixels/);
  });
});

describe("distanceInsideMask", () => {
  it("is the chamfer distance to the nearest kept pixel", () => {
    // 7×7 picture, 5×5 masked block in the middle.
    const edit = new Uint8Array(49);
    for (let y = 1; y < 6; y++) for (let x = 1; x < 6; x++) edit[y * 7 + x] = 1;
    const d = distanceInsideMask(edit, 7, 7);
    expect(d[0]).toBe(0);
    expect(d[1 * 7 + 1]).toBe(1);
    expect(d[1 * 7 + 3]).toBe(1);
    expect(d[2 * 7 + 3]).toBe(2);
    expect(d[3 * 7 + 3]).toBe(3);
    expect(d[2 * 7 + 2]).toBeCloseTo(2, 5);
  });

  it("is Infinity everywhere when the whole picture is masked", () => {
    expect(Array.from(distanceInsideMask(new Uint8Array(4).fill(1), 2, 2))).toEqual([Infinity, Infinity, Infinity, Infinity]);
  });
});
