import { z } from "@/lib/validations/zod";
import { BRUSH_MAX, BRUSH_MIN } from "./brush";

/**
 * The mask editor's state as plain JSON: a list of drawing operations in IMAGE pixels (the seed's
 * native size), plus the current tool and brush size. Everything the editor shows and exports is
 * derived from this list, so undo/redo, persistence and validation never touch Konva objects.
 */

export const TOOLS = ["brush", "eraser", "rect", "lasso", "pan"] as const;
export const toolSchema = z.enum(TOOLS);
export type Tool = z.infer<typeof toolSchema>;

const modeSchema = z.enum(["add", "erase"]);
export type MaskMode = z.infer<typeof modeSchema>;

const coord = z.number().finite();

/** Flat x,y pairs, as Konva.Line and the canvas path code want them. */
const pointList = (minPairs: number) =>
  z
    .array(coord)
    .min(minPairs * 2)
    .refine((p) => p.length % 2 === 0, "points must be x,y pairs");

const strokeOpSchema = z.object({
  kind: z.literal("stroke"),
  mode: modeSchema,
  size: z.number().min(BRUSH_MIN).max(BRUSH_MAX),
  points: pointList(1),
});

const rectOpSchema = z.object({
  kind: z.literal("rect"),
  mode: modeSchema,
  x: coord,
  y: coord,
  // Normalised on commit: a rectangle dragged up/left is stored with a positive size.
  w: z.number().min(0),
  h: z.number().min(0),
});

const lassoOpSchema = z.object({
  kind: z.literal("lasso"),
  mode: modeSchema,
  // Fewer than three corners encloses nothing, so such a lasso is never committed.
  points: pointList(3),
});

const invertOpSchema = z.object({ kind: z.literal("invert") });
const clearOpSchema = z.object({ kind: z.literal("clear") });

export const maskOpSchema = z.discriminatedUnion("kind", [strokeOpSchema, rectOpSchema, lassoOpSchema, invertOpSchema, clearOpSchema]);
export type MaskOp = z.infer<typeof maskOpSchema>;
export type StrokeOp = z.infer<typeof strokeOpSchema>;
export type RectOp = z.infer<typeof rectOpSchema>;
export type LassoOp = z.infer<typeof lassoOpSchema>;

/** A list of mask operations, applied in order onto an empty (nothing masked) canvas. */
export const maskOpsSchema = z.array(maskOpSchema);

/** The whole editor model: the applied ops plus the tool settings. */
export const maskModelSchema = z.object({
  ops: maskOpsSchema,
  tool: toolSchema,
  brushSize: z.number().min(BRUSH_MIN).max(BRUSH_MAX),
});
export type MaskModel = z.infer<typeof maskModelSchema>;
