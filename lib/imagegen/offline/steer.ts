// Lets the prompt steer the inpainted region: a tint toward the named colours, then the named
// textures painted over it. Both fade in over a short ramp from the mask border so the repaint
// still grows out of the surroundings instead of starting with a hard edge.
import { createPainter } from "./textures";
import type { TextureContext } from "./paint";
import { meanColour, type PromptStyle, type Rgb } from "./prompt";
import { createRng } from "./random";

/** Share of the fill's own variation (around its mean) kept when tinting: shading survives. */
const KEEP_VARIATION = 0.6;

export interface SteerInput {
  /** RGB floats, 3 per pixel, already filled; modified in place inside the hole. */
  rgb: Float32Array;
  width: number;
  height: number;
  /** Indices of the pixels being repainted. */
  holes: Int32Array;
  /** Distance of each pixel to the nearest kept pixel (0 outside the hole). */
  dist: Float32Array;
  style: PromptStyle;
  seed: number;
}

function holeMean(rgb: Float32Array, holes: Int32Array): Rgb {
  let r = 0;
  let g = 0;
  let b = 0;
  for (let k = 0; k < holes.length; k++) {
    const p = holes[k]! * 3;
    r += rgb[p]!;
    g += rgb[p + 1]!;
    b += rgb[p + 2]!;
  }
  const n = Math.max(1, holes.length);
  return [r / n, g / n, b / n];
}

function holeBox(holes: Int32Array, width: number): TextureContext["box"] {
  let x0 = Infinity,
    y0 = Infinity,
    x1 = -Infinity,
    y1 = -Infinity;
  for (let k = 0; k < holes.length; k++) {
    const i = holes[k]!;
    const x = i % width;
    const y = (i - x) / width;
    if (x < x0) x0 = x;
    if (x >= x1) x1 = x + 1;
    if (y < y0) y0 = y;
    if (y >= y1) y1 = y + 1;
  }
  return { x0, y0, x1, y1 };
}

/**
 * Applies the prompt's colours and textures to the hole of a filled picture. A prompt with
 * neither leaves the fill untouched.
 */
export function steer({ rgb, width, height, holes, dist, style, seed }: SteerInput): void {
  if (holes.length === 0) return;
  const colour = meanColour(style.colours);
  if (!colour && style.textures.length === 0) return;
  const ramp = Math.max(4, Math.min(width, height) / 64);
  const mean = holeMean(rgb, holes);

  if (colour) {
    const strength = style.vivid ? 0.85 : 0.7;
    for (let k = 0; k < holes.length; k++) {
      const i = holes[k]!;
      const t = strength * Math.min(1, dist[i]! / ramp);
      for (let c = 0; c < 3; c++) {
        const p = i * 3 + c;
        const want = colour[c]! + (rgb[p]! - mean[c]!) * KEEP_VARIATION;
        rgb[p] = rgb[p]! + (want - rgb[p]!) * t;
      }
    }
  }

  const random = createRng(seed ^ 0x5f3759df);
  const ctx: TextureContext = {
    seed,
    random,
    unit: Math.max(4, Math.max(width, height) / 64),
    colour,
    fillMean: colour ?? mean,
    box: holeBox(holes, width),
  };
  const out = new Float32Array(4);
  for (const kind of style.textures) {
    const paint = createPainter(kind, ctx);
    for (let k = 0; k < holes.length; k++) {
      const i = holes[k]!;
      const x = i % width;
      paint(x, (i - x) / width, out);
      const a = out[3]! * Math.min(1, dist[i]! / ramp);
      if (a <= 0) continue;
      for (let c = 0; c < 3; c++) rgb[i * 3 + c] = rgb[i * 3 + c]! + (out[c]! - rgb[i * 3 + c]!) * a;
    }
  }
}
