import { emptyHistory, pushOp, redo, undo, activeOps, type History } from "./history";
import { BRUSH_DEFAULT, clampBrushSize, stepBrushSize } from "./brush";
import type { MaskModel, MaskOp, Tool } from "./model";

/** Everything the editor remembers between renders that is part of the mask model. */
export type EditorState = {
  history: History;
  tool: Tool;
  brushSize: number;
};

export type EditorAction =
  | { type: "tool"; tool: Tool }
  | { type: "brushSize"; size: number }
  | { type: "brushStep"; direction: 1 | -1 }
  | { type: "commit"; op: MaskOp }
  | { type: "invert" }
  | { type: "clear" }
  | { type: "undo" }
  | { type: "redo" }
  /** A saved model (the participant's draft, after a reload): taken only by an editor nothing was drawn in yet. */
  | { type: "restore"; model: MaskModel };

export const initialEditorState: EditorState = {
  history: emptyHistory,
  tool: "brush",
  brushSize: BRUSH_DEFAULT,
};

/**
 * Whether an op would change anything. A click-sized rectangle or a two-point lasso encloses no
 * area; committing them would only add dead undo steps.
 */
export function isEffectiveOp(op: MaskOp): boolean {
  switch (op.kind) {
    case "stroke":
      return op.points.length >= 2;
    case "rect":
      return op.w >= 1 && op.h >= 1;
    case "lasso":
      return op.points.length >= 6;
    default:
      return true;
  }
}

/** Pure state transitions of the editor (used with useReducer, unit-tested without a canvas). */
export function editorReducer(state: EditorState, action: EditorAction): EditorState {
  switch (action.type) {
    case "tool":
      return state.tool === action.tool ? state : { ...state, tool: action.tool };
    case "brushSize": {
      const size = clampBrushSize(action.size);
      return size === state.brushSize ? state : { ...state, brushSize: size };
    }
    case "brushStep":
      return { ...state, brushSize: stepBrushSize(state.brushSize, action.direction) };
    case "commit":
      return isEffectiveOp(action.op) ? { ...state, history: pushOp(state.history, action.op) } : state;
    case "invert":
      return { ...state, history: pushOp(state.history, { kind: "invert" }) };
    case "clear": {
      // Clearing what is already empty (nothing drawn, or just cleared) would be a dead undo step.
      const ops = activeOps(state.history);
      const last = ops[ops.length - 1];
      if (!last || last.kind === "clear") return state;
      return { ...state, history: pushOp(state.history, { kind: "clear" }) };
    }
    case "undo": {
      const history = undo(state.history);
      return history === state.history ? state : { ...state, history };
    }
    case "redo": {
      const history = redo(state.history);
      return history === state.history ? state : { ...state, history };
    }
    case "restore": {
      if (state.history.ops.length > 0) return state;
      // Restored ops can be undone one by one, as if just drawn.
      const ops = action.model.ops.filter(isEffectiveOp);
      return { history: { ops, cursor: ops.length }, tool: action.model.tool, brushSize: clampBrushSize(action.model.brushSize) };
    }
  }
}

/** The plain-JSON model (what `maskModelSchema` checks) for the current state. */
export function toMaskModel(state: EditorState): MaskModel {
  return { ops: [...activeOps(state.history)], tool: state.tool, brushSize: state.brushSize };
}
