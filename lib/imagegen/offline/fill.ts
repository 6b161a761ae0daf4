// Membrane (harmonic) fill of a hole from its surroundings, solved coarse-to-fine: a push-pull
// image pyramid gives every hole pixel a first guess from the nearest known colours at the right
// scale, and a few Gauss-Seidel sweeps of Laplace's equation at each level smooth that guess into
// the membrane interpolant. Plain relaxation at full resolution would need thousands of sweeps to
// carry colour into a 700-pixel hole; the pyramid makes it a handful per level.

interface Level {
  width: number;
  height: number;
  /** RGB as floats, 3 per pixel. */
  rgb: Float32Array;
  /** 1 where the colour is known (fixed boundary), 0 in the hole. */
  known: Uint8Array;
  /** Indices of the hole pixels, row-major. */
  holes: Int32Array;
}

/** Sweeps per level: cheap coarse levels get many, the full-resolution level only polishes. */
const SWEEPS_FINE = 4;
const SWEEPS_COARSE = 12;

function holeList(known: Uint8Array): Int32Array {
  let n = 0;
  for (let i = 0; i < known.length; i++) if (!known[i]) n++;
  const holes = new Int32Array(n);
  for (let i = 0, k = 0; i < known.length; i++) if (!known[i]) holes[k++] = i;
  return holes;
}

/** Halves a level; a coarse pixel is known when any of its 2×2 children is (their known mean). */
function pull(fine: Level): Level {
  const width = Math.ceil(fine.width / 2);
  const height = Math.ceil(fine.height / 2);
  const rgb = new Float32Array(width * height * 3);
  const known = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      let n = 0;
      let r = 0;
      let g = 0;
      let b = 0;
      for (let dy = 0; dy < 2; dy++) {
        const fy = 2 * y + dy;
        if (fy >= fine.height) continue;
        for (let dx = 0; dx < 2; dx++) {
          const fx = 2 * x + dx;
          if (fx >= fine.width) continue;
          const fi = fy * fine.width + fx;
          if (!fine.known[fi]) continue;
          n++;
          r += fine.rgb[fi * 3]!;
          g += fine.rgb[fi * 3 + 1]!;
          b += fine.rgb[fi * 3 + 2]!;
        }
      }
      if (n === 0) continue;
      const i = y * width + x;
      known[i] = 1;
      rgb[i * 3] = r / n;
      rgb[i * 3 + 1] = g / n;
      rgb[i * 3 + 2] = b / n;
    }
  }
  return { width, height, rgb, known, holes: holeList(known) };
}

/** First guess for the fine level's hole pixels: bilinear interpolation of the filled coarse level. */
function push(coarse: Level, fine: Level): void {
  const cw = coarse.width;
  const ch = coarse.height;
  for (let k = 0; k < fine.holes.length; k++) {
    const i = fine.holes[k]!;
    const x = i % fine.width;
    const y = (i - x) / fine.width;
    // Pixel centres: fine x sits at coarse (x + 0.5) / 2 - 0.5.
    const cx = Math.min(cw - 1, Math.max(0, x / 2 - 0.25));
    const cy = Math.min(ch - 1, Math.max(0, y / 2 - 0.25));
    const x0 = Math.floor(cx);
    const y0 = Math.floor(cy);
    const x1 = Math.min(cw - 1, x0 + 1);
    const y1 = Math.min(ch - 1, y0 + 1);
    const ax = cx - x0;
    const ay = cy - y0;
    const i00 = (y0 * cw + x0) * 3;
    const i10 = (y0 * cw + x1) * 3;
    const i01 = (y1 * cw + x0) * 3;
    const i11 = (y1 * cw + x1) * 3;
    for (let c = 0; c < 3; c++) {
      const top = coarse.rgb[i00 + c]! + (coarse.rgb[i10 + c]! - coarse.rgb[i00 + c]!) * ax;
      const bottom = coarse.rgb[i01 + c]! + (coarse.rgb[i11 + c]! - coarse.rgb[i01 + c]!) * ax;
      fine.rgb[i * 3 + c] = top + (bottom - top) * ay;
    }
  }
}

/** In-place Gauss-Seidel sweeps of Laplace's equation over the hole (known pixels stay fixed). */
function relax(level: Level, sweeps: number): void {
  const { width, height, rgb, holes } = level;
  for (let s = 0; s < sweeps; s++) {
    for (let k = 0; k < holes.length; k++) {
      const i = holes[k]!;
      const x = i % width;
      let n = 0;
      let r = 0;
      let g = 0;
      let b = 0;
      // Neighbours outside the picture are simply absent (a natural, zero-flux border).
      if (x > 0) {
        n++;
        r += rgb[(i - 1) * 3]!;
        g += rgb[(i - 1) * 3 + 1]!;
        b += rgb[(i - 1) * 3 + 2]!;
      }
      if (x < width - 1) {
        n++;
        r += rgb[(i + 1) * 3]!;
        g += rgb[(i + 1) * 3 + 1]!;
        b += rgb[(i + 1) * 3 + 2]!;
      }
      if (i >= width) {
        n++;
        r += rgb[(i - width) * 3]!;
        g += rgb[(i - width) * 3 + 1]!;
        b += rgb[(i - width) * 3 + 2]!;
      }
      if (i < width * (height - 1)) {
        n++;
        r += rgb[(i + width) * 3]!;
        g += rgb[(i + width) * 3 + 1]!;
        b += rgb[(i + width) * 3 + 2]!;
      }
      rgb[i * 3] = r / n;
      rgb[i * 3 + 1] = g / n;
      rgb[i * 3 + 2] = b / n;
    }
  }
}

/**
 * Fills every pixel with `known[i] === 0` in `rgb` (3 floats per pixel, modified in place) with
 * a smooth membrane interpolation of the known pixels around it. With nothing known at all the
 * picture becomes mid-grey.
 */
export function membraneFill(rgb: Float32Array, known: Uint8Array, width: number, height: number): void {
  const base: Level = { width, height, rgb, known, holes: holeList(known) };
  if (base.holes.length === 0) return;
  if (base.holes.length === known.length) {
    rgb.fill(128);
    return;
  }
  const levels = [base];
  let top = base;
  while (top.holes.length > 0) {
    top = pull(top);
    levels.push(top);
  }
  for (let l = levels.length - 2; l >= 0; l--) {
    const fine = levels[l]!;
    push(levels[l + 1]!, fine);
    relax(fine, l === 0 ? SWEEPS_FINE : SWEEPS_COARSE);
  }
}
