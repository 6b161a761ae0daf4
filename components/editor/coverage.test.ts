import { describe, expect, it } from "vitest";
import { REPAINT_ALPHA_THRESHOLD, countRepaintPixels, allowedRange, coverageOf, coverageStatus, thresholdMask } from "./coverage";

/** RGBA pixels with the given alphas (RGB white, as the mask raster paints). */
const pixels = (...alphas: number[]) => new Uint8ClampedArray(alphas.flatMap((a) => [255, 255, 255, a]));

describe("the repaint threshold", () => {
  it("is alpha >= 128, so anti-aliased edges are decided, not dropped", () => {
    expect(REPAINT_ALPHA_THRESHOLD).toBe(128);
    expect(countRepaintPixels(pixels(0, 127, 128, 200, 255))).toBe(3);
  });

  it("exports repaint as alpha 0 and keep as alpha 255 with RGB 0", () => {
    const { pixels: out, repaint } = thresholdMask(pixels(0, 127, 128, 255));
    expect(repaint).toBe(2);
    expect([...out]).toEqual([0, 0, 0, 255, 0, 0, 0, 255, 0, 0, 0, 0, 0, 0, 0, 0]);
  });

  it("counts coverage from the same decision as the export", () => {
    const src = pixels(10, 130, 250, 90);
    const { pixels: out, repaint } = thresholdMask(src);
    // What the server will count: alpha < 128 in the exported PNG.
    const serverRepaint = [3, 7, 11, 15].filter((i) => out[i]! < 128).length;
    expect(serverRepaint).toBe(repaint);
    expect(countRepaintPixels(src)).toBe(repaint);
    expect(coverageOf(repaint, 2, 2)).toBe(0.5);
    expect(coverageOf(0, 0, 0)).toBe(0);
  });
});

describe("coverage read-out", () => {
  it("classifies against inclusive bounds", () => {
    expect(coverageStatus(0, 0.01, 0.9)).toBe("low");
    expect(coverageStatus(0.01, 0.01, 0.9)).toBe("ok");
    expect(coverageStatus(0.9, 0.01, 0.9)).toBe("ok");
    expect(coverageStatus(0.95, 0.01, 0.9)).toBe("high");
  });

  it("shows the allowed range in the reader's locale, each bound with its percent sign", () => {
    expect(allowedRange("en", 0.01, 0.9)).toBe("1% – 90%");
    expect(allowedRange("en", 0.005, 0.75)).toBe("0.5% – 75%");
    expect(allowedRange("es", 0.015, 0.9)).toBe("1,5-90\u00A0%");
    // Arabic keeps each percent sign beside its number with direction marks (CLDR's pattern).
    expect(allowedRange("ar", 0.01, 0.9)).toContain("\u200E%\u200E");
  });
});
