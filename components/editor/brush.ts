// Brush sizes as plain numbers, apart from the model's schemas (./model.ts): the editor's runtime
// needs only these, and importing them from the schemas would ship zod to every phone.

/** Brush size bounds, in image pixels (so a stroke keeps its true size at any zoom). */
export const BRUSH_MIN = 4;
export const BRUSH_MAX = 400;
export const BRUSH_DEFAULT = 48;

/** Keeps a brush size inside [BRUSH_MIN, BRUSH_MAX] and whole (NaN falls back to the default). */
export function clampBrushSize(size: number): number {
  if (!Number.isFinite(size)) return BRUSH_DEFAULT;
  return Math.min(BRUSH_MAX, Math.max(BRUSH_MIN, Math.round(size)));
}

/**
 * One `[` / `]` step: ~15% of the current size, at least 1 px, so small brushes change finely
 * and large ones still get somewhere in a few presses.
 */
export function stepBrushSize(size: number, direction: 1 | -1): number {
  const current = clampBrushSize(size);
  const delta = Math.max(1, Math.round(current * 0.15));
  return clampBrushSize(current + direction * delta);
}

/** The range slider is logarithmic (0..1000) so 4 px and 400 px are both easy to pick. */
export const SLIDER_STEPS = 1000;

/** Slider position (0..SLIDER_STEPS) to brush size in image px. */
export function sliderToBrushSize(value: number): number {
  const t = Math.min(1, Math.max(0, value / SLIDER_STEPS));
  return clampBrushSize(BRUSH_MIN * Math.pow(BRUSH_MAX / BRUSH_MIN, t));
}

/** Brush size in image px to slider position (inverse of sliderToBrushSize, rounded). */
export function brushSizeToSlider(size: number): number {
  const s = clampBrushSize(size);
  return Math.round((Math.log(s / BRUSH_MIN) / Math.log(BRUSH_MAX / BRUSH_MIN)) * SLIDER_STEPS);
}
