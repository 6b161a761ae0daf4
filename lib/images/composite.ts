// Puts the seed back everywhere outside the mask, whatever the engine returned: GPT image models
// treat the mask as guidance and may touch (or shift) pixels outside it, and the game's promise is
// that only the marked region changes. Inside the mask a narrow feather hides the seam.
import sharp, { type Sharp } from "sharp";
import { MAX_IMAGE_PIXELS } from "@/lib/mask/mask";

/** Decoded 8-bit RGBA pixels, row-major, 4 bytes per pixel. */
export interface RgbaImage {
  data: Uint8Array;
  width: number;
  height: number;
}

/**
 * Decodes any image sharp reads into 8-bit RGBA (alpha 255 added when missing). Refuses inputs
 * declaring more than MAX_IMAGE_PIXELS before decoding them.
 */
export async function decodeRgba(image: Buffer): Promise<RgbaImage> {
  return rawRgba(sharp(image, { limitInputPixels: MAX_IMAGE_PIXELS }).ensureAlpha());
}

async function rawRgba(pipeline: Sharp): Promise<RgbaImage> {
  const { data, info } = await pipeline.raw().toBuffer({ resolveWithObject: true });
  return { data: toRgba(data, info.channels, info.width * info.height), width: info.width, height: info.height };
}

/** sharp keeps grey(+alpha) images at 2 channels; expand so callers can always index i * 4. */
function toRgba(data: Buffer, channels: number, pixels: number): Uint8Array {
  if (channels === 4) return new Uint8Array(data.buffer, data.byteOffset, data.length);
  const out = new Uint8Array(pixels * 4);
  for (let i = 0; i < pixels; i++) {
    const s = i * channels;
    const grey = channels < 3;
    out[i * 4] = data[s]!;
    out[i * 4 + 1] = grey ? data[s]! : data[s + 1]!;
    out[i * 4 + 2] = grey ? data[s]! : data[s + 2]!;
    out[i * 4 + 3] = channels === 2 || channels === 4 ? data[s + channels - 1]! : 255;
  }
  return out;
}

/**
 * Chamfer distance (steps 1 and √2) from every masked pixel to the nearest unmasked one: 0 outside
 * the mask, 1 on its inner border, Infinity when the whole picture is masked. The picture's own
 * edge does not count as "outside", so a mask touching it is not feathered there. Two raster
 * passes, O(pixels).
 */
export function distanceInsideMask(edit: Uint8Array, width: number, height: number): Float32Array {
  const d = new Float32Array(width * height);
  const diag = Math.SQRT2;
  for (let i = 0; i < d.length; i++) d[i] = edit[i] ? Infinity : 0;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = y * width + x;
      if (d[i] === 0) continue;
      let best = d[i]!;
      if (x > 0) best = Math.min(best, d[i - 1]! + 1);
      if (y > 0) {
        best = Math.min(best, d[i - width]! + 1);
        if (x > 0) best = Math.min(best, d[i - width - 1]! + diag);
        if (x < width - 1) best = Math.min(best, d[i - width + 1]! + diag);
      }
      d[i] = best;
    }
  }
  for (let y = height - 1; y >= 0; y--) {
    for (let x = width - 1; x >= 0; x--) {
      const i = y * width + x;
      if (d[i] === 0) continue;
      let best = d[i]!;
      if (x < width - 1) best = Math.min(best, d[i + 1]! + 1);
      if (y < height - 1) {
        best = Math.min(best, d[i + width]! + 1);
        if (x < width - 1) best = Math.min(best, d[i + width + 1]! + diag);
        if (x > 0) best = Math.min(best, d[i + width - 1]! + diag);
      }
      d[i] = best;
    }
  }
  return d;
}

/**
 * The final picture: the seed, byte for byte, outside the mask (`edit[i] === 1` marks a pixel to
 * repaint); the engine's output inside it, resized to width×height if needed and blended toward
 * the seed over the `featherPx` pixels just inside the mask border (weight of the generated pixel
 * d / (featherPx + 1) at distance d, so the innermost band pixel is almost fully generated and the
 * seed's side of the border is never touched). Returns a lossless RGBA PNG.
 */
export async function compositeOutsideMask(
  seedPng: Buffer,
  generated: Buffer,
  edit: Uint8Array,
  width: number,
  height: number,
  featherPx = 3,
): Promise<Buffer> {
  if (edit.length !== width * height) throw new Error(`Mask has ${edit.length} pixels, expected ${width}×${height}`);
  if (!(featherPx >= 0) || !Number.isFinite(featherPx)) throw new Error(`featherPx must be >= 0, got ${featherPx}`);
  const seed = await decodeRgba(seedPng);
  if (seed.width !== width || seed.height !== height) {
    throw new Error(`Seed is ${seed.width}×${seed.height}, expected ${width}×${height}`);
  }
  const gen = await decodeGeneratedAt(generated, width, height);
  const dist = distanceInsideMask(edit, width, height);
  const out = Buffer.from(seed.data); // a copy: every byte outside the mask stays the seed's
  const band = featherPx + 1;
  for (let i = 0; i < edit.length; i++) {
    if (!edit[i]) continue;
    const w = Math.min(1, dist[i]! / band);
    const p = i * 4;
    for (let c = 0; c < 4; c++) {
      const s = seed.data[p + c]!;
      out[p + c] = Math.round(s + (gen[p + c]! - s) * w);
    }
  }
  return sharp(out, { raw: { width, height, channels: 4 } })
    .png()
    .toBuffer();
}

/** The engine's output as RGBA at exactly width×height ("fill": engines get the same aspect ratio). */
async function decodeGeneratedAt(generated: Buffer, width: number, height: number): Promise<Uint8Array> {
  const pipeline = sharp(generated, { limitInputPixels: MAX_IMAGE_PIXELS }).ensureAlpha();
  const meta = await pipeline.metadata();
  if (meta.width !== width || meta.height !== height) pipeline.resize(width, height, { fit: "fill" });
  const img = await rawRgba(pipeline);
  if (img.width !== width || img.height !== height) throw new Error("Resized engine output has the wrong size");
  return img.data;
}
