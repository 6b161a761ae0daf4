"use client";

import { useFormatter, useLocale, useTranslations } from "next-intl";
import type { KeyboardEvent } from "react";
import { directionOf, isLocale } from "@/i18n/locales";
import { Icon, type IconName } from "./icons";
import { SHORTCUTS } from "./keyboard";
import { BRUSH_MAX, BRUSH_MIN, SLIDER_STEPS, brushSizeToSlider, sliderToBrushSize } from "./brush";
import type { Tool } from "./model";
import styles from "./editor.module.css";

type ShortcutLabels = { -readonly [K in keyof typeof SHORTCUTS]: string };
const SHORTCUT_NAMES = Object.keys(SHORTCUTS) as (keyof typeof SHORTCUTS)[];

/**
 * The shortcut list for display. SHORTCUTS.redo names two combinations joined by " or "
 * (keyboard.ts); the joining word is the reader's language. In right-to-left text each key
 * combination is isolated left to right, so it keeps its order and "[" is not mirrored into "]".
 */
export function useShortcutLabels(): ShortcutLabels {
  const t = useTranslations("create");
  const locale = useLocale();
  const rtl = isLocale(locale) && directionOf(locale) === "rtl";
  const ltr = (keys: string) => (rtl ? `\u2066${keys}\u2069` : keys);
  const labels: ShortcutLabels = { ...SHORTCUTS };
  for (const name of SHORTCUT_NAMES) labels[name] = ltr(SHORTCUTS[name]);
  const [first, second] = SHORTCUTS.redo.split(" or ");
  if (first && second) labels.redo = t("keys.or", { first: ltr(first), second: ltr(second) });
  return labels;
}

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
  // Right to left, the toolbar is mirrored: the arrow keys follow what is seen.
  const forward = getComputedStyle(e.currentTarget).direction === "rtl" ? "ArrowLeft" : "ArrowRight";
  const backward = forward === "ArrowRight" ? "ArrowLeft" : "ArrowRight";
  const step = e.key === forward ? 1 : e.key === backward ? -1 : 0;
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
  const t = useTranslations("create");
  const format = useFormatter();
  const keys = useShortcutLabels();
  const toolButtons: ReadonlyArray<{ tool: Tool; label: string; icon: IconName; hint: string }> = [
    { tool: "brush", label: t("toolbar.brush"), icon: "brush", hint: t("toolbar.brushHint", { key: keys.brush }) },
    { tool: "eraser", label: t("toolbar.eraser"), icon: "eraser", hint: t("toolbar.eraserHint", { key: keys.eraser }) },
    { tool: "rect", label: t("toolbar.rect"), icon: "rect", hint: t("toolbar.rectHint", { key: keys.rect }) },
    { tool: "lasso", label: t("toolbar.lasso"), icon: "lasso", hint: t("toolbar.lassoHint", { key: keys.lasso }) },
    { tool: "pan", label: t("toolbar.pan"), icon: "pan", hint: t("toolbar.panHint", { key: keys.pan }) },
  ];
  const size = format.number(p.brushSize, { useGrouping: false });
  return (
    <div role="toolbar" aria-label={t("toolbar.label")} className={styles.toolbar} onKeyDown={onToolbarKeyDown}>
      <div role="group" aria-label={t("toolbar.toolGroup")} className={styles.group}>
        {toolButtons.map((b) => (
          <ToolButton
            key={b.tool}
            label={b.label}
            icon={b.icon}
            title={b.hint}
            onClick={() => p.onTool(b.tool)}
            pressed={p.tool === b.tool}
          />
        ))}
      </div>
      <label className={styles.size}>
        <span>
          {t("toolbar.brushSize")} <output className={styles.sizeValue}>{t("toolbar.brushSizeValue", { size })}</output>
        </span>
        <input
          type="range"
          min={0}
          max={SLIDER_STEPS}
          step={1}
          value={brushSizeToSlider(p.brushSize)}
          aria-label={t("toolbar.brushSize")}
          aria-valuetext={t("toolbar.brushSizeValueText", { size })}
          title={t("toolbar.brushSizeHint", {
            min: format.number(BRUSH_MIN, { useGrouping: false }),
            max: format.number(BRUSH_MAX, { useGrouping: false }),
            smaller: keys.smaller,
            larger: keys.larger,
          })}
          onChange={(e) => p.onBrushSize(sliderToBrushSize(Number(e.currentTarget.value)))}
        />
      </label>
      <div role="group" aria-label={t("toolbar.maskGroup")} className={styles.group}>
        <ToolButton
          secondary
          label={t("toolbar.invert")}
          icon="invert"
          title={t("toolbar.invertHint", { key: keys.invert })}
          onClick={p.onInvert}
          disabled={p.disabled}
        />
        <ToolButton
          secondary
          label={t("toolbar.clear")}
          icon="clear"
          title={t("toolbar.clearHint")}
          onClick={p.onClear}
          disabled={p.disabled || !p.canClear}
        />
      </div>
      <div role="group" aria-label={t("toolbar.historyGroup")} className={styles.group}>
        <ToolButton
          secondary
          label={t("toolbar.undo")}
          icon="undo"
          title={t("toolbar.undoHint", { key: keys.undo })}
          onClick={p.onUndo}
          disabled={p.disabled || !p.canUndo}
        />
        <ToolButton
          secondary
          label={t("toolbar.redo")}
          icon="redo"
          title={t("toolbar.redoHint", { key: keys.redo })}
          onClick={p.onRedo}
          disabled={p.disabled || !p.canRedo}
        />
      </div>
      <div role="group" aria-label={t("toolbar.viewGroup")} className={styles.group}>
        <ToolButton
          secondary
          label={t("toolbar.showMask")}
          icon="eye"
          title={t("toolbar.showMaskHint", { key: keys.toggleMask })}
          onClick={p.onToggleMask}
          pressed={p.showMask}
        />
        <ToolButton
          secondary
          label={t("toolbar.resetView")}
          icon="fit"
          title={t("toolbar.resetViewHint", { key: keys.resetView })}
          onClick={p.onResetView}
          disabled={!p.zoomed}
        />
      </div>
    </div>
  );
}
