// Shared vocabulary of the procedural textures: what a painter is, what it knows about the
// picture, and small colour helpers. Kept apart so patterns and scenes do not import each other.
import type { Rgb } from "./prompt";

/** Writes overlay r, g, b (0..255) and opacity (0..1) for pixel (x, y) into out[0..3]. */
export type Painter = (x: number, y: number, out: Float32Array) => void;

export interface TextureContext {
  seed: number;
  /** Draws the pattern's parameters (angle, spacing, phase); seeded, so deterministic. */
  random: () => number;
  /** Feature scale in pixels (about 1/64 of the picture's longer side). */
  unit: number;
  /** The colour the prompt named (mean of several), if any: it recolours the texture. */
  colour: Rgb | undefined;
  /** Mean colour of the filled region, so uncoloured patterns can contrast with it. */
  fillMean: Rgb;
  /** Bounding box of the region being repainted (x1, y1 exclusive). */
  box: { x0: number; y0: number; x1: number; y1: number };
}

export const WHITE: Rgb = [255, 255, 255];

/** Linear mix of two colours; t = 0 gives a. */
export function mix(a: Rgb, b: Rgb, t: number): Rgb {
  return [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t, a[2] + (b[2] - a[2]) * t];
}

/** The colour scaled toward black by factor f (f = 1 keeps it). */
export function shade(c: Rgb, f: number): Rgb {
  return [c[0] * f, c[1] * f, c[2] * f];
}

/** Writes a colour and opacity into a painter's output. */
export function put(out: Float32Array, c: Rgb, alpha: number): void {
  out[0] = c[0];
  out[1] = c[1];
  out[2] = c[2];
  out[3] = alpha;
}

/** Dark, mid and light versions of the named colour, or the scene's own palette without one. */
export function palette(ctx: TextureContext, dark: Rgb, mid: Rgb, light: Rgb): [Rgb, Rgb, Rgb] {
  const c = ctx.colour;
  return c ? [shade(c, 0.45), c, mix(c, WHITE, 0.55)] : [dark, mid, light];
}

/** Ink for a pattern: the named colour, else dark on a light fill and light on a dark one. */
export function ink(ctx: TextureContext): Rgb {
  if (ctx.colour) return ctx.colour;
  const [r, g, b] = ctx.fillMean;
  const luma = 0.299 * r + 0.587 * g + 0.114 * b;
  return luma > 110 ? shade(ctx.fillMean, 0.35) : mix(ctx.fillMean, WHITE, 0.65);
}
