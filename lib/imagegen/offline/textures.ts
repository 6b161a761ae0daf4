// Procedural textures the prompt can ask for. Each kind becomes a painter: a pure function of the
// pixel position that returns an overlay colour and its opacity, all randomness drawn up front
// from the seeded PRNG so the same prompt and picture always paint the same pattern. The simple
// patterns live here, the scenes (water, sky, grass...) in ./scenes.
import { ink, put, type Painter, type TextureContext } from "./paint";
import type { TextureKind } from "./prompt";
import { latticeHash } from "./random";
import { SCENES } from "./scenes";

function stripes(ctx: TextureContext): Painter {
  const angle = ctx.random() * Math.PI;
  const period = ctx.unit * (1.6 + ctx.random() * 1.4);
  const phase = ctx.random();
  const cos = Math.cos(angle) / period;
  const sin = Math.sin(angle) / period;
  const c = ink(ctx);
  return (x, y, out) => {
    const t = x * cos + y * sin + phase;
    const f = t - Math.floor(t);
    // Signed distance in pixels to the nearest stripe edge (stripe = first half of each period),
    // turned into ~1 px of anti-aliasing.
    const inside = (0.25 - Math.abs(f - 0.25)) * period;
    put(out, c, 0.85 * Math.min(1, Math.max(0, inside + 0.5)));
  };
}

function dots(ctx: TextureContext): Painter {
  const grid = ctx.unit * (2.2 + ctx.random() * 1.2);
  const radius = grid * (0.2 + ctx.random() * 0.1);
  const jitter = Math.max(0, grid / 2 - radius - 1);
  const c = ink(ctx);
  return (x, y, out) => {
    const cx = Math.floor(x / grid);
    const cy = Math.floor(y / grid);
    const px = (cx + 0.5) * grid + (latticeHash(cx, cy, ctx.seed) - 0.5) * 2 * jitter;
    const py = (cy + 0.5) * grid + (latticeHash(cx, cy, ctx.seed + 1) - 0.5) * 2 * jitter;
    const dist = Math.hypot(x - px, y - py);
    put(out, c, 0.9 * Math.min(1, Math.max(0, radius - dist + 0.5)));
  };
}

function checkers(ctx: TextureContext): Painter {
  const size = ctx.unit * (1.8 + ctx.random() * 1.6);
  const ox = ctx.random() * size;
  const oy = ctx.random() * size;
  const c = ink(ctx);
  return (x, y, out) => {
    const parity = (Math.floor((x + ox) / size) + Math.floor((y + oy) / size)) & 1;
    put(out, c, parity ? 0.8 : 0);
  };
}

const PATTERNS = { stripes, dots, checkers } as const;

/** A painter for the texture kind, its parameters drawn from ctx.random. */
export function createPainter(kind: TextureKind, ctx: TextureContext): Painter {
  if (kind === "stripes" || kind === "dots" || kind === "checkers") return PATTERNS[kind](ctx);
  return SCENES[kind](ctx);
}
