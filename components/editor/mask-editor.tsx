"use client";

import type Konva from "konva";
import { useTranslations } from "next-intl";
import { useCallback, useEffect, useId, useImperativeHandle, useMemo, useReducer, useRef, useState, type KeyboardEvent } from "react";
import { CoverageReadout } from "./coverage-readout";
import { editorReducer, initialEditorState, toMaskModel } from "./editor-state";
import { EditorHelp } from "./editor-help";
import { panBy } from "./geometry";
import { activeOps, canRedo, canUndo } from "./history";
import { arrowPanDelta, type EditorCommand } from "./keyboard";
import { ensureKonvaGlobal } from "./konva-global";
import { MaskStage } from "./mask-stage";
import type { MaskOp } from "./model";
import { Toolbar } from "./toolbar";
import type { MaskEditorProps } from "./types";
import { useFitScale } from "./use-fit-scale";
import { useMaskRaster } from "./use-mask-raster";
import { useSeedImage } from "./use-seed-image";
import { useEditorShortcuts } from "./use-shortcuts";
import { useStageGestures } from "./use-stage-gestures";
import { useView } from "./use-view";
import styles from "./editor.module.css";

const FALLBACK_OVERLAY = "#6b3fd4";

/**
 * The mask editor: the seed picture at its own aspect ratio with a paintable mask on top.
 * The mask is a list of plain ops in image pixels (see model.ts); the page gets coverage through
 * `onChange` and the final PNG through `ref.current.exportMask()`.
 */
export function MaskEditor(props: MaskEditorProps) {
  // A different picture starts a fresh editor: ops drawn on one seed mean nothing on another.
  return <MaskEditorBody key={`${props.imageUrl}|${props.width}x${props.height}`} {...props} />;
}

function MaskEditorBody({
  imageUrl,
  width,
  height,
  minCoverage,
  maxCoverage,
  onChange,
  ref,
  disabled = false,
  saved,
  onModelChange,
}: MaskEditorProps) {
  const t = useTranslations("create");
  const [state, dispatch] = useReducer(editorReducer, initialEditorState);
  const ops = useMemo(() => activeOps(state.history), [state.history]);
  const [showMask, setShowMask] = useState(true);
  const [spaceHeld, setSpaceHeld] = useState(false);
  const rootRef = useRef<HTMLDivElement>(null);
  const wrapRef = useRef<HTMLDivElement>(null);
  const overlayLayerRef = useRef<Konva.Layer>(null);
  const overStageRef = useRef(false);
  const helpId = useId();

  useEffect(ensureKonvaGlobal, []);
  // A saved draft may arrive just after the editor mounts (it is read from the browser's storage
  // once the page is interactive); the reducer takes it only while nothing has been drawn.
  useEffect(() => {
    if (saved) dispatch({ type: "restore", model: saved });
  }, [saved]);
  useEffect(() => onModelChange?.(toMaskModel(state)), [state, onModelChange]);
  const seed = useSeedImage(imageUrl);
  const { fit, stageW, stageH } = useFitScale(wrapRef, width, height);
  const { view, updateView, resetView, zoomStep, zoomed } = useView(fit, width, height);
  const redrawMask = useCallback(() => overlayLayerRef.current?.batchDraw(), []);
  const { raster, coverage } = useMaskRaster({ width, height, ops, onChange, onPixelsChanged: redrawMask });
  const commit = useCallback((op: MaskOp) => dispatch({ type: "commit", op }), []);
  const gestures = useStageGestures({
    imageW: width,
    imageH: height,
    tool: state.tool,
    brushSize: state.brushSize,
    disabled,
    spaceHeld,
    view,
    updateView,
    commit,
  });

  const onCommand = (c: EditorCommand) => {
    switch (c.type) {
      case "tool":
      case "brushStep":
        return dispatch(c);
      case "undo":
      case "redo":
      case "invert":
        // The mask must not change while a generation is running.
        return disabled ? undefined : dispatch(c);
      case "toggleMask":
        return setShowMask((s) => !s);
      case "resetView":
        return resetView();
      case "zoom":
        return zoomStep(c.direction);
      case "cancel":
        return gestures.cancelDraft();
    }
  };
  useEditorShortcuts(rootRef, overStageRef, onCommand, setSpaceHeld);

  useImperativeHandle(
    ref,
    () => ({
      async exportMask() {
        if (!raster) throw new Error("The mask editor is not ready yet.");
        raster.sync(ops); // normally a no-op: the raster follows every commit
        return raster.exportPng();
      },
    }),
    [raster, ops],
  );

  const onStageKeyDown = (e: KeyboardEvent) => {
    // Keyboard panning of the zoomed picture, a tenth of the stage per press.
    const d = zoomed ? arrowPanDelta(e.key, Math.round(stageW / 10)) : null;
    if (!d) return;
    e.preventDefault();
    updateView((v) => panBy(v, d.dx, d.dy));
  };

  const last = ops[ops.length - 1];
  const cursor = gestures.panning ? "grabbing" : spaceHeld || state.tool === "pan" ? "grab" : disabled ? "not-allowed" : "crosshair";
  const brushTool = state.tool === "brush" || state.tool === "eraser";

  return (
    <div ref={rootRef} className={styles.editor} data-disabled={disabled || undefined}>
      <Toolbar
        tool={state.tool}
        brushSize={state.brushSize}
        canUndo={canUndo(state.history)}
        canRedo={canRedo(state.history)}
        canClear={!!last && last.kind !== "clear"}
        showMask={showMask}
        zoomed={zoomed}
        disabled={disabled}
        onTool={(tool) => dispatch({ type: "tool", tool })}
        onBrushSize={(size) => dispatch({ type: "brushSize", size })}
        onInvert={() => dispatch({ type: "invert" })}
        onClear={() => dispatch({ type: "clear" })}
        onUndo={() => dispatch({ type: "undo" })}
        onRedo={() => dispatch({ type: "redo" })}
        onToggleMask={() => setShowMask((s) => !s)}
        onResetView={resetView}
      />
      <div ref={wrapRef} className={styles.stageWrap}>
        {/* Left to right whatever the language: the picture and its mask never mirror. */}
        <div
          dir="ltr"
          className={styles.stageBox}
          // Until measured, the full width at the picture's ratio: the size it will nearly always get,
          // so nothing below moves when the stage appears.
          style={fit > 0 ? { width: stageW, height: stageH, cursor } : { width: "100%", aspectRatio: `${width} / ${height}` }}
          role="application"
          aria-roledescription={t("editor.canvasRole")}
          aria-label={t("editor.canvasLabel")}
          aria-describedby={helpId}
          aria-disabled={disabled || undefined}
          tabIndex={0}
          onKeyDown={onStageKeyDown}
          onPointerEnter={() => void (overStageRef.current = true)}
          onPointerLeave={() => void (overStageRef.current = false)}
        >
          {fit > 0 && (
            <MaskStage
              stageW={stageW}
              stageH={stageH}
              imageW={width}
              imageH={height}
              view={view}
              seed={seed.image}
              maskPixels={raster?.display ?? null}
              showMask={showMask}
              overlayColor={raster?.color ?? FALLBACK_OVERLAY}
              draft={gestures.draftShape}
              showCursor={brushTool && !disabled}
              brushSize={state.brushSize}
              handlers={gestures.handlers}
              overlayLayerRef={overlayLayerRef}
              setPreviewNode={gestures.setPreviewNode}
              cursorRef={gestures.cursorRef}
            />
          )}
          {seed.status !== "ready" && (
            <p className={styles.stageStatus} role={seed.status === "error" ? "alert" : undefined} dir="auto">
              {seed.status === "error" ? t("editor.loadError") : t("editor.loadingPicture")}
            </p>
          )}
        </div>
      </div>
      <div className={styles.footer}>
        <CoverageReadout coverage={coverage} min={minCoverage} max={maxCoverage} />
        <EditorHelp id={helpId} />
      </div>
    </div>
  );
}

export default MaskEditor;
