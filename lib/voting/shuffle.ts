import { createHash } from "node:crypto";

/**
 * A deterministic shuffle seeded by a string: each voter sees the day's images in an order of
 * their own that stays the same across reloads (so positions recorded with votes mean something)
 * but differs between voters, against position effects in the crowd's verdict.
 */
export function seededShuffle<T>(items: readonly T[], seed: string): T[] {
  const out = [...items];
  const digest = createHash("sha256").update(seed).digest();
  let state = digest.readUInt32LE(0) || 1;
  const next = () => {
    // xorshift32: small, fast, and good enough to order a few hundred images.
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 4294967296;
  };
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}
