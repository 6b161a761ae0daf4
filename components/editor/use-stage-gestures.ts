"use client";

import type Konva from "konva";
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from "react";
import { draftPoint, draftPreviewAttrs, draftToOp, extendDraft, startDraft, type Draft } from "./draft";
import { clientToScreen, panBy, pinchView, screenToImage, wheelZoomFactor, zoomAround, type Point, type View } from "./geometry";
import type { MaskMode, MaskOp, Tool } from "./model";

type KPointer = Konva.KonvaEventObject<PointerEvent>;
type Pointer = { at: Point; touch: boolean };

/** What the pointers are doing. One finger/pen/mouse draws; two fingers pinch. */
type Gesture =
  | { type: "none" }
  | { type: "draw"; id: number; draft: Draft }
  | { type: "pan"; id: number; last: Point }
  | { type: "pinch"; ids: [number, number]; from: [Point, Point]; start: View }
  // After a pinch, a finger still down must not start drawing; wait until all are lifted.
  | { type: "wait" };

/** What the preview layer needs to mount the draft's Konva shape (its geometry is set imperatively). */
export type DraftShape = { kind: Draft["kind"]; mode: MaskMode; size: number };

export type GestureOptions = {
  imageW: number;
  imageH: number;
  tool: Tool;
  brushSize: number;
  disabled: boolean;
  spaceHeld: boolean;
  view: View;
  updateView: (change: (v: View) => View) => void;
  commit: (op: MaskOp) => void;
};

function screenPoint(stage: Konva.Stage, e: { clientX: number; clientY: number }): Point {
  return clientToScreen({ x: e.clientX, y: e.clientY }, stage.container().getBoundingClientRect());
}

/**
 * Pointer, touch and wheel handling for the stage. Pointer moves never re-render React: the draft
 * lives in a ref and only its one preview shape is updated and batch-drawn. React state changes
 * just twice per stroke (to mount and unmount that shape).
 */
export function useStageGestures(options: GestureOptions) {
  const opts = useRef(options);
  useLayoutEffect(() => {
    opts.current = options;
  });
  const pointers = useRef(new Map<number, Pointer>());
  const gesture = useRef<Gesture>({ type: "none" });
  const previewRef = useRef<Konva.Shape | null>(null);
  const cursorRef = useRef<Konva.Group | null>(null);
  const [draftShape, setDraftShape] = useState<DraftShape | null>(null);
  const [panning, setPanning] = useState(false);

  const showDraft = useCallback(() => {
    const g = gesture.current;
    const node = previewRef.current;
    if (g.type !== "draw" || !node) return;
    node.setAttrs(draftPreviewAttrs(g.draft));
    node.getLayer()?.batchDraw();
  }, []);

  // The preview shape mounts (in react-konva's own renderer) after the render that draftShape
  // triggers; it gets its geometry as soon as it is attached.
  const setPreviewNode = useCallback(
    (node: Konva.Shape | null) => {
      previewRef.current = node;
      if (node) showDraft();
    },
    [showDraft],
  );

  const setGesture = useCallback((next: Gesture) => {
    gesture.current = next;
    setPanning(next.type === "pan" || next.type === "pinch");
    if (next.type !== "draw") setDraftShape(null);
  }, []);

  /** Drops the shape being drawn without committing it (Escape, a second finger, disabling). */
  const cancelDraft = useCallback(() => {
    if (gesture.current.type === "draw") setGesture({ type: "none" });
  }, [setGesture]);

  const moveCursor = useCallback((at: Point | null) => {
    const node = cursorRef.current;
    if (!node) return;
    node.setAttrs(at ? { x: at.x, y: at.y, visible: true } : { visible: false });
    node.getLayer()?.batchDraw();
  }, []);

  useEffect(() => {
    if (options.disabled) cancelDraft();
  }, [options.disabled, cancelDraft]);

  const startPinchIfTwoFingers = useCallback((): boolean => {
    const touches = [...pointers.current].filter(([, p]) => p.touch);
    const [a, b] = touches;
    if (!a || !b || touches.length !== 2) return false;
    moveCursor(null);
    setGesture({ type: "pinch", ids: [a[0], b[0]], from: [a[1].at, b[1].at], start: opts.current.view });
    return true;
  }, [moveCursor, setGesture]);

  const onPointerDown = useCallback(
    (e: KPointer) => {
      const stage = e.target.getStage();
      const evt = e.evt;
      if (!stage || (evt.pointerType === "mouse" && evt.button !== 0 && evt.button !== 1)) return;
      const at = screenPoint(stage, evt);
      pointers.current.set(evt.pointerId, { at, touch: evt.pointerType === "touch" });
      try {
        // Keep receiving moves/ups when the pointer leaves the stage mid-stroke.
        stage.content.setPointerCapture(evt.pointerId);
      } catch {
        // Synthetic or already-released pointers cannot be captured; nothing to keep then.
      }
      if (evt.pointerType === "touch" && startPinchIfTwoFingers()) return;
      if (gesture.current.type !== "none") return; // a palm next to the pen, a third finger...
      const o = opts.current;
      if (evt.button === 1) evt.preventDefault(); // no middle-click autoscroll
      if (evt.button === 1 || o.spaceHeld || o.tool === "pan") {
        setGesture({ type: "pan", id: evt.pointerId, last: at });
        return;
      }
      if (o.disabled) return;
      const img = draftPoint(screenToImage(at, o.view), o.imageW, o.imageH);
      const draft = startDraft(o.tool, img, o.brushSize, evt.altKey);
      if (!draft) return;
      gesture.current = { type: "draw", id: evt.pointerId, draft };
      setDraftShape({ kind: draft.kind, mode: draft.mode, size: o.brushSize });
    },
    [setGesture, startPinchIfTwoFingers],
  );

  const onPointerMove = useCallback(
    (e: KPointer) => {
      const stage = e.target.getStage();
      const evt = e.evt;
      if (!stage) return;
      const o = opts.current;
      const at = screenPoint(stage, evt);
      const g = gesture.current;
      const brushy = (o.tool === "brush" || o.tool === "eraser") && !o.spaceHeld;
      if (evt.pointerType !== "touch" && (g.type === "none" || g.type === "draw")) {
        moveCursor(brushy ? screenToImage(at, o.view) : null);
      }
      const p = pointers.current.get(evt.pointerId);
      if (!p) return;
      p.at = at;
      if (g.type === "draw" && g.id === evt.pointerId) {
        // Pens report 120-240 Hz; the coalesced samples make curves smooth instead of polygonal.
        const samples = g.draft.kind === "stroke" ? (evt.getCoalescedEvents?.() ?? []) : [];
        const minDistance = (g.draft.kind === "lasso" ? 2 : 0.75) / o.view.scale;
        let changed = false;
        for (const s of samples.length > 0 ? samples : [evt]) {
          const img = draftPoint(screenToImage(screenPoint(stage, s), o.view), o.imageW, o.imageH);
          changed = extendDraft(g.draft, img, minDistance) || changed;
        }
        if (changed) showDraft();
      } else if (g.type === "pan" && g.id === evt.pointerId) {
        const { last } = g;
        g.last = at;
        o.updateView((v) => panBy(v, at.x - last.x, at.y - last.y));
      } else if (g.type === "pinch" && g.ids.includes(evt.pointerId)) {
        const a = pointers.current.get(g.ids[0]);
        const b = pointers.current.get(g.ids[1]);
        if (a && b) o.updateView(() => pinchView(g.start, g.from, [a.at, b.at]));
      }
    },
    [moveCursor, showDraft],
  );

  const endPointer = useCallback(
    (e: KPointer, commit: boolean) => {
      const id = e.evt.pointerId;
      if (!pointers.current.delete(id)) return;
      const g = gesture.current;
      if (g.type === "draw" && g.id === id) {
        const o = opts.current;
        setGesture({ type: "none" });
        if (commit && !o.disabled) o.commit(draftToOp(g.draft, o.imageW, o.imageH));
      } else if (g.type === "pan" && g.id === id) {
        setGesture({ type: "none" });
      } else if (g.type === "pinch" || g.type === "wait") {
        setGesture(pointers.current.size > 0 ? { type: "wait" } : { type: "none" });
      }
    },
    [setGesture],
  );

  const onPointerUp = useCallback((e: KPointer) => endPointer(e, true), [endPointer]);
  const onPointerCancel = useCallback((e: KPointer) => endPointer(e, false), [endPointer]);
  const onPointerLeave = useCallback(() => moveCursor(null), [moveCursor]);

  const onWheel = useCallback((e: Konva.KonvaEventObject<WheelEvent>) => {
    const stage = e.target.getStage();
    const evt = e.evt;
    if (!stage) return;
    evt.preventDefault(); // the page must not scroll while zooming the picture
    const o = opts.current;
    if (!evt.ctrlKey && Math.abs(evt.deltaX) > Math.abs(evt.deltaY)) {
      o.updateView((v) => panBy(v, -evt.deltaX, 0)); // sideways trackpad swipe pans
      return;
    }
    const anchor = screenPoint(stage, evt);
    const factor = wheelZoomFactor(evt.deltaY, evt.deltaMode, stage.height());
    o.updateView((v) => zoomAround(v, anchor, factor));
  }, []);

  return {
    handlers: { onPointerDown, onPointerMove, onPointerUp, onPointerCancel, onPointerLeave, onWheel },
    draftShape,
    setPreviewNode,
    cursorRef,
    panning,
    cancelDraft,
  };
}
