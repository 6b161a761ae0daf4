import type { Rect } from "./geometry";
import type { MaskOp } from "./model";

/**
 * The subset of CanvasRenderingContext2D the rasteriser uses. A real 2D context satisfies it;
 * tests pass a recording fake instead (jsdom has no canvas).
 */
export type MaskContext = Pick<
  CanvasRenderingContext2D,
  | "save"
  | "restore"
  | "beginPath"
  | "closePath"
  | "moveTo"
  | "lineTo"
  | "arc"
  | "stroke"
  | "fill"
  | "fillRect"
  | "clearRect"
  | "globalCompositeOperation"
  | "fillStyle"
  | "strokeStyle"
  | "lineWidth"
  | "lineCap"
  | "lineJoin"
  | "globalAlpha"
>;

/**
 * The raster's convention: masked ("repaint") = opaque white, unmasked = transparent. Only alpha
 * matters; see coverage.ts for the threshold that turns it into the exported mask.
 */
const MASK_COLOR = "#ffffff";

/**
 * Draws one op on top of what the context already holds (used for incremental updates):
 * add = source-over opaque white, erase = destination-out, invert = xor with a full opaque rect
 * (alpha a becomes 255 - a, so the thresholded set is exactly complemented), clear = clearRect.
 */
export function drawOp(ctx: MaskContext, op: MaskOp, width: number, height: number): void {
  ctx.save();
  ctx.globalAlpha = 1;
  ctx.fillStyle = MASK_COLOR;
  ctx.strokeStyle = MASK_COLOR;
  switch (op.kind) {
    case "clear":
      ctx.clearRect(0, 0, width, height);
      break;
    case "invert":
      ctx.globalCompositeOperation = "xor";
      ctx.fillRect(0, 0, width, height);
      break;
    case "rect":
      ctx.globalCompositeOperation = op.mode === "add" ? "source-over" : "destination-out";
      ctx.fillRect(op.x, op.y, op.w, op.h);
      break;
    case "lasso":
      ctx.globalCompositeOperation = op.mode === "add" ? "source-over" : "destination-out";
      tracePolyline(ctx, op.points);
      ctx.closePath();
      // Non-zero winding, like Konva's closed Line in the live preview, so both agree.
      ctx.fill("nonzero");
      break;
    case "stroke":
      ctx.globalCompositeOperation = op.mode === "add" ? "source-over" : "destination-out";
      drawStroke(ctx, op.points, op.size);
      break;
  }
  ctx.restore();
}

function tracePolyline(ctx: MaskContext, points: readonly number[]): void {
  ctx.beginPath();
  ctx.moveTo(points[0] ?? 0, points[1] ?? 0);
  for (let i = 2; i + 1 < points.length; i += 2) ctx.lineTo(points[i]!, points[i + 1]!);
}

function drawStroke(ctx: MaskContext, points: readonly number[], size: number): void {
  const x = points[0] ?? 0;
  const y = points[1] ?? 0;
  if (isSinglePoint(points)) {
    // A tap: browsers disagree on whether a zero-length round-capped line paints a dot, so the
    // dot is drawn explicitly.
    ctx.beginPath();
    ctx.arc(x, y, size / 2, 0, Math.PI * 2);
    ctx.fill();
    return;
  }
  ctx.lineWidth = size;
  ctx.lineCap = "round";
  ctx.lineJoin = "round";
  tracePolyline(ctx, points);
  ctx.stroke();
}

/** True when a stroke's points are all the same spot (a tap). */
export function isSinglePoint(points: readonly number[]): boolean {
  for (let i = 2; i + 1 < points.length; i += 2) {
    if (points[i] !== points[0] || points[i + 1] !== points[1]) return false;
  }
  return true;
}

/**
 * Rasterises `ops` in order onto an EMPTY mask of `width` x `height` (the context is cleared
 * first). Ops before the last `clear` cannot affect the result, so they are skipped: after a
 * clear, a full re-raster costs only what was drawn since.
 */
export function rasterizeOps(ctx: MaskContext, ops: readonly MaskOp[], width: number, height: number): void {
  ctx.clearRect(0, 0, width, height);
  let start = 0;
  for (let i = ops.length - 1; i >= 0; i--) {
    if (ops[i]!.kind === "clear") {
      start = i + 1;
      break;
    }
  }
  for (let i = start; i < ops.length; i++) drawOp(ctx, ops[i]!, width, height);
}

/** Slack around an op's geometry for anti-aliased edge pixels. */
const AA_MARGIN = 2;

/**
 * The whole-pixel box an op can change, clamped to the image (empty boxes have w or h 0), or
 * null for ops that touch every pixel (invert, clear). Lets the coverage count be updated from
 * just that box instead of rescanning the whole mask after every stroke.
 */
export function opBounds(op: MaskOp, width: number, height: number): Rect | null {
  let x0: number, y0: number, x1: number, y1: number;
  if (op.kind === "invert" || op.kind === "clear") return null;
  if (op.kind === "rect") {
    [x0, y0, x1, y1] = [op.x, op.y, op.x + op.w, op.y + op.h];
  } else {
    x0 = y0 = Infinity;
    x1 = y1 = -Infinity;
    for (let i = 0; i + 1 < op.points.length; i += 2) {
      const x = op.points[i]!;
      const y = op.points[i + 1]!;
      if (x < x0) x0 = x;
      if (x > x1) x1 = x;
      if (y < y0) y0 = y;
      if (y > y1) y1 = y;
    }
    const r = op.kind === "stroke" ? op.size / 2 : 0;
    [x0, y0, x1, y1] = [x0 - r, y0 - r, x1 + r, y1 + r];
  }
  const left = Math.max(0, Math.floor(x0) - AA_MARGIN);
  const top = Math.max(0, Math.floor(y0) - AA_MARGIN);
  const right = Math.min(width, Math.ceil(x1) + AA_MARGIN);
  const bottom = Math.min(height, Math.ceil(y1) + AA_MARGIN);
  return { x: left, y: top, w: Math.max(0, right - left), h: Math.max(0, bottom - top) };
}
