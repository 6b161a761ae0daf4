// The `size` an edit asks for, and the seed and mask scaled to it. An explicit size is always sent
// (never "auto"), so the output has a known shape that maps back onto the seed; the server then
// composites at the seed's own size with the original mask (lib/images/composite.ts).
import sharp from "sharp";
import { MAX_IMAGE_PIXELS, readEditMap } from "@/lib/mask/mask";

export interface Size {
  width: number;
  height: number;
}

/**
 * gpt-image-2's size rules. SDK (ImageEditParams.size): WIDTHxHEIGHT, both divisible by 16, aspect
 * between 1:3 and 3:1, at most 3840x2160, "must also satisfy the model's current pixel and edge
 * limits". OpenAI image generation guide, "Size and quality options"
 * (https://developers.openai.com/api/docs/guides/image-generation#size-and-quality-options): total
 * pixels between 655,360 and 8,294,400, longest edge at most 3,840.
 */
export const FLEXIBLE_LIMITS = { multiple: 16, minPixels: 655_360, maxPixels: 8_294_400, maxEdge: 3840, maxAspect: 3 } as const;

/** The sizes every GPT image model accepts (SDK: "The standard sizes 1024x1024, 1536x1024, and 1024x1536"). */
export const STANDARD_SIZES: readonly Size[] = [
  { width: 1024, height: 1024 },
  { width: 1536, height: 1024 },
  { width: 1024, height: 1536 },
];

/** Models with arbitrary sizes: gpt-image-2 and its dated snapshots (named so in the SDK's docs). */
export const acceptsFlexibleSizes = (model: string) => /^gpt-image-2(-\d{4}-\d{2}-\d{2})?$/.test(model);

/** Whether gpt-image-2 accepts width×height. */
export function isFlexibleSize({ width, height }: Size): boolean {
  const L = FLEXIBLE_LIMITS;
  const [long, short, pixels] = [Math.max(width, height), Math.min(width, height), width * height];
  return (
    Number.isInteger(width) &&
    Number.isInteger(height) &&
    short > 0 &&
    width % L.multiple === 0 &&
    height % L.multiple === 0 &&
    long <= L.maxEdge &&
    long <= L.maxAspect * short &&
    pixels >= L.minPixels &&
    pixels <= L.maxPixels
  );
}

let flexibleSizes: Size[] | undefined;
/** Every size gpt-image-2 accepts (about 15,000), listed once. */
function allFlexibleSizes(): Size[] {
  if (flexibleSizes) return flexibleSizes;
  const out: Size[] = [];
  const step = FLEXIBLE_LIMITS.multiple;
  for (let width = step; width <= FLEXIBLE_LIMITS.maxEdge; width += step) {
    for (let height = step; height <= FLEXIBLE_LIMITS.maxEdge; height += step)
      if (isFlexibleSize({ width, height })) out.push({ width, height });
  }
  return (flexibleSizes = out);
}

/**
 * The size to request for a width×height seed. gpt-image-2: the seed's own size when valid, else
 * the valid size nearest to the seed scaled uniformly (same aspect) into the pixel and edge limits,
 * nearest in log-distance per axis. Other models: the standard size of the nearest aspect ratio.
 */
export function chooseSize(model: string, width: number, height: number): Size {
  if (!(width > 0 && height > 0)) throw new RangeError(`No size for a ${width}×${height} picture`);
  const aspect = Math.log(width / height);
  if (!acceptsFlexibleSizes(model)) {
    let best = STANDARD_SIZES[0]!;
    for (const s of STANDARD_SIZES)
      if (Math.abs(Math.log(s.width / s.height) - aspect) < Math.abs(Math.log(best.width / best.height) - aspect)) best = s;
    return best;
  }
  if (isFlexibleSize({ width, height })) return { width, height };
  const L = FLEXIBLE_LIMITS;
  const pixels = width * height;
  const lo = Math.sqrt(L.minPixels / pixels);
  const hi = Math.min(Math.sqrt(L.maxPixels / pixels), L.maxEdge / Math.max(width, height));
  const scale = Math.min(Math.max(1, lo), Math.max(lo, hi));
  const [idealW, idealH] = [width * scale, height * scale];
  let best = allFlexibleSizes()[0]!;
  let bestScore = Infinity;
  for (const s of allFlexibleSizes()) {
    const score = Math.abs(Math.log(s.width / idealW)) + Math.abs(Math.log(s.height / idealH));
    if (score < bestScore) [best, bestScore] = [s, score];
  }
  return best;
}

/**
 * The seed and its mask at `target`. The seed is resampled (lanczos3); the mask stays crisp: a
 * target pixel is to repaint (alpha 0) when any source pixel under it is, so the model is asked to
 * repaint at least all of the region the composite will take from it, and never gets partial alpha.
 */
export async function scaleForEngine(image: Buffer, mask: Buffer, from: Size, target: Size): Promise<{ image: Buffer; mask: Buffer }> {
  if (from.width === target.width && from.height === target.height) return { image, mask };
  const edit = await readEditMap(mask, from);
  const grey = Buffer.alloc(edit.length);
  for (let i = 0; i < edit.length; i++) grey[i] = edit[i] ? 255 : 0;
  const [scaledImage, scaledGrey] = await Promise.all([
    sharp(image, { limitInputPixels: MAX_IMAGE_PIXELS }).resize(target.width, target.height, { fit: "fill" }).png().toBuffer(),
    sharp(grey, { raw: { width: from.width, height: from.height, channels: 1 } })
      .resize(target.width, target.height, { fit: "fill", kernel: "linear" })
      .extractChannel(0) // sharp would otherwise hand back three grey channels
      .raw()
      .toBuffer(),
  ]);
  const rgba = Buffer.alloc(target.width * target.height * 4);
  for (let i = 0; i < scaledGrey.length; i++) rgba[i * 4 + 3] = scaledGrey[i]! > 0 ? 0 : 255;
  const scaledMask = await sharp(rgba, { raw: { width: target.width, height: target.height, channels: 4 } })
    .png()
    .toBuffer();
  return { image: scaledImage, mask: scaledMask };
}
