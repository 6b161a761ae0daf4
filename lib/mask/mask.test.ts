import { crc32, deflateSync } from "node:zlib";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { englishOf } from "@/test/error-text";
import { MASK_ALPHA_THRESHOLD, MAX_IMAGE_PIXELS, MAX_MASK_BYTES, MaskError, maskCoverage, readMask } from "./mask";

const W = 100;
const H = 80;
const SIZE = { width: W, height: H };
const ANY = { min: 0, max: 1 };

/** An RGBA PNG whose alpha at (x, y) is alpha(x, y); rgb is noise so the file is not tiny. */
async function maskPng(alpha: (x: number, y: number) => number, width = W, height = H): Promise<Buffer> {
  const rgba = Buffer.alloc(width * height * 4);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const p = (y * width + x) * 4;
      rgba[p] = (x * 37 + y * 11) & 255;
      rgba[p + 1] = (x * 5 + y * 91) & 255;
      rgba[p + 2] = (x * y) & 255;
      rgba[p + 3] = alpha(x, y);
    }
  }
  return sharp(rgba, { raw: { width, height, channels: 4 } })
    .png()
    .toBuffer();
}

const inRect = (x: number, y: number) => x >= 10 && x < 30 && y >= 20 && y < 40;

async function refusal(promise: Promise<unknown>): Promise<MaskError> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(MaskError);
  return err as MaskError;
}

function chunk(type: string, data: Buffer): Buffer {
  const body = Buffer.concat([Buffer.from(type, "latin1"), data]);
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** A few-KB PNG whose IHDR declares width×height RGBA: a decompression bomb if decoded. */
function bombPng(width: number, height: number): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA, deflate, adaptive filter, no interlace
  const idat = deflateSync(Buffer.alloc(4 * 1024 * 1024), { level: 9 });
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, chunk("IHDR", ihdr), chunk("IDAT", idat), chunk("IEND", Buffer.alloc(0))]);
}

describe("readMask", () => {
  it("reads a rectangle of alpha 0 as the exact edit map and coverage", async () => {
    const result = await readMask(await maskPng((x, y) => (inRect(x, y) ? 0 : 255)), SIZE, { min: 0.01, max: 0.9 });
    expect(result.coverage).toBe(400 / 8000);
    for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) expect(result.edit[y * W + x]).toBe(inRect(x, y) ? 1 : 0);
    const { data, info } = await sharp(result.png).raw().toBuffer({ resolveWithObject: true });
    expect([info.width, info.height, info.channels]).toEqual([W, H, 4]);
    for (let i = 0; i < W * H; i++) {
      expect([data[i * 4], data[i * 4 + 1], data[i * 4 + 2]]).toEqual([0, 0, 0]);
      expect(data[i * 4 + 3]).toBe(result.edit[i] ? 0 : 255);
    }
  });

  it(`decides anti-aliased edges by alpha < ${MASK_ALPHA_THRESHOLD}`, async () => {
    const alphas = [0, 100, 127, 128, 200, 255];
    const png = await maskPng((x) => alphas[x % alphas.length]!);
    const { edit } = await readMask(png, SIZE, ANY);
    expect(Array.from(edit.subarray(0, alphas.length))).toEqual([1, 1, 1, 0, 0, 0]);
  });

  it("reads alpha from a grey + alpha PNG", async () => {
    const ga = Buffer.alloc(W * H * 2, 255);
    for (let i = 0; i < W * H; i++) if (inRect(i % W, Math.floor(i / W))) ga[i * 2 + 1] = 0;
    const png = await sharp(ga, { raw: { width: W, height: H, channels: 2 } })
      .png()
      .toBuffer();
    expect((await readMask(png, SIZE, ANY)).coverage).toBe(400 / 8000);
  });

  it("refuses an empty file", async () => {
    const err = await refusal(readMask(Buffer.alloc(0), SIZE, ANY));
    expect(err.code).toBe("MASK_EMPTY");
    expect(englishOf(err)).toBe("The mask is empty (0 bytes).");
  });

  it("refuses a file over MAX_MASK_BYTES before looking inside", async () => {
    const err = await refusal(readMask(Buffer.alloc(MAX_MASK_BYTES + 1), SIZE, ANY));
    expect(err.detail).toEqual({ code: "MASK_TOO_LARGE", values: { size: 8, limit: 8 } });
    expect(englishOf(err)).toBe("The mask file is 8.0 MiB; the limit is 8 MiB.");
  });

  it("refuses a JPEG and garbage bytes as NOT_PNG", async () => {
    const jpeg = await sharp({ create: { width: W, height: H, channels: 3, background: "#fff" } })
      .jpeg()
      .toBuffer();
    expect((await refusal(readMask(jpeg, SIZE, ANY))).code).toBe("MASK_NOT_PNG");
    expect((await refusal(readMask(Buffer.from("definitely not an image"), SIZE, ANY))).code).toBe("MASK_NOT_PNG");
  });

  it("refuses a truncated PNG as damaged", async () => {
    const png = await maskPng((x, y) => (inRect(x, y) ? 0 : (x * y) & 255));
    expect((await refusal(readMask(png.subarray(0, Math.floor(png.length / 2)), SIZE, ANY))).code).toBe("MASK_DAMAGED");
    expect((await refusal(readMask(png.subarray(0, 20), SIZE, ANY))).code).toBe("MASK_DAMAGED");
  });

  it("refuses a mask of the wrong size, naming both sizes", async () => {
    const err = await refusal(readMask(await maskPng(() => 0, 50, 40), SIZE, ANY));
    expect(err.detail).toEqual({ code: "MASK_WRONG_SIZE", values: { width: 50, height: 40, expectedWidth: 100, expectedHeight: 80 } });
    expect(englishOf(err)).toBe("The mask is 50×40 but the picture is 100×80.");
  });

  it("refuses coverage under the minimum and over the maximum", async () => {
    const tiny = await refusal(readMask(await maskPng((x, y) => (x < 4 && y < 4 ? 0 : 255)), SIZE, { min: 0.01, max: 0.9 }));
    // Shares are rounded so that no bound is misstated: the coverage down, the minimum up.
    expect(tiny.detail).toEqual({ code: "MASK_TOO_LITTLE", values: { coverage: 0.002, min: 0.01 } });
    expect(englishOf(tiny)).toBe("The mask covers 0.2% of the picture; mark at least 1%.");
    const all = await refusal(readMask(await maskPng(() => 0), SIZE, { min: 0.01, max: 0.9 }));
    expect(all.detail).toEqual({ code: "MASK_TOO_MUCH", values: { coverage: 1, max: 0.9 } });
    expect(englishOf(all)).toBe("The mask covers 100% of the picture; mark at most 90%.");
  });

  it("treats a PNG without alpha as marking nothing", async () => {
    const rgb = await sharp({ create: { width: W, height: H, channels: 3, background: "#000" } })
      .png()
      .toBuffer();
    const err = await refusal(readMask(rgb, SIZE, { min: 0.01, max: 0.9 }));
    expect(err.code).toBe("MASK_NOTHING");
    expect(englishOf(err)).toBe("The mask marks nothing to repaint; mark at least 1%.");
  });

  it("refuses a PNG bomb from its header, quickly and without decoding it", async () => {
    const bomb = bombPng(100_000, 100_000);
    expect(bomb.length).toBeLessThan(MAX_MASK_BYTES);
    const started = performance.now();
    const err = await refusal(readMask(bomb, { width: 100_000, height: 100_000 }, ANY));
    expect(err.detail).toEqual({ code: "MASK_TOO_MANY_PIXELS", values: { width: 100_000, height: 100_000, limit: MAX_IMAGE_PIXELS } });
    expect(englishOf(err)).toBe(`The mask declares 100000×100000 pixels; the limit is ${MAX_IMAGE_PIXELS.toLocaleString("en")} pixels.`);
    expect(performance.now() - started).toBeLessThan(250);
  });
});

describe("maskCoverage", () => {
  it("is the share of marked pixels", () => {
    expect(maskCoverage(new Uint8Array([1, 0, 0, 1]))).toBe(0.5);
    expect(maskCoverage(new Uint8Array(0))).toBe(0);
  });
});
