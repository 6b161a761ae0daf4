/**
 * Pure geometry of the editor. Three coordinate systems meet here:
 * - client: DOM event coordinates (clientX/clientY);
 * - screen: CSS px relative to the stage's top-left corner (what the pointer handlers use);
 * - image: the seed's native pixels (what the mask ops are stored in).
 * A view maps image -> screen as `screen = image * scale + offset`.
 */

export type Point = { x: number; y: number };
export type Rect = { x: number; y: number; w: number; h: number };
export type View = { scale: number; x: number; y: number };

/** Maximum zoom, as a multiple of the fit scale. */
export const MAX_ZOOM = 8;

/** Screen (stage-relative CSS px) to image px. */
export function screenToImage(p: Point, view: View): Point {
  return { x: (p.x - view.x) / view.scale, y: (p.y - view.y) / view.scale };
}

/** Image px to screen (stage-relative CSS px). */
export function imageToScreen(p: Point, view: View): Point {
  return { x: p.x * view.scale + view.x, y: p.y * view.scale + view.y };
}

/** Client (event) coordinates to stage-relative coordinates, given the stage's bounding box. */
export function clientToScreen(client: Point, box: { left: number; top: number }): Point {
  return { x: client.x - box.left, y: client.y - box.top };
}

/**
 * The scale that shows the whole image inside the available box without stretching or cropping:
 * limited by the width, and by `maxHeight` when there is one (desktop).
 */
export function fitScale(imageW: number, imageH: number, availW: number, maxHeight = Infinity): number {
  if (imageW <= 0 || imageH <= 0 || availW <= 0) return 0;
  return Math.min(availW / imageW, maxHeight / imageH);
}

/** The rectangle spanned by two drag corners, whatever the drag direction (positive w/h). */
export function normalizeRect(a: Point, b: Point): Rect {
  return { x: Math.min(a.x, b.x), y: Math.min(a.y, b.y), w: Math.abs(b.x - a.x), h: Math.abs(b.y - a.y) };
}

/** Clamps a point into the image [0,w] x [0,h]. */
export function clampPoint(p: Point, imageW: number, imageH: number): Point {
  return { x: Math.min(imageW, Math.max(0, p.x)), y: Math.min(imageH, Math.max(0, p.y)) };
}

/** Intersects a (normalised) rectangle with the image; an outside rectangle becomes empty. */
export function clampRect(r: Rect, imageW: number, imageH: number): Rect {
  const x0 = Math.min(imageW, Math.max(0, r.x));
  const y0 = Math.min(imageH, Math.max(0, r.y));
  const x1 = Math.min(imageW, Math.max(0, r.x + r.w));
  const y1 = Math.min(imageH, Math.max(0, r.y + r.h));
  return { x: x0, y: y0, w: Math.max(0, x1 - x0), h: Math.max(0, y1 - y0) };
}

/**
 * Keeps a view legal: scale between fit and MAX_ZOOM x fit, and the image always covering the
 * stage (the stage is exactly the image at fit scale, so no empty margins can appear).
 */
export function clampView(view: View, fit: number, imageW: number, imageH: number): View {
  const scale = Math.min(fit * MAX_ZOOM, Math.max(fit, view.scale));
  const stageW = imageW * fit;
  const stageH = imageH * fit;
  const minX = stageW - imageW * scale;
  const minY = stageH - imageH * scale;
  return {
    scale,
    x: Math.min(0, Math.max(minX, view.x)),
    y: Math.min(0, Math.max(minY, view.y)),
  };
}

/** Scales the view by `factor` keeping the image point under `anchor` (screen px) in place. */
export function zoomAround(view: View, anchor: Point, factor: number): View {
  const scale = view.scale * factor;
  const k = scale / view.scale;
  return { scale, x: anchor.x - (anchor.x - view.x) * k, y: anchor.y - (anchor.y - view.y) * k };
}

/** Moves the view by a screen-px delta. */
export function panBy(view: View, dx: number, dy: number): View {
  return { scale: view.scale, x: view.x + dx, y: view.y + dy };
}

/** Re-expresses a view for a new fit scale (container resized) so the same region stays shown. */
export function rescaleView(view: View, ratio: number): View {
  return { scale: view.scale * ratio, x: view.x * ratio, y: view.y * ratio };
}

const distance = (a: Point, b: Point) => Math.hypot(b.x - a.x, b.y - a.y);
const midpoint = (a: Point, b: Point): Point => ({ x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 });

/**
 * Two-finger pinch: from the view and finger positions at the gesture start to the view for the
 * current finger positions. The image point under the start midpoint follows the current midpoint
 * (pan) and the scale follows the finger distance (zoom). The result still needs clampView.
 */
export function pinchView(start: View, from: [Point, Point], to: [Point, Point]): View {
  const d0 = distance(from[0], from[1]);
  const factor = d0 > 0 ? distance(to[0], to[1]) / d0 : 1;
  const anchor = screenToImage(midpoint(from[0], from[1]), start);
  const scale = start.scale * factor;
  const m = midpoint(to[0], to[1]);
  return { scale, x: m.x - anchor.x * scale, y: m.y - anchor.y * scale };
}

/** Wheel delta to a zoom factor; line/page deltas are normalised to px, one notch ~ 15%. */
export function wheelZoomFactor(deltaY: number, deltaMode: number, pageHeight: number): number {
  const px = deltaMode === 1 ? deltaY * 16 : deltaMode === 2 ? deltaY * pageHeight : deltaY;
  return Math.min(2, Math.max(0.5, Math.exp(-px * 0.0015)));
}
