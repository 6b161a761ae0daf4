/**
 * The one rule that turns the soft (anti-aliased) raster into a yes/no mask:
 * a pixel is "to repaint" when the raster's alpha >= 128 (REPAINT_ALPHA_THRESHOLD).
 *
 * The exported PNG inverts that into the image model's convention: repaint pixels get alpha 0,
 * every other pixel alpha 255 (RGB always 0). The server decides with the matching threshold
 * (alpha < 128 in the PNG = repaint), so an anti-aliased stroke edge lands on the same side on
 * both ends and is never silently dropped. Coverage is counted from the very same decision.
 */
export const REPAINT_ALPHA_THRESHOLD = 128;

/** Number of repaint pixels in RGBA data from the mask raster. */
export function countRepaintPixels(rgba: Uint8ClampedArray): number {
  let n = 0;
  for (let i = 3; i < rgba.length; i += 4) {
    if (rgba[i]! >= REPAINT_ALPHA_THRESHOLD) n++;
  }
  return n;
}

/**
 * Builds the exported mask pixels from the raster's RGBA data: alpha 0 where the raster says
 * repaint, alpha 255 elsewhere, RGB 0. Returns the pixels and the repaint count from one pass.
 */
export function thresholdMask(rgba: Uint8ClampedArray): { pixels: Uint8ClampedArray<ArrayBuffer>; repaint: number } {
  const pixels = new Uint8ClampedArray(rgba.length);
  let repaint = 0;
  for (let i = 3; i < rgba.length; i += 4) {
    if (rgba[i]! >= REPAINT_ALPHA_THRESHOLD) {
      repaint++;
    } else {
      pixels[i] = 255;
    }
  }
  return { pixels, repaint };
}

/** Share of repaint pixels (0..1); 0 for an empty image. */
export function coverageOf(repaint: number, width: number, height: number): number {
  const total = width * height;
  return total > 0 ? repaint / total : 0;
}

export type CoverageStatus = "ok" | "low" | "high";

/** Where a coverage sits relative to the allowed bounds (inclusive). */
export function coverageStatus(coverage: number, min: number, max: number): CoverageStatus {
  if (coverage < min) return "low";
  if (coverage > max) return "high";
  return "ok";
}

/**
 * The allowed coverage as one range in the locale's own form ("1% – 90%", "1-90 %"), percent
 * signs and direction marks included: formatted as two separate numbers, a right-to-left page
 * showed one bound with its sign on the wrong side.
 */
export function allowedRange(locale: string, min: number, max: number): string {
  return new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 2 }).formatRange(min, max);
}
