import { describe, expect, it } from "vitest";
import type { MaskOp } from "./model";
import { drawOp, isSinglePoint, opBounds, rasterizeOps, type MaskContext } from "./rasterize";

/** Records drawing calls with the composite op in force, like a canvas would apply it. */
class RecordingContext implements MaskContext {
  globalCompositeOperation: GlobalCompositeOperation = "source-over";
  fillStyle: string | CanvasGradient | CanvasPattern = "#000000";
  strokeStyle: string | CanvasGradient | CanvasPattern = "#000000";
  lineWidth = 1;
  lineCap: CanvasLineCap = "butt";
  lineJoin: CanvasLineJoin = "miter";
  globalAlpha = 1;
  log: string[] = [];
  private stack: Array<Pick<RecordingContext, "globalCompositeOperation" | "lineWidth" | "lineCap" | "lineJoin">> = [];

  save() {
    const { globalCompositeOperation, lineWidth, lineCap, lineJoin } = this;
    this.stack.push({ globalCompositeOperation, lineWidth, lineCap, lineJoin });
  }
  restore() {
    Object.assign(this, this.stack.pop());
  }
  beginPath() {}
  closePath() {
    this.log.push("closePath");
  }
  moveTo(x: number, y: number) {
    this.log.push(`moveTo ${x},${y}`);
  }
  lineTo(x: number, y: number) {
    this.log.push(`lineTo ${x},${y}`);
  }
  arc(x: number, y: number, r: number) {
    this.log.push(`arc ${x},${y} r${r}`);
  }
  stroke() {
    this.log.push(`stroke ${this.globalCompositeOperation} w${this.lineWidth} ${this.lineCap}/${this.lineJoin}`);
  }
  fill(...args: unknown[]) {
    this.log.push(`fill ${this.globalCompositeOperation}${args.length ? ` ${String(args[0])}` : ""}`);
  }
  fillRect(x: number, y: number, w: number, h: number) {
    this.log.push(`fillRect ${this.globalCompositeOperation} ${x},${y},${w},${h} ${String(this.fillStyle)}`);
  }
  clearRect(x: number, y: number, w: number, h: number) {
    this.log.push(`clearRect ${x},${y},${w},${h}`);
  }
}

const add: MaskOp = { kind: "stroke", mode: "add", size: 20, points: [0, 0, 10, 0, 10, 10] };
const erase: MaskOp = { kind: "rect", mode: "erase", x: 1, y: 2, w: 3, h: 4 };

describe("rasterizeOps", () => {
  it("starts empty and draws ops in order with the right composite modes", () => {
    const ctx = new RecordingContext();
    rasterizeOps(ctx, [add, erase, { kind: "invert" }, { kind: "lasso", mode: "add", points: [0, 0, 5, 0, 0, 5] }], 100, 50);
    expect(ctx.log).toEqual([
      "clearRect 0,0,100,50",
      "moveTo 0,0",
      "lineTo 10,0",
      "lineTo 10,10",
      "stroke source-over w20 round/round",
      "fillRect destination-out 1,2,3,4 #ffffff",
      "fillRect xor 0,0,100,50 #ffffff",
      "moveTo 0,0",
      "lineTo 5,0",
      "lineTo 0,5",
      "closePath",
      "fill source-over nonzero",
    ]);
    // Every op restores the context, so nothing leaks into the next op or the caller.
    expect(ctx.globalCompositeOperation).toBe("source-over");
  });

  it("erases strokes with destination-out", () => {
    const ctx = new RecordingContext();
    drawOp(ctx, { ...add, mode: "erase" } as MaskOp, 10, 10);
    expect(ctx.log.at(-1)).toBe("stroke destination-out w20 round/round");
  });

  it("paints a tap as a dot of the brush diameter", () => {
    const ctx = new RecordingContext();
    drawOp(ctx, { kind: "stroke", mode: "add", size: 30, points: [7, 8, 7, 8] }, 10, 10);
    expect(ctx.log).toEqual(["arc 7,8 r15", "fill source-over"]);
    expect(isSinglePoint([7, 8])).toBe(true);
    expect(isSinglePoint([7, 8, 7, 9])).toBe(false);
  });

  it("clears with clearRect and skips everything before the last clear", () => {
    const ctx = new RecordingContext();
    rasterizeOps(ctx, [add, { kind: "clear" }, erase, { kind: "clear" }, { kind: "invert" }], 100, 50);
    expect(ctx.log).toEqual(["clearRect 0,0,100,50", "fillRect xor 0,0,100,50 #ffffff"]);
    const inc = new RecordingContext();
    drawOp(inc, { kind: "clear" }, 100, 50);
    expect(inc.log).toEqual(["clearRect 0,0,100,50"]);
  });
});

describe("opBounds", () => {
  it("covers a stroke's round caps plus anti-aliasing slack, clamped to the image", () => {
    expect(opBounds({ kind: "stroke", mode: "add", size: 20, points: [50, 40, 80, 45] }, 200, 100)).toEqual({ x: 38, y: 28, w: 54, h: 29 });
    expect(opBounds({ kind: "stroke", mode: "erase", size: 40, points: [5, 95] }, 200, 100)).toEqual({ x: 0, y: 73, w: 27, h: 27 });
  });

  it("boxes rectangles and lassos to whole pixels", () => {
    expect(opBounds({ kind: "rect", mode: "add", x: 10.5, y: 20.2, w: 5, h: 5 }, 200, 100)).toEqual({ x: 8, y: 18, w: 10, h: 10 });
    expect(opBounds({ kind: "lasso", mode: "add", points: [10, 10, 30, 12, 20, 40] }, 200, 100)).toEqual({ x: 8, y: 8, w: 24, h: 34 });
  });

  it("is null for image-wide ops and empty outside the image", () => {
    expect(opBounds({ kind: "invert" }, 200, 100)).toBeNull();
    expect(opBounds({ kind: "clear" }, 200, 100)).toBeNull();
    expect(opBounds({ kind: "rect", mode: "add", x: 500, y: 10, w: 5, h: 5 }, 200, 100)?.w).toBe(0);
  });
});
