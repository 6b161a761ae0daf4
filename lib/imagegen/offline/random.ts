// Deterministic randomness for the offline engine: the same prompt and picture must give the same
// bytes (tests, reproducible research data), so nothing here reads Math.random or the clock.
import { createHash } from "node:crypto";
import { mulberry32 } from "../../server/prng";

/** A 32-bit seed from the prompt and the image bytes (SHA-256, so any change to either reseeds). */
export function seedFromInputs(prompt: string, image: Buffer): number {
  const hash = createHash("sha256").update(prompt, "utf8").update("\u0000").update(image).digest();
  return hash.readUInt32LE(0);
}

/** The engine's PRNG (mulberry32): picks patches and patterns. */
export const createRng = mulberry32;

/** A stateless hash of an integer lattice point to [0, 1): the basis of value noise and scattering. */
export function latticeHash(ix: number, iy: number, seed: number): number {
  let h = (Math.imul(ix, 374761393) + Math.imul(iy, 668265263) + Math.imul(seed, 1274126177)) | 0;
  h = Math.imul(h ^ (h >>> 13), 1274126177);
  h ^= h >>> 16;
  return (h >>> 0) / 4294967296;
}

/** Smooth value noise in [0, 1): lattice values blended with a smoothstep, period-free. */
export function valueNoise(x: number, y: number, seed: number): number {
  const ix = Math.floor(x);
  const iy = Math.floor(y);
  const fx = x - ix;
  const fy = y - iy;
  const sx = fx * fx * (3 - 2 * fx);
  const sy = fy * fy * (3 - 2 * fy);
  const a = latticeHash(ix, iy, seed);
  const b = latticeHash(ix + 1, iy, seed);
  const c = latticeHash(ix, iy + 1, seed);
  const d = latticeHash(ix + 1, iy + 1, seed);
  const top = a + (b - a) * sx;
  const bottom = c + (d - c) * sx;
  return top + (bottom - top) * sy;
}

/**
 * Fractal (fBm) value noise in [0, 1): `octaves` layers, each twice the frequency and half the
 * amplitude of the last, normalised so the mean stays near 0.5 whatever the octave count.
 */
export function fbm(x: number, y: number, seed: number, octaves = 4): number {
  let sum = 0;
  let amp = 0.5;
  let norm = 0;
  let fx = x;
  let fy = y;
  for (let o = 0; o < octaves; o++) {
    sum += amp * valueNoise(fx, fy, seed + o * 1013);
    norm += amp;
    amp *= 0.5;
    // A small rotation-free offset per octave keeps lattice lines from stacking up.
    fx = fx * 2 + 17.3;
    fy = fy * 2 + 31.7;
  }
  return sum / norm;
}

/** Hermite smoothstep of t between edge0 and edge1, clamped to [0, 1]. */
export function smoothstep(edge0: number, edge1: number, t: number): number {
  const x = Math.min(1, Math.max(0, (t - edge0) / (edge1 - edge0)));
  return x * x * (3 - 2 * x);
}
