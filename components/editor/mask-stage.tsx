"use client";

import type Konva from "konva";
import type { RefObject } from "react";
import { Circle, Group, Image as KonvaImage, Layer, Line, Rect, Stage } from "react-konva";
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
export function MaskStage(p: MaskStageProps) {
  const liveErase = p.draft?.kind === "stroke" && p.draft.mode === "erase";
  const eraseShape = p.draft?.mode === "erase" && !liveErase;
  const previewColor = eraseShape ? ERASE_PREVIEW : p.overlayColor;
  return (
    <Stage
      id="mask-editor-stage"
      width={p.stageW}
      height={p.stageH}
      scaleX={p.view.scale}
      scaleY={p.view.scale}
      x={p.view.x}
      y={p.view.y}
      {...p.handlers}
    >
      <Layer listening={false}>
        {p.seed && <KonvaImage image={p.seed} width={p.imageW} height={p.imageH} />}
      </Layer>
      <Layer listening={false} visible={p.showMask} ref={p.overlayLayerRef}>
        {p.maskPixels && <KonvaImage image={p.maskPixels} width={p.imageW} height={p.imageH} opacity={OVERLAY_OPACITY} />}
        {liveErase && p.draft && (
          <Line ref={p.setPreviewNode} stroke="#000" strokeWidth={p.draft.size} lineCap="round" lineJoin="round" globalCompositeOperation="destination-out" />
        )}
      </Layer>
      <Layer listening={false}>
        {p.draft?.kind === "stroke" && !liveErase && (
          <Line ref={p.setPreviewNode} stroke={previewColor} opacity={OVERLAY_OPACITY} strokeWidth={p.draft.size} lineCap="round" lineJoin="round" />
        )}
        {p.draft?.kind === "rect" && (
          <Rect ref={p.setPreviewNode} fill={previewColor} opacity={OVERLAY_OPACITY} stroke="#1d1b26" strokeWidth={1} dash={[6, 4]} strokeScaleEnabled={false} />
        )}
        {p.draft?.kind === "lasso" && (
          <Line ref={p.setPreviewNode} closed fill={previewColor} opacity={OVERLAY_OPACITY} stroke="#1d1b26" strokeWidth={1} dash={[6, 4]} strokeScaleEnabled={false} />
        )}
        {p.showCursor && (
          // Position and visibility are set imperatively on pointer moves (no React render per move).
          <Group ref={p.cursorRef} visible={false}>
            <Circle radius={p.brushSize / 2} stroke="#ffffff" strokeWidth={3} strokeScaleEnabled={false} />
            <Circle radius={p.brushSize / 2} stroke="#1d1b26" strokeWidth={1} strokeScaleEnabled={false} />
          </Group>
        )}
      </Layer>
    </Stage>
  );
}
