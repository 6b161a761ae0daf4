import { describe, expect, it } from "vitest";
import {
  BRUSH_DEFAULT,
  BRUSH_MAX,
  BRUSH_MIN,
  SLIDER_STEPS,
  brushSizeToSlider,
  clampBrushSize,
  sliderToBrushSize,
  stepBrushSize,
} from "./brush";
import { maskModelSchema, maskOpsSchema } from "./model";

describe("maskOpsSchema", () => {
  it("accepts every op kind as plain JSON", () => {
    const ops = [
      { kind: "stroke", mode: "add", size: 24, points: [1, 2, 3, 4] },
      { kind: "stroke", mode: "erase", size: 4, points: [5, 5] },
      { kind: "rect", mode: "add", x: 0, y: 0, w: 10, h: 20 },
      { kind: "lasso", mode: "erase", points: [0, 0, 10, 0, 5, 8] },
      { kind: "invert" },
      { kind: "clear" },
    ];
    const parsed = maskOpsSchema.parse(JSON.parse(JSON.stringify(ops)));
    expect(parsed).toEqual(ops);
  });

  it("rejects malformed ops", () => {
    const bad = [
      { kind: "stroke", mode: "add", size: 24, points: [1, 2, 3] }, // odd point list
      { kind: "stroke", mode: "add", size: 24, points: [] },
      { kind: "stroke", mode: "add", size: 1000, points: [1, 2] }, // brush too large
      { kind: "stroke", mode: "paint", size: 24, points: [1, 2] },
      { kind: "rect", mode: "add", x: 0, y: 0, w: -1, h: 2 }, // not normalised
      { kind: "lasso", mode: "add", points: [0, 0, 1, 1] }, // two corners enclose nothing
      { kind: "stroke", mode: "add", size: 24, points: [Number.NaN, 1] },
      { kind: "blur" },
    ];
    for (const op of bad) expect(maskOpsSchema.safeParse([op]).success, JSON.stringify(op)).toBe(false);
  });

  it("checks the whole model: ops, tool and brush size", () => {
    expect(maskModelSchema.safeParse({ ops: [], tool: "lasso", brushSize: 30 }).success).toBe(true);
    expect(maskModelSchema.safeParse({ ops: [], tool: "spray", brushSize: 30 }).success).toBe(false);
    expect(maskModelSchema.safeParse({ ops: [], tool: "brush", brushSize: 2 }).success).toBe(false);
  });
});

describe("brush size bounds", () => {
  it("clamps into [BRUSH_MIN, BRUSH_MAX] and rounds", () => {
    expect(clampBrushSize(0)).toBe(BRUSH_MIN);
    expect(clampBrushSize(-50)).toBe(BRUSH_MIN);
    expect(clampBrushSize(10_000)).toBe(BRUSH_MAX);
    expect(clampBrushSize(12.6)).toBe(13);
    expect(clampBrushSize(Number.NaN)).toBe(BRUSH_DEFAULT);
  });

  it("steps proportionally and never past the bounds", () => {
    expect(stepBrushSize(4, 1)).toBe(5); // at least 1 px
    expect(stepBrushSize(100, 1)).toBe(115);
    expect(stepBrushSize(100, -1)).toBe(85);
    expect(stepBrushSize(BRUSH_MIN, -1)).toBe(BRUSH_MIN);
    expect(stepBrushSize(BRUSH_MAX, 1)).toBe(BRUSH_MAX);
    expect(stepBrushSize(390, 1)).toBe(BRUSH_MAX);
  });

  it("maps the logarithmic slider onto the bounds and back", () => {
    expect(sliderToBrushSize(0)).toBe(BRUSH_MIN);
    expect(sliderToBrushSize(SLIDER_STEPS)).toBe(BRUSH_MAX);
    expect(sliderToBrushSize(SLIDER_STEPS / 2)).toBe(40); // geometric middle of 4..400
    expect(sliderToBrushSize(-10)).toBe(BRUSH_MIN);
    for (const size of [4, 9, 48, 150, 400]) expect(sliderToBrushSize(brushSizeToSlider(size))).toBe(size);
  });
});
