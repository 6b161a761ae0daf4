// The sizes an edit asks for, checked against the published rules written out again here (not
// imported), so a mistake in the rules themselves shows up as a disagreement.
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { readEditMap } from "@/lib/mask/mask";
import { chooseSize, scaleForEngine } from "./openai-size";

/**
 * SDK ImageEditParams.size (gpt-image-2): both sides divisible by 16, aspect 1:3 to 3:1. OpenAI
 * image generation guide, "Size and quality options": 655,360 to 8,294,400 pixels, edge <= 3,840.
 */
function documentedGptImage2(w: number, h: number): boolean {
  return (
    w % 16 === 0 && h % 16 === 0 && Math.max(w, h) <= 3840 && Math.max(w, h) / Math.min(w, h) <= 3 && w * h >= 655_360 && w * h <= 8_294_400
  );
}
/** SDK: "The standard sizes 1024x1024, 1536x1024, and 1024x1536 are supported by the GPT image models". */
const STANDARD = ["1024x1024", "1536x1024", "1024x1536"];

/** A deterministic spread of seed sizes: a grid, the awkward corners and pseudo-random ones. */
function seedSizes(): [number, number][] {
  const out: [number, number][] = [];
  for (const w of [1, 15, 16, 100, 256, 384, 512, 640, 800, 1000, 1023, 1024, 1536, 2048, 2160, 3000, 3840, 4096, 6000]) {
    for (const h of [1, 17, 48, 200, 256, 333, 512, 750, 1024, 1088, 1500, 2160, 2880, 3840, 5000]) out.push([w, h]);
  }
  let x = 12345;
  const next = () => ((x = (x * 1103515245 + 12345) % 2 ** 31) % 4000) + 1;
  for (let i = 0; i < 400; i++) out.push([next(), next()]);
  return out;
}

describe("chooseSize", () => {
  it("never asks gpt-image-2 (alias or snapshot) for a size the documented rules reject", () => {
    for (const model of ["gpt-image-2", "gpt-image-2-2026-04-21"]) {
      for (const [w, h] of seedSizes()) {
        const s = chooseSize(model, w, h);
        expect(documentedGptImage2(s.width, s.height), `${model} ${w}x${h} -> ${s.width}x${s.height}`).toBe(true);
      }
    }
  });

  it("asks other GPT image models for a standard size only", () => {
    for (const [w, h] of seedSizes()) expect(STANDARD).toContain(Object.values(chooseSize("gpt-image-1.5", w, h)).join("x"));
  });

  it("keeps a seed that is already a valid size, and keeps the aspect of one that is not", () => {
    for (const [w, h] of [
      [1024, 1024],
      [1920, 1088],
      [1536, 864],
      [3840, 2160],
      [1024, 768],
      [2880, 2880],
    ] as const) {
      expect(chooseSize("gpt-image-2", w, h)).toEqual({ width: w, height: h });
    }
    expect(chooseSize("gpt-image-2", 512, 512)).toEqual({ width: 816, height: 816 }); // 262,144 px is too few
    expect(chooseSize("gpt-image-2", 1000, 750)).toEqual({ width: 1008, height: 752 }); // not multiples of 16
    for (const [w, h] of seedSizes()) {
      const aspect = w / h;
      if (aspect < 1 / 2.9 || aspect > 2.9) continue; // past 3:1 the aspect has to change
      const s = chooseSize("gpt-image-2", w, h);
      expect(Math.abs(Math.log(s.width / s.height / aspect)), `${w}x${h} -> ${s.width}x${s.height}`).toBeLessThan(0.05);
    }
  });

  it("scales too-large seeds down and too-small ones up, to the nearest valid size", () => {
    expect(chooseSize("gpt-image-2", 4096, 2048)).toEqual({ width: 3840, height: 1920 });
    const small = chooseSize("gpt-image-2", 64, 48);
    expect(small.width * small.height).toBeGreaterThanOrEqual(655_360);
    expect(small.width * small.height).toBeLessThan(700_000);
  });

  it("picks the standard size of the nearest aspect for other models", () => {
    expect(chooseSize("gpt-image-1.5", 1000, 750)).toEqual({ width: 1536, height: 1024 });
    expect(chooseSize("gpt-image-1.5", 512, 512)).toEqual({ width: 1024, height: 1024 });
    expect(chooseSize("gpt-image-1.5", 720, 1280)).toEqual({ width: 1024, height: 1536 });
  });
});

describe("scaleForEngine", () => {
  it("scales the seed and a crisp mask to the target, covering at least the marked region", async () => {
    const [W, H, T] = [512, 512, 816];
    const seed = await sharp({ create: { width: W, height: H, channels: 3, background: "#336699" } })
      .png()
      .toBuffer();
    const rgba = Buffer.alloc(W * H * 4, 255);
    for (let y = 100; y < 101; y++) for (let x = 40; x < 300; x++) rgba[(y * W + x) * 4 + 3] = 0; // a 1-pixel line
    for (let y = 200; y < 330; y++) for (let x = 200; x < 350; x++) rgba[(y * W + x) * 4 + 3] = 0;
    const mask = await sharp(rgba, { raw: { width: W, height: H, channels: 4 } })
      .png()
      .toBuffer();

    const out = await scaleForEngine(seed, mask, { width: W, height: H }, { width: T, height: T });

    const img = await sharp(out.image).metadata();
    expect([img.format, img.width, img.height]).toEqual(["png", T, T]);
    const { data, info } = await sharp(out.mask).raw().toBuffer({ resolveWithObject: true });
    expect([info.width, info.height, info.channels]).toEqual([T, T, 4]);
    const alphas = new Set<number>();
    for (let i = 3; i < data.length; i += 4) alphas.add(data[i]!);
    expect([...alphas].sort((a, b) => a - b)).toEqual([0, 255]);
    const source = await readEditMap(mask, { width: W, height: H });
    const scaled = await readEditMap(out.mask, { width: T, height: T });
    let marked = 0;
    for (let y = 0; y < T; y++) {
      for (let x = 0; x < T; x++) {
        const s = source[Math.floor((y * H) / T) * W + Math.floor((x * W) / T)]!;
        if (s) expect(scaled[y * T + x], `(${x}, ${y})`).toBe(1);
        marked += scaled[y * T + x]!;
      }
    }
    const expected = (260 * 1 + 150 * 130) * (T / W) ** 2;
    expect(marked).toBeGreaterThan(expected);
    expect(marked).toBeLessThan(expected * 1.2); // at most a pixel's growth around the edges
  });

  it("sends a seed of a valid size byte for byte", async () => {
    const seed = await sharp({ create: { width: 1024, height: 768, channels: 3, background: "#000" } })
      .png()
      .toBuffer();
    const mask = await sharp({ create: { width: 1024, height: 768, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } } })
      .png()
      .toBuffer();
    const out = await scaleForEngine(seed, mask, { width: 1024, height: 768 }, { width: 1024, height: 768 });
    expect(out.image).toBe(seed);
    expect(out.mask).toBe(mask);
  });
});
