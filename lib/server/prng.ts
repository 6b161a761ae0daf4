// Deterministic randomness: the same seed gives the same sequence on every machine, so the
// offline engine's pictures and the analyses' bootstrap intervals can be reproduced.

/** Mulberry32: a tiny, fast 32-bit PRNG, numbers in [0, 1). Good statistics for picking and resampling; not for secrets. */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
