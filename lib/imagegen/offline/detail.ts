// Texture for the membrane fill, which on its own is a smooth blur. The picture is split into
// high frequencies (the filled picture minus a blurred copy). How much texture each part of the
// hole should have is itself inpainted: the detail energy of the surrounding tiles is
// membrane-filled across the hole on a coarse tile grid, measured robustly (a tile's quietest
// quadrant) so that a lone edge such as a horizon does not count as texture. Overlapping tiles of
// the hole then borrow the high frequencies of untouched source tiles whose local colour and
// energy match, scaled to the expected energy, the way patch-based inpainting copies texture.
// Adding detail on top of the smooth fill (rather than pasting whole patches) keeps colours
// continuous, so there are no seams, and a hole ringed by flat colour stays clean.
import { membraneFill } from "./fill";
import { boxBlur, SumTable } from "./maps";

/** Tile side; tiles overlap by half and are blended with sin² windows that sum to exactly 1. */
const TILE = 32;
const HOP = TILE / 2;
/** Radius of the box blur (applied twice, ~a tent of radius 10) that separates out the detail. */
const BLUR = 5;
/** Source tiles stay this far from the hole so their blur never saw filled pixels. */
const MARGIN = 2 * BLUR;
/** Random source tiles each target tile considers, on top of continuing its neighbours' picks. */
const CANDIDATES = 16;
/** Expected detail energy (mean square, levels²) below which a tile is left smooth. */
const MIN_ENERGY = 1;
/** Clamp on one borrowed detail value, so a single strong edge cannot dominate a tile. */
const MAX_DETAIL = 40;
/** Most a source's detail is amplified to reach the expected energy. */
const MAX_GAIN = 2;
/**
 * Amplitude boost on top of the energy match: blending two unrelated overlapping tiles averages
 * their detail away (to ~0.7 of its contrast where the windows cross), and a tile's quietest
 * quadrant underestimates its texture; without this the fill reads as faded.
 */
const BOOST = 1.3;

type RectTest = (x0: number, y0: number, x1: number, y1: number) => boolean;

/**
 * A tile's texture energy: the mean of its quietest quadrant. Texture fills every quadrant; a
 * lone edge crosses two or three, so it scores as low as the flat colour on either side.
 */
function robustEnergy(energy: SumTable, tx: number, ty: number): number {
  let least = Infinity;
  for (let qy = 0; qy < 2; qy++) {
    for (let qx = 0; qx < 2; qx++) {
      const x = tx + qx * HOP;
      const y = ty + qy * HOP;
      const m = energy.mean(x, y, x + HOP, y + HOP);
      if (m < least) least = m; // NaN (quadrant off the picture) never compares lower
    }
  }
  return least === Infinity ? 0 : least;
}

/**
 * Squared colour difference between a tile's halves (left/right or top/bottom, the larger), read
 * from the blurred picture at the quarter points: large when an edge crosses the tile.
 */
function halvesDiffer(blurred: Float32Array, width: number, sx: number, sy: number): number {
  const q = TILE / 4;
  const at = (x: number, y: number) => ((sy + y) * width + sx + x) * 3;
  const dist2 = (a: number, b: number) =>
    (blurred[a]! - blurred[b]!) ** 2 + (blurred[a + 1]! - blurred[b + 1]!) ** 2 + (blurred[a + 2]! - blurred[b + 2]!) ** 2;
  return Math.max(dist2(at(q, 2 * q), at(3 * q, 2 * q)), dist2(at(2 * q, q), at(2 * q, 3 * q)));
}

/** Expected detail energy per tile: measured on hole-free tiles, membrane-filled over the rest. */
function energyGrid(energy: SumTable, touchesHole: RectTest, width: number, height: number) {
  const cols = Math.ceil(width / HOP) + 1;
  const rows = Math.ceil(height / HOP) + 1;
  const values = new Float32Array(cols * rows * 3);
  const known = new Uint8Array(cols * rows);
  let anyKnown = false;
  for (let row = 0; row < rows; row++) {
    for (let col = 0; col < cols; col++) {
      const tx = col * HOP - HOP;
      const ty = row * HOP - HOP;
      if (touchesHole(tx - MARGIN, ty - MARGIN, tx + TILE + MARGIN, ty + TILE + MARGIN)) continue;
      known[row * cols + col] = 1;
      values[(row * cols + col) * 3] = robustEnergy(energy, tx, ty);
      anyKnown = true;
    }
  }
  if (!anyKnown) return undefined;
  membraneFill(values, known, cols, rows);
  return { cols, at: (col: number, row: number) => values[(row * cols + col) * 3]! };
}

/** What choosing and pasting a source tile needs to know about the picture. */
interface Maps {
  rgb: Float32Array;
  blurred: Float32Array;
  energy: SumTable;
  width: number;
  height: number;
  /** Whether a source tile at (sx, sy) lies in the picture and well clear of the hole. */
  free: (sx: number, sy: number) => boolean;
}

interface Source {
  x: number;
  y: number;
  /** Mean detail energy of the whole source tile. */
  energy: number;
}

/**
 * The best source for the target tile at (tx, ty) among the neighbours' continuations (`hints`,
 * favoured for coherence) and CANDIDATES random picks from `pool` (flat x, y pairs).
 */
function pickSource(
  m: Maps,
  tx: number,
  ty: number,
  want: number,
  hints: number[],
  pool: number[],
  random: () => number,
): Source | undefined {
  const { blurred, energy, width, height } = m;
  const target = (Math.min(height - 1, Math.max(0, ty + HOP)) * width + Math.min(width - 1, Math.max(0, tx + HOP))) * 3;
  const diag2 = width * width + height * height;
  let best: Source | undefined;
  let bestCost = Infinity;
  const consider = (sx: number, sy: number, bias: number) => {
    if (!m.free(sx, sy)) return;
    const s = ((sy + HOP) * width + sx + HOP) * 3;
    const dr = blurred[s]! - blurred[target]!;
    const dg = blurred[s + 1]! - blurred[target + 1]!;
    const db = blurred[s + 2]! - blurred[target + 2]!;
    const have = energy.mean(sx, sy, sx + TILE, sy + TILE);
    const steady = robustEnergy(energy, sx, sy);
    // Match the expected texture; avoid tiles that straddle an edge (their halves differ in
    // colour) or whose energy is uneven: pasted, an edge reads as a stray line.
    const de = Math.sqrt(steady) - Math.sqrt(want);
    const uneven = Math.sqrt(have) - Math.sqrt(steady);
    const edge = halvesDiffer(blurred, width, sx, sy);
    const spread = (400 * ((sx - tx) ** 2 + (sy - ty) ** 2)) / diag2;
    const cost = (dr * dr + dg * dg + db * db + 4 * (de * de + uneven * uneven) + 2 * edge + spread) * bias;
    if (cost < bestCost) {
      bestCost = cost;
      best = { x: sx, y: sy, energy: have };
    }
  };
  for (let k = 0; k < hints.length; k += 2) consider(hints[k]!, hints[k + 1]!, 0.6);
  for (let k = 0; k < CANDIDATES; k++) {
    const p = Math.floor(random() * (pool.length / 2)) * 2;
    consider(pool[p]!, pool[p + 1]!, 1);
  }
  return best;
}

/** Adds the source tile's detail, scaled by `gain` and the window, to the target tile's hole pixels. */
function pasteDetail(m: Maps, hole: Uint8Array, tx: number, ty: number, src: Source, gain: number, window: Float32Array): void {
  const { rgb, blurred, width, height } = m;
  for (let j = 0; j < TILE; j++) {
    const y = ty + j;
    if (y < 0 || y >= height) continue;
    for (let i = 0; i < TILE; i++) {
      const x = tx + i;
      if (x < 0 || x >= width || !hole[y * width + x]) continue;
      const w = gain * window[i]! * window[j]!;
      const d = (y * width + x) * 3;
      const s = ((src.y + j) * width + src.x + i) * 3;
      for (let c = 0; c < 3; c++) {
        rgb[d + c] = rgb[d + c]! + w * Math.max(-MAX_DETAIL, Math.min(MAX_DETAIL, rgb[s + c]! - blurred[s + c]!));
      }
    }
  }
}

/**
 * Adds borrowed high-frequency detail to the hole pixels of `rgb` (3 floats per pixel, already
 * membrane-filled; modified in place). `hole[i] === 1` marks the hole; `random` draws candidate
 * source tiles. Does nothing when the surroundings are flat or no hole-free source tile exists.
 */
export function transferDetail(rgb: Float32Array, hole: Uint8Array, width: number, height: number, random: () => number): void {
  const holes = new SumTable(hole, width, height);
  const touchesHole: RectTest = (x0, y0, x1, y1) => holes.sum(x0, y0, x1, y1) > 0;
  const free = (sx: number, sy: number) =>
    sx >= 0 &&
    sy >= 0 &&
    sx + TILE <= width &&
    sy + TILE <= height &&
    !touchesHole(sx - MARGIN, sy - MARGIN, sx + TILE + MARGIN, sy + TILE + MARGIN);
  const pool: number[] = [];
  for (let attempt = 0; attempt < 4000 && pool.length < 2048; attempt++) {
    const sx = Math.floor(random() * (width - TILE + 1));
    const sy = Math.floor(random() * (height - TILE + 1));
    if (free(sx, sy)) pool.push(sx, sy);
  }
  if (pool.length === 0) return;

  const scratch = new Float32Array(rgb.length);
  const blurred = boxBlur(rgb, width, height, BLUR, undefined, scratch);
  boxBlur(blurred, width, height, BLUR, blurred, scratch);
  const perPixel = new Float32Array(width * height);
  for (let i = 0; i < perPixel.length; i++) {
    const r = rgb[i * 3]! - blurred[i * 3]!;
    const g = rgb[i * 3 + 1]! - blurred[i * 3 + 1]!;
    const b = rgb[i * 3 + 2]! - blurred[i * 3 + 2]!;
    perPixel[i] = (r * r + g * g + b * b) / 3;
  }
  const energy = new SumTable(perPixel, width, height);
  const expected = energyGrid(energy, touchesHole, width, height);
  if (!expected) return;

  const maps: Maps = { rgb, blurred, energy, width, height, free };
  const window = new Float32Array(TILE);
  for (let i = 0; i < TILE; i++) window[i] = Math.sin((Math.PI * (i + 0.5)) / TILE) ** 2;
  // Each column's latest chosen source (x, y; -1 for none), so the next tile to the right and
  // the one below can try continuing it: larger coherent stretches of texture.
  const chosen = new Int32Array(expected.cols * 2).fill(-1);
  for (let ty = -HOP, row = 0; ty < height; ty += HOP, row++) {
    for (let tx = -HOP, col = 0; tx < width; tx += HOP, col++) {
      const slot = col * 2;
      const hints: number[] = [];
      if (col > 0 && chosen[slot - 2]! >= 0) hints.push(chosen[slot - 2]! + HOP, chosen[slot - 1]!);
      if (chosen[slot]! >= 0) hints.push(chosen[slot]!, chosen[slot + 1]! + HOP);
      chosen[slot] = -1;
      const want = expected.at(col, row);
      if (want < MIN_ENERGY || !touchesHole(tx, ty, tx + TILE, ty + TILE)) continue;
      const src = pickSource(maps, tx, ty, want, hints, pool, random);
      if (!src) continue;
      chosen[slot] = src.x;
      chosen[slot + 1] = src.y;
      const gain = Math.min(MAX_GAIN, BOOST * Math.sqrt(want / Math.max(src.energy, 1e-3)));
      pasteDetail(maps, hole, tx, ty, src, gain, window);
    }
  }
}
