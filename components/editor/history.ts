import type { MaskOp } from "./model";

/**
 * Undo/redo as an index into the op list: `ops[0..cursor)` are applied, `ops[cursor..]` is the
 * redo branch. Ops are immutable plain objects, so every history state is a cheap snapshot
 * (arrays are copied only when a new op is pushed).
 */
export type History = {
  readonly ops: readonly MaskOp[];
  readonly cursor: number;
};

export const emptyHistory: History = { ops: [], cursor: 0 };

/** The ops in effect now (the ones the mask is made of). */
export function activeOps(h: History): readonly MaskOp[] {
  return h.cursor === h.ops.length ? h.ops : h.ops.slice(0, h.cursor);
}

/** Applies a new op; anything that had been undone (the redo branch) is dropped. */
export function pushOp(h: History, op: MaskOp): History {
  return { ops: [...h.ops.slice(0, h.cursor), op], cursor: h.cursor + 1 };
}

export function canUndo(h: History): boolean {
  return h.cursor > 0;
}

export function canRedo(h: History): boolean {
  return h.cursor < h.ops.length;
}

/** Steps back one op; a no-op (same object) at the start. */
export function undo(h: History): History {
  return canUndo(h) ? { ops: h.ops, cursor: h.cursor - 1 } : h;
}

/** Re-applies the next undone op; a no-op (same object) at the end. */
export function redo(h: History): History {
  return canRedo(h) ? { ops: h.ops, cursor: h.cursor + 1 } : h;
}
