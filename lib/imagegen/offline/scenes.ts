// Scene textures (water, sky, grass, brick, night, sand, fire, snow): fractal noise shaped into
// something that reads as the word, in the scene's own colours unless the prompt named one
// ("red waves" recolours the water). Opacity stays below 1 so the fill's shading shows through.
import { mix, palette, put, shade, WHITE, type Painter, type TextureContext } from "./paint";
import type { Rgb, TextureKind } from "./prompt";
import { fbm, latticeHash, smoothstep } from "./random";

type SceneKind = Exclude<TextureKind, "stripes" | "dots" | "checkers">;

/**
 * A scattered round feature per grid cell (stars, snowflakes): returns 0..1 coverage at (x, y),
 * or 0 when the cell has none. `chance` of a cell holding one, radius between rMin and rMax.
 */
function scatter(x: number, y: number, grid: number, seed: number, chance: number, rMin: number, rMax: number): number {
  const cx = Math.floor(x / grid);
  const cy = Math.floor(y / grid);
  if (latticeHash(cx, cy, seed) >= chance) return 0;
  const size = latticeHash(cx, cy, seed + 3);
  const r = rMin + (rMax - rMin) * size * size * size;
  const margin = Math.max(0, grid / 2 - r - 1);
  const px = (cx + 0.5) * grid + (latticeHash(cx, cy, seed + 1) - 0.5) * 2 * margin;
  const py = (cy + 0.5) * grid + (latticeHash(cx, cy, seed + 2) - 0.5) * 2 * margin;
  const dist = Math.hypot(x - px, y - py);
  // Hard disc plus a faint halo, so bigger stars glow a little.
  return Math.min(1, Math.max(0, r - dist + 0.5) + 0.35 * Math.exp(-(dist * dist) / (2 * (2 * r) ** 2)));
}

function waves(ctx: TextureContext): Painter {
  const [deep, , light] = palette(ctx, [18, 64, 130], [40, 110, 180], [120, 190, 235]);
  const period = ctx.unit * (1.2 + ctx.random() * 0.8);
  const phase = ctx.random() * Math.PI * 2;
  const u = ctx.unit;
  return (x, y, out) => {
    const n = fbm(x / (6 * u), y / (6 * u), ctx.seed, 3);
    const v = 0.5 + 0.5 * Math.sin((2 * Math.PI * y) / period + 0.8 * Math.sin(x / (2.3 * period) + phase) + 5 * n);
    const water = mix(deep, light, v * v);
    put(out, mix(water, WHITE, 0.7 * smoothstep(0.9, 0.99, v)), 0.85);
  };
}

function clouds(ctx: TextureContext): Painter {
  const sky: Rgb = ctx.colour ?? [105, 165, 230];
  const cloud = mix(sky, WHITE, ctx.colour ? 0.8 : 0.97);
  const u = ctx.unit;
  return (x, y, out) => {
    const cover = smoothstep(0.42, 0.68, fbm(x / (10 * u), y / (6 * u), ctx.seed, 5));
    const puff = 0.85 + 0.15 * fbm(x / (3 * u), y / (3 * u), ctx.seed + 9, 2);
    put(out, mix(sky, shade(cloud, puff), cover), 0.85);
  };
}

function grass(ctx: TextureContext): Painter {
  const [dark, , light] = palette(ctx, [28, 85, 30], [70, 140, 45], [125, 190, 65]);
  const u = ctx.unit;
  return (x, y, out) => {
    // Stretched vertically: thin upright blades, with larger lighter and darker patches.
    const blades = fbm(x / (0.3 * u), y / (2.5 * u), ctx.seed, 3);
    const patches = fbm(x / (8 * u), y / (8 * u), ctx.seed + 7, 2);
    put(out, mix(dark, light, 0.7 * blades + 0.3 * patches), 0.9);
  };
}

function brick(ctx: TextureContext): Painter {
  const stone: Rgb = ctx.colour ?? [155, 60, 40];
  const mortar: Rgb = [200, 195, 185];
  const h = ctx.unit * 1.1;
  const w = ctx.unit * 2.5;
  const joint = Math.max(1, ctx.unit * 0.12);
  return (x, y, out) => {
    const row = Math.floor(y / h);
    const xo = x + (row & 1) * (w / 2);
    const col = Math.floor(xo / w);
    if (xo - col * w < joint || y - row * h < joint) return put(out, mortar, 0.9);
    const f = 0.82 + 0.3 * latticeHash(col, row, ctx.seed) + 0.1 * (fbm(x / 3, y / 3, ctx.seed + 5, 2) - 0.5);
    put(out, shade(stone, f), 0.92);
  };
}

function stars(ctx: TextureContext): Painter {
  const night: Rgb = ctx.colour ? shade(ctx.colour, 0.2) : [8, 12, 38];
  const star: Rgb = ctx.colour ? mix(ctx.colour, WHITE, 0.6) : [255, 252, 230];
  const haze = mix(night, [70, 60, 120], 0.5);
  const u = ctx.unit;
  return (x, y, out) => {
    const sky = mix(night, haze, 0.6 * smoothstep(0.45, 0.8, fbm(x / (12 * u), y / (12 * u), ctx.seed, 4)));
    put(out, mix(sky, star, scatter(x, y, 1.3 * u, ctx.seed + 11, 0.45, 0.5, 2.7)), 0.93);
  };
}

function sand(ctx: TextureContext): Painter {
  const [dark, , light] = palette(ctx, [178, 142, 92], [205, 175, 125], [235, 210, 165]);
  const u = ctx.unit;
  return (x, y, out) => {
    const ripples = fbm(x / (3 * u), y / (1.2 * u), ctx.seed, 3);
    const grain = latticeHash(x, y, ctx.seed + 4);
    put(out, mix(dark, light, 0.6 * ripples + 0.4 * grain), 0.85);
  };
}

function fire(ctx: TextureContext): Painter {
  const c = ctx.colour;
  const stops: Rgb[] = c
    ? [shade(c, 0.25), shade(c, 0.7), c, mix(c, WHITE, 0.7)]
    : [
        [90, 5, 0],
        [225, 65, 0],
        [255, 185, 35],
        [255, 245, 190],
      ];
  const { y0, y1 } = ctx.box;
  const u = ctx.unit;
  return (x, y, out) => {
    // Hotter toward the bottom of the region; noise stretched upward reads as flame tongues.
    const below = (y - y0) / Math.max(1, y1 - y0);
    const heat = Math.min(1, Math.max(0, fbm(x / (2 * u), y / (4 * u), ctx.seed, 4) * 1.3 - 0.45 + 0.75 * below));
    const t = heat * (stops.length - 1);
    const k = Math.min(stops.length - 2, Math.floor(t));
    put(out, mix(stops[k]!, stops[k + 1]!, t - k), 0.92);
  };
}

function snow(ctx: TextureContext): Painter {
  const white: Rgb = [246, 248, 252];
  const shadow: Rgb = ctx.colour ? mix(ctx.colour, WHITE, 0.5) : [185, 200, 225];
  const u = ctx.unit;
  return (x, y, out) => {
    const drift = mix(shadow, white, smoothstep(0.25, 0.75, fbm(x / (8 * u), y / (8 * u), ctx.seed, 4)));
    put(out, mix(drift, WHITE, scatter(x, y, 0.9 * u, ctx.seed + 13, 0.5, 0.6, 2.2)), 0.9);
  };
}

/** Painter factories for the scene words. */
export const SCENES: Record<SceneKind, (ctx: TextureContext) => Painter> = {
  waves,
  clouds,
  grass,
  brick,
  stars,
  sand,
  fire,
  snow,
};
