import { clampPoint, clampRect, normalizeRect, type Point } from "./geometry";
import type { MaskMode, MaskOp, Tool } from "./model";

/**
 * The shape being drawn right now (between pointer down and up), in image px. It lives in a ref
 * and is shown by one small Konva shape; it becomes a MaskOp only on pointer up.
 */
export type Draft =
  | { kind: "stroke"; mode: MaskMode; size: number; points: number[] }
  | { kind: "rect"; mode: MaskMode; start: Point; end: Point }
  | { kind: "lasso"; mode: MaskMode; points: number[] };

/** Starts a draft for a drawing tool at an image point; null for tools that do not draw. */
export function startDraft(tool: Tool, at: Point, brushSize: number, subtract: boolean): Draft | null {
  switch (tool) {
    case "brush":
      return { kind: "stroke", mode: "add", size: brushSize, points: [at.x, at.y] };
    case "eraser":
      return { kind: "stroke", mode: "erase", size: brushSize, points: [at.x, at.y] };
    case "rect":
      return { kind: "rect", mode: subtract ? "erase" : "add", start: at, end: at };
    case "lasso":
      return { kind: "lasso", mode: subtract ? "erase" : "add", points: [at.x, at.y] };
    default:
      return null;
  }
}

/**
 * Extends a draft to a new image point. Points closer than `minDistance` to the last one are
 * skipped: at high zoom or with a 240 Hz pen, sub-pixel points only bloat the op list.
 * Returns whether the draft changed (so the preview is redrawn only when needed).
 */
export function extendDraft(draft: Draft, at: Point, minDistance: number): boolean {
  if (draft.kind === "rect") {
    if (draft.end.x === at.x && draft.end.y === at.y) return false;
    draft.end = at;
    return true;
  }
  const n = draft.points.length;
  const dx = at.x - (draft.points[n - 2] ?? at.x);
  const dy = at.y - (draft.points[n - 1] ?? at.y);
  if (n > 0 && Math.hypot(dx, dy) < minDistance) return false;
  draft.points.push(at.x, at.y);
  return true;
}

/** Clamps an image point for a draft: every tool stays inside the image. */
export function draftPoint(p: Point, imageW: number, imageH: number): Point {
  return clampPoint(p, imageW, imageH);
}

/** The op a finished draft commits (the reducer drops ones that enclose nothing). */
export function draftToOp(draft: Draft, imageW: number, imageH: number): MaskOp {
  switch (draft.kind) {
    case "stroke":
      return { kind: "stroke", mode: draft.mode, size: draft.size, points: [...draft.points] };
    case "lasso":
      return { kind: "lasso", mode: draft.mode, points: [...draft.points] };
    case "rect": {
      const r = clampRect(normalizeRect(draft.start, draft.end), imageW, imageH);
      return { kind: "rect", mode: draft.mode, x: r.x, y: r.y, w: r.w, h: r.h };
    }
  }
}

/** Konva attributes that show a draft: a rect's box, or a line's points. */
export function draftPreviewAttrs(draft: Draft): { x: number; y: number; width: number; height: number } | { points: number[] } {
  if (draft.kind === "rect") {
    const r = normalizeRect(draft.start, draft.end);
    return { x: r.x, y: r.y, width: r.w, height: r.h };
  }
  if (draft.kind === "stroke" && draft.points.length === 2) {
    // A zero-length line paints nothing in some browsers; a hair-long one shows the round dot.
    const [x = 0, y = 0] = draft.points;
    return { points: [x, y, x + 0.01, y] };
  }
  return { points: draft.points };
}
