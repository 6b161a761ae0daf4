import { describe, expect, it } from "vitest";
import {
  MAX_ZOOM,
  clampPoint,
  clampRect,
  clampView,
  clientToScreen,
  fitScale,
  imageToScreen,
  normalizeRect,
  panBy,
  pinchView,
  rescaleView,
  screenToImage,
  wheelZoomFactor,
  zoomAround,
  type View,
} from "./geometry";

const W = 1536;
const H = 1024;

describe("screen <-> image", () => {
  it("round-trips under zoom and pan", () => {
    const view: View = { scale: 1.7, x: -120, y: -45 };
    const img = { x: 300, y: 811 };
    const screen = imageToScreen(img, view);
    expect(screen).toEqual({ x: 300 * 1.7 - 120, y: 811 * 1.7 - 45 });
    const back = screenToImage(screen, view);
    expect(back.x).toBeCloseTo(300);
    expect(back.y).toBeCloseTo(811);
  });

  it("maps the stage corner to the image origin at fit", () => {
    const fit = fitScale(W, H, 768);
    expect(fit).toBe(0.5);
    expect(screenToImage({ x: 768, y: 512 }, { scale: fit, x: 0, y: 0 })).toEqual({ x: W, y: H });
  });

  it("converts client coordinates relative to the stage box", () => {
    expect(clientToScreen({ x: 150, y: 90 }, { left: 100, top: 40 })).toEqual({ x: 50, y: 50 });
  });
});

describe("fitScale", () => {
  it("fits the width, and the max height when given, never stretching", () => {
    expect(fitScale(W, H, 384)).toBe(0.25);
    expect(fitScale(W, H, 1536, 512)).toBe(0.5); // height-bound
    expect(fitScale(1024, 1536, 390)).toBeCloseTo(390 / 1024); // portrait on a phone
    expect(fitScale(W, H, 0)).toBe(0);
  });
});

describe("rectangles", () => {
  it("normalises a drag in any direction", () => {
    const expected = { x: 10, y: 20, w: 30, h: 40 };
    expect(normalizeRect({ x: 10, y: 20 }, { x: 40, y: 60 })).toEqual(expected);
    expect(normalizeRect({ x: 40, y: 60 }, { x: 10, y: 20 })).toEqual(expected);
    expect(normalizeRect({ x: 40, y: 20 }, { x: 10, y: 60 })).toEqual(expected);
    expect(normalizeRect({ x: 10, y: 60 }, { x: 40, y: 20 })).toEqual(expected);
  });

  it("clamps to the image", () => {
    expect(clampRect({ x: -10, y: -5, w: 30, h: 20 }, 100, 50)).toEqual({ x: 0, y: 0, w: 20, h: 15 });
    expect(clampRect({ x: 90, y: 40, w: 30, h: 30 }, 100, 50)).toEqual({ x: 90, y: 40, w: 10, h: 10 });
    expect(clampRect({ x: 200, y: 10, w: 30, h: 30 }, 100, 50).w).toBe(0);
  });

  it("clamps points to the image", () => {
    expect(clampPoint({ x: -3, y: 70 }, 100, 50)).toEqual({ x: 0, y: 50 });
    expect(clampPoint({ x: 30, y: 20 }, 100, 50)).toEqual({ x: 30, y: 20 });
  });
});

describe("zoom and pan", () => {
  const fit = 0.5;
  const start: View = { scale: fit, x: 0, y: 0 };

  it("keeps the image point under the pointer fixed while zooming", () => {
    const anchor = { x: 200, y: 100 };
    const before = screenToImage(anchor, start);
    const zoomed = zoomAround(start, anchor, 2);
    expect(zoomed.scale).toBe(1);
    const after = screenToImage(anchor, zoomed);
    expect(after.x).toBeCloseTo(before.x);
    expect(after.y).toBeCloseTo(before.y);
  });

  it("limits zoom to [fit, MAX_ZOOM x fit] and keeps the image covering the stage", () => {
    expect(clampView({ scale: 0.1, x: 50, y: 50 }, fit, W, H)).toEqual({ scale: fit, x: 0, y: 0 });
    const far = clampView({ scale: 100, x: -1e6, y: 10 }, fit, W, H);
    expect(far.scale).toBe(fit * MAX_ZOOM);
    expect(far.x).toBe(W * fit - W * fit * MAX_ZOOM); // right edge of image at stage right edge
    expect(far.y).toBe(0);
  });

  it("pans by screen deltas", () => {
    expect(panBy({ scale: 1, x: -10, y: -20 }, 5, -5)).toEqual({ scale: 1, x: -5, y: -25 });
  });

  it("rescales a view when the stage is resized, showing the same region", () => {
    const view: View = { scale: 1, x: -100, y: -60 };
    const resized = rescaleView(view, 0.5);
    // The image point at the old stage's centre is at the new stage's centre.
    const oldCentre = screenToImage({ x: (W * fit) / 2, y: (H * fit) / 2 }, view);
    const newCentre = screenToImage({ x: (W * fit * 0.5) / 2, y: (H * fit * 0.5) / 2 }, resized);
    expect(newCentre.x).toBeCloseTo(oldCentre.x);
    expect(newCentre.y).toBeCloseTo(oldCentre.y);
  });

  it("pinches: distance sets the zoom, the midpoint drags the image", () => {
    const from: [{ x: number; y: number }, { x: number; y: number }] = [
      { x: 100, y: 100 },
      { x: 200, y: 100 },
    ];
    const zoomed = pinchView(start, from, [
      { x: 50, y: 100 },
      { x: 250, y: 100 },
    ]);
    expect(zoomed.scale).toBeCloseTo(1);
    const mid = { x: 150, y: 100 };
    expect(screenToImage(mid, zoomed).x).toBeCloseTo(screenToImage(mid, start).x);
    const moved = pinchView(start, from, [
      { x: 130, y: 140 },
      { x: 230, y: 140 },
    ]);
    expect(moved).toEqual({ scale: fit, x: 30, y: 40 });
  });

  it("turns wheel deltas into bounded zoom factors", () => {
    expect(wheelZoomFactor(-100, 0, 800)).toBeGreaterThan(1);
    expect(wheelZoomFactor(100, 0, 800)).toBeLessThan(1);
    expect(wheelZoomFactor(3, 1, 800)).toBeCloseTo(wheelZoomFactor(48, 0, 800));
    expect(wheelZoomFactor(-1e6, 0, 800)).toBe(2);
    expect(wheelZoomFactor(1e6, 0, 800)).toBe(0.5);
  });
});
