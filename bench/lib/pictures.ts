// Submissions with realistic files: 1536x1024 results as a real engine returns them (a few MB of
// PNG, not the bundled seed's 90 kB of flat colour) and the app's own WebP thumbnails. Each
// picture is the default seed, tinted, over a gradient, with a texture and per-pixel noise
// (deterministic per index) so neither format can compress it away.
import { readFile } from "node:fs/promises";
import sharp from "sharp";
import { makeThumbnail } from "@/lib/images/thumbnail";

export const WIDTH = 1536;
export const HEIGHT = 1024;

/** mulberry32: a tiny seeded PRNG, so every run makes the same pictures. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type Picture = { png: Buffer; thumb: Buffer };

export async function loadSeedPixels(): Promise<Buffer> {
  const file = await readFile(new URL("../../public/default-seed.png", import.meta.url));
  return sharp(file).resize(WIDTH, HEIGHT, { fit: "fill" }).removeAlpha().raw().toBuffer();
}

/** Picture number `k`: its own tint, gradient direction, texture and noise level. */
export async function makePicture(seed: Buffer, k: number): Promise<Picture> {
  const rnd = prng(k + 1);
  const tint = [0.6 + rnd() * 0.6, 0.6 + rnd() * 0.6, 0.6 + rnd() * 0.6];
  const grad = [rnd() * 255, rnd() * 255, rnd() * 255];
  const [p1, p2, p3] = [6 + rnd() * 20, 8 + rnd() * 25, 30 + rnd() * 60];
  const amp = 12 + rnd() * 18;
  const noise = 2 + rnd() * 3;
  const out = Buffer.alloc(WIDTH * HEIGHT * 3);
  for (let y = 0; y < HEIGHT; y++) {
    for (let x = 0; x < WIDTH; x++) {
      const i = (y * WIDTH + x) * 3;
      const tex = amp * Math.sin(x / p1 + Math.sin(y / p3) * 3) * Math.sin(y / p2 + x / (p3 * 2));
      const along = (x / WIDTH + y / HEIGHT) / 2;
      for (let c = 0; c < 3; c++) {
        const v = seed[i + c]! * tint[c]! * 0.75 + grad[c]! * along * 0.25 + tex + (rnd() - 0.5) * noise * 2;
        out[i + c] = v < 0 ? 0 : v > 255 ? 255 : v;
      }
    }
  }
  const png = await sharp(out, { raw: { width: WIDTH, height: HEIGHT, channels: 3 } })
    .png()
    .toBuffer();
  return { png, thumb: await makeThumbnail(png) };
}
