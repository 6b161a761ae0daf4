"use client";

import type Konva from "konva";
import type { RefObject } from "react";
// Konva's core and the four shapes drawn here, as react-konva's minimal bundle: the full "konva"
// also registers every other shape and all the filters, which Lighthouse found 60 % unused on /create.
import "konva/lib/shapes/Circle";
import "konva/lib/shapes/Image";
import "konva/lib/shapes/Line";
import "konva/lib/shapes/Rect";
import { Circle, Group, Image as KonvaImage, Layer, Line, Rect, Stage } from "react-konva/lib/ReactKonvaCore";
import type { View } from "./geometry";
import type { DraftShape } from "./use-stage-gestures";

/** The mask overlay's opacity: the picture stays readable under the paint. */
const OVERLAY_OPACITY = 0.5;
const ERASE_PREVIEW = "#ffffff";

// Call signatures in braces: the catalogue test reads `>…<` outside braces as interface text.
type PointerHandler = { (e: Konva.KonvaEventObject<PointerEvent>): void };

type Handlers = {
  onPointerDown: PointerHandler;
  onPointerMove: PointerHandler;
  onPointerUp: PointerHandler;
  onPointerCancel: PointerHandler;
  onPointerLeave: () => void;
  onWheel: { (e: Konva.KonvaEventObject<WheelEvent>): void };
};

export type MaskStageProps = {
  stageW: number;
  stageH: number;
  imageW: number;
  imageH: number;
  view: View;
  seed: HTMLImageElement | null;
  maskPixels: HTMLCanvasElement | null;
  showMask: boolean;
  overlayColor: string;
  draft: DraftShape | null;
  showCursor: boolean;
  brushSize: number;
  handlers: Handlers;
  overlayLayerRef: RefObject<Konva.Layer | null>;
  /** Receives the draft's preview shape, whose geometry the gesture code updates directly. */
  setPreviewNode: { (node: Konva.Shape | null): void };
  cursorRef: RefObject<Konva.Group | null>;
};

/**
 * Three layers, bottom to top: the seed picture; the committed mask (one Konva.Image of the
 * offscreen raster); the shape being drawn plus the brush cursor. Drawing redraws only the top
 * layer. An eraser stroke is the exception: it is previewed inside the mask layer with
 * 'destination-out' so the paint visibly disappears under it (one bitmap blit per frame, however
 * many strokes the mask holds). No layer listens for hits: all input is handled at stage level.
 */
export function MaskStage({
  brushSize,
  cursorRef,
  draft,
  handlers,
  imageH,
  imageW,
  maskPixels,
  overlayColor,
  overlayLayerRef,
  seed,
  setPreviewNode,
  showCursor,
  showMask,
  stageH,
  stageW,
  view,
}: MaskStageProps) {
  // Destructured: refs are passed on to Konva nodes, never read while rendering.
  const liveErase = draft?.kind === "stroke" && draft.mode === "erase";
  const eraseShape = draft?.mode === "erase" && !liveErase;
  const previewColor = eraseShape ? ERASE_PREVIEW : overlayColor;
  return (
    <Stage
      id="mask-editor-stage"
      width={stageW}
      height={stageH}
      scaleX={view.scale}
      scaleY={view.scale}
      x={view.x}
      y={view.y}
      {...handlers}
    >
      <Layer listening={false}>{seed && <KonvaImage image={seed} width={imageW} height={imageH} />}</Layer>
      <Layer listening={false} visible={showMask} ref={overlayLayerRef}>
        {maskPixels && <KonvaImage image={maskPixels} width={imageW} height={imageH} opacity={OVERLAY_OPACITY} />}
        {liveErase && draft && (
          <Line
            ref={setPreviewNode}
            stroke="#000"
            strokeWidth={draft.size}
            lineCap="round"
            lineJoin="round"
            globalCompositeOperation="destination-out"
          />
        )}
      </Layer>
      <Layer listening={false}>
        {draft?.kind === "stroke" && !liveErase && (
          <Line
            ref={setPreviewNode}
            stroke={previewColor}
            opacity={OVERLAY_OPACITY}
            strokeWidth={draft.size}
            lineCap="round"
            lineJoin="round"
          />
        )}
        {draft?.kind === "rect" && (
          <Rect
            ref={setPreviewNode}
            fill={previewColor}
            opacity={OVERLAY_OPACITY}
            stroke="#1d1b26"
            strokeWidth={1}
            dash={[6, 4]}
            strokeScaleEnabled={false}
          />
        )}
        {draft?.kind === "lasso" && (
          <Line
            ref={setPreviewNode}
            closed
            fill={previewColor}
            opacity={OVERLAY_OPACITY}
            stroke="#1d1b26"
            strokeWidth={1}
            dash={[6, 4]}
            strokeScaleEnabled={false}
          />
        )}
        {showCursor && (
          // Position and visibility are set imperatively on pointer moves (no React render per move).
          <Group ref={cursorRef} visible={false}>
            <Circle radius={brushSize / 2} stroke="#ffffff" strokeWidth={3} strokeScaleEnabled={false} />
            <Circle radius={brushSize / 2} stroke="#1d1b26" strokeWidth={1} strokeScaleEnabled={false} />
          </Group>
        )}
      </Layer>
    </Stage>
  );
}
