import { describe, expect, it } from "vitest";
import { editorReducer, initialEditorState, isEffectiveOp, toMaskModel, type EditorAction, type EditorState } from "./editor-state";
import { activeOps } from "./history";
import { BRUSH_MAX, clampBrushSize } from "./brush";
import { maskModelSchema, type MaskOp } from "./model";

const run = (actions: EditorAction[], from: EditorState = initialEditorState) => actions.reduce(editorReducer, from);
const rect: MaskOp = { kind: "rect", mode: "add", x: 1, y: 1, w: 10, h: 10 };
const stroke: MaskOp = { kind: "stroke", mode: "erase", size: 8, points: [0, 0, 5, 5] };

describe("editorReducer", () => {
  it("commits ops and undoes/redoes them", () => {
    const s = run([{ type: "commit", op: rect }, { type: "commit", op: stroke }, { type: "undo" }]);
    expect(activeOps(s.history)).toEqual([rect]);
    expect(activeOps(run([{ type: "redo" }], s).history)).toEqual([rect, stroke]);
  });

  it("drops the redo branch on a new op after undo", () => {
    const s = run([{ type: "commit", op: rect }, { type: "commit", op: stroke }, { type: "undo" }, { type: "invert" }]);
    expect(activeOps(s.history)).toEqual([rect, { kind: "invert" }]);
    expect(run([{ type: "redo" }], s)).toBe(s);
  });

  it("ignores ops that change nothing", () => {
    const tiny: MaskOp = { kind: "rect", mode: "add", x: 5, y: 5, w: 0.4, h: 30 };
    expect(isEffectiveOp(tiny)).toBe(false);
    expect(run([{ type: "commit", op: tiny }])).toBe(initialEditorState);
    expect(isEffectiveOp({ kind: "stroke", mode: "add", size: 8, points: [3, 3] })).toBe(true); // a tap paints a dot
  });

  it("does not stack clears on an empty mask", () => {
    expect(run([{ type: "clear" }])).toBe(initialEditorState);
    const s = run([{ type: "commit", op: rect }, { type: "clear" }]);
    expect(activeOps(s.history)).toEqual([rect, { kind: "clear" }]);
    expect(run([{ type: "clear" }], s)).toBe(s);
  });

  it("keeps the brush size in bounds", () => {
    expect(run([{ type: "brushSize", size: 9999 }]).brushSize).toBe(BRUSH_MAX);
    const s = run([
      { type: "brushSize", size: 100 },
      { type: "brushStep", direction: 1 },
    ]);
    expect(s.brushSize).toBe(115);
  });

  it("switches tools and exposes a schema-valid plain model", () => {
    const s = run([
      { type: "tool", tool: "lasso" },
      { type: "commit", op: rect },
    ]);
    const model = toMaskModel(s);
    expect(model).toEqual({ ops: [rect], tool: "lasso", brushSize: initialEditorState.brushSize });
    expect(maskModelSchema.safeParse(JSON.parse(JSON.stringify(model))).success).toBe(true);
  });

  it("restores a saved model into an untouched editor, each op undoable, and never over a drawing", () => {
    const saved = { ops: [rect, { kind: "invert" as const }], tool: "rect" as const, brushSize: 9999 };
    const s = editorReducer(initialEditorState, { type: "restore", model: saved });
    expect(toMaskModel(s)).toEqual({ ops: [rect, { kind: "invert" }], tool: "rect", brushSize: clampBrushSize(9999) });
    expect(toMaskModel(editorReducer(s, { type: "undo" })).ops).toEqual([rect]);
    const drawn = run([{ type: "commit", op: rect }]);
    expect(editorReducer(drawn, { type: "restore", model: saved })).toBe(drawn);
  });
});
