"use client";

import type { KeyboardEvent } from "react";
import { Icon, type IconName } from "./icons";
import { SHORTCUTS } from "./keyboard";
import { BRUSH_MAX, BRUSH_MIN, SLIDER_STEPS, brushSizeToSlider, sliderToBrushSize, type Tool } from "./model";
import styles from "./editor.module.css";

const TOOL_BUTTONS: ReadonlyArray<{ tool: Tool; label: string; icon: IconName; hint: string }> = [
  { tool: "brush", label: "Brush", icon: "brush", hint: `Paint the area to change (${SHORTCUTS.brush})` },
  { tool: "eraser", label: "Eraser", icon: "eraser", hint: `Remove paint (${SHORTCUTS.eraser})` },
  { tool: "rect", label: "Rectangle", icon: "rect", hint: `Drag a rectangle; hold Alt to subtract (${SHORTCUTS.rect})` },
  { tool: "lasso", label: "Lasso", icon: "lasso", hint: `Draw around an area; hold Alt to subtract (${SHORTCUTS.lasso})` },
  { tool: "pan", label: "Pan", icon: "pan", hint: `Drag to move the zoomed picture; or hold Space (${SHORTCUTS.pan})` },
];

export type ToolbarProps = {
  tool: Tool;
  brushSize: number;
  canUndo: boolean;
  canClear: boolean;
  canRedo: boolean;
  showMask: boolean;
  zoomed: boolean;
  disabled: boolean;
  onTool: (tool: Tool) => void;
  onBrushSize: (size: number) => void;
  onInvert: () => void;
  onClear: () => void;
  onUndo: () => void;
  onRedo: () => void;
  onToggleMask: () => void;
  onResetView: () => void;
};

/** Arrow keys move between the toolbar's buttons (the slider keeps its own arrow keys). */
function onToolbarKeyDown(e: KeyboardEvent<HTMLDivElement>) {
  if (!(e.target instanceof HTMLButtonElement)) return;
  const step = e.key === "ArrowRight" ? 1 : e.key === "ArrowLeft" ? -1 : 0;
  if (!step && e.key !== "Home" && e.key !== "End") return;
  const buttons = [...e.currentTarget.querySelectorAll<HTMLButtonElement>("button:not(:disabled)")];
  const i = buttons.indexOf(e.target);
  const next = e.key === "Home" ? 0 : e.key === "End" ? buttons.length - 1 : (i + step + buttons.length) % buttons.length;
  buttons[next]?.focus();
  e.preventDefault();
}

type ToolButtonProps = {
  label: string;
  icon: IconName;
  title: string;
  onClick: () => void;
  pressed?: boolean;
  disabled?: boolean;
  /** Secondary actions drop their visible label first when the editor is narrow. */
  secondary?: boolean;
};

function ToolButton({ label, icon, title, onClick, pressed, disabled, secondary }: ToolButtonProps) {
  return (
    <button
      type="button"
      className={`button secondary small ${styles.toolButton}`}
      aria-label={label}
      aria-pressed={pressed}
      title={title}
      disabled={disabled}
      onClick={onClick}
    >
      <Icon name={icon} />
      <span className={`${styles.buttonLabel} ${secondary ? styles.secondaryLabel : ""}`}>{label}</span>
    </button>
  );
}

/** The editor's toolbar: tools, brush size, mask actions, history and view controls. */
export function Toolbar(p: ToolbarProps) {
  return (
    <div role="toolbar" aria-label="Mask tools" className={styles.toolbar} onKeyDown={onToolbarKeyDown}>
      <div role="group" aria-label="Tool" className={styles.group}>
        {TOOL_BUTTONS.map((t) => (
          <ToolButton key={t.tool} label={t.label} icon={t.icon} title={t.hint} onClick={() => p.onTool(t.tool)} pressed={p.tool === t.tool} />
        ))}
      </div>
      <label className={styles.size}>
        <span>
          Brush size <output className={styles.sizeValue}>{p.brushSize} px</output>
        </span>
        <input
          type="range"
          min={0}
          max={SLIDER_STEPS}
          step={1}
          value={brushSizeToSlider(p.brushSize)}
          aria-label="Brush size"
          aria-valuetext={`${p.brushSize} pixels`}
          title={`Brush size in image pixels, ${BRUSH_MIN}–${BRUSH_MAX} (${SHORTCUTS.smaller} smaller, ${SHORTCUTS.larger} larger)`}
          onChange={(e) => p.onBrushSize(sliderToBrushSize(Number(e.currentTarget.value)))}
        />
      </label>
      <div role="group" aria-label="Mask" className={styles.group}>
        <ToolButton secondary label="Invert" icon="invert" title={`Swap masked and unmasked (${SHORTCUTS.invert})`} onClick={p.onInvert} disabled={p.disabled} />
        <ToolButton secondary label="Clear" icon="clear" title="Remove the whole mask (undoable)" onClick={p.onClear} disabled={p.disabled || !p.canClear} />
      </div>
      <div role="group" aria-label="History" className={styles.group}>
        <ToolButton secondary label="Undo" icon="undo" title={`Undo (${SHORTCUTS.undo})`} onClick={p.onUndo} disabled={p.disabled || !p.canUndo} />
        <ToolButton secondary label="Redo" icon="redo" title={`Redo (${SHORTCUTS.redo})`} onClick={p.onRedo} disabled={p.disabled || !p.canRedo} />
      </div>
      <div role="group" aria-label="View" className={styles.group}>
        <ToolButton secondary label="Show mask" icon="eye" title={`Show or hide the mask overlay (${SHORTCUTS.toggleMask})`} onClick={p.onToggleMask} pressed={p.showMask} />
        <ToolButton secondary label="Reset view" icon="fit" title={`Show the whole picture (${SHORTCUTS.resetView})`} onClick={p.onResetView} disabled={!p.zoomed} />
      </div>
    </div>
  );
}
