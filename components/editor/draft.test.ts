import { describe, expect, it } from "vitest";
import { draftPoint, draftPreviewAttrs, draftToOp, extendDraft, startDraft, type Draft } from "./draft";
import { maskOpSchema } from "./model";

describe("drafts", () => {
  it("starts the right shape and mode per tool", () => {
    expect(startDraft("brush", { x: 1, y: 2 }, 30, false)).toEqual({ kind: "stroke", mode: "add", size: 30, points: [1, 2] });
    expect(startDraft("eraser", { x: 1, y: 2 }, 30, false)?.mode).toBe("erase");
    expect(startDraft("rect", { x: 1, y: 2 }, 30, true)).toEqual({
      kind: "rect",
      mode: "erase",
      start: { x: 1, y: 2 },
      end: { x: 1, y: 2 },
    });
    expect(startDraft("lasso", { x: 1, y: 2 }, 30, false)?.mode).toBe("add");
    expect(startDraft("pan", { x: 1, y: 2 }, 30, false)).toBeNull();
  });

  it("skips points closer than the minimum distance", () => {
    const d = startDraft("brush", { x: 0, y: 0 }, 10, false)!;
    expect(extendDraft(d, { x: 0.2, y: 0.2 }, 1)).toBe(false);
    expect(extendDraft(d, { x: 3, y: 4 }, 1)).toBe(true);
    expect(d.kind === "stroke" && d.points).toEqual([0, 0, 3, 4]);
  });

  it("commits a rectangle dragged up-left, normalised and clamped to the image", () => {
    const d = startDraft("rect", { x: 90, y: 40 }, 10, false)!;
    extendDraft(d, draftPoint({ x: -20, y: -5 }, 100, 50), 1);
    const op = draftToOp(d, 100, 50);
    expect(op).toEqual({ kind: "rect", mode: "add", x: 0, y: 0, w: 90, h: 40 });
    expect(maskOpSchema.safeParse(op).success).toBe(true);
  });

  it("commits strokes and lassos as schema-valid ops (copies, not the live arrays)", () => {
    const d: Draft = { kind: "lasso", mode: "add", points: [0, 0, 10, 0, 10, 10] };
    const op = draftToOp(d, 100, 100);
    expect(maskOpSchema.safeParse(op).success).toBe(true);
    d.points.push(1, 1);
    expect(op.kind === "lasso" && op.points.length).toBe(6);
  });

  it("previews a tap as a visible dot and a rect from its normalised box", () => {
    expect(draftPreviewAttrs({ kind: "stroke", mode: "add", size: 5, points: [3, 4] })).toEqual({ points: [3, 4, 3.01, 4] });
    expect(draftPreviewAttrs({ kind: "rect", mode: "add", start: { x: 10, y: 10 }, end: { x: 4, y: 2 } })).toEqual({
      x: 4,
      y: 2,
      width: 6,
      height: 8,
    });
  });
});
