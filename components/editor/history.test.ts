import { describe, expect, it } from "vitest";
import { activeOps, canRedo, canUndo, emptyHistory, pushOp, redo, undo } from "./history";
import type { MaskOp } from "./model";

const stroke = (x: number): MaskOp => ({ kind: "stroke", mode: "add", size: 10, points: [x, x, x + 1, x + 1] });
const a = stroke(1);
const b = stroke(2);
const c = stroke(3);

describe("history", () => {
  it("undoes and redoes several levels", () => {
    let h = pushOp(pushOp(pushOp(emptyHistory, a), b), c);
    expect(activeOps(h)).toEqual([a, b, c]);
    h = undo(undo(h));
    expect(activeOps(h)).toEqual([a]);
    expect(canUndo(h)).toBe(true);
    expect(canRedo(h)).toBe(true);
    h = redo(h);
    expect(activeOps(h)).toEqual([a, b]);
    h = redo(h);
    expect(activeOps(h)).toEqual([a, b, c]);
    expect(canRedo(h)).toBe(false);
  });

  it("is a no-op (same object) past either end", () => {
    expect(undo(emptyHistory)).toBe(emptyHistory);
    const h = pushOp(emptyHistory, a);
    expect(redo(h)).toBe(h);
    expect(activeOps(undo(h))).toEqual([]);
  });

  it("drops the redo branch when a new op follows an undo", () => {
    let h = pushOp(pushOp(emptyHistory, a), b);
    h = undo(h);
    h = pushOp(h, c);
    expect(activeOps(h)).toEqual([a, c]);
    expect(h.ops).toEqual([a, c]);
    expect(canRedo(h)).toBe(false);
    expect(activeOps(redo(h))).toEqual([a, c]);
  });

  it("never mutates earlier states (they stay valid snapshots)", () => {
    const h1 = pushOp(pushOp(emptyHistory, a), b);
    const h2 = pushOp(undo(h1), c);
    expect(activeOps(h1)).toEqual([a, b]);
    expect(activeOps(h2)).toEqual([a, c]);
    expect(emptyHistory.ops).toEqual([]);
  });

  it("keeps op identity so the raster can redraw incrementally", () => {
    const h = pushOp(pushOp(emptyHistory, a), b);
    expect(activeOps(h)[0]).toBe(a);
    expect(activeOps(undo(h))[0]).toBe(a);
  });
});
