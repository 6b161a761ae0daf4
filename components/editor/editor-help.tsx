import { useFormatter, useTranslations } from "next-intl";
import { BRUSH_MAX, BRUSH_MIN } from "./brush";
import { useShortcutLabels } from "./toolbar";
import styles from "./editor.module.css";

/** How to draw, and the keyboard shortcuts (collapsed by default to keep the page calm). */
export function EditorHelp({ id }: { id: string }) {
  const t = useTranslations("create");
  const format = useFormatter();
  const keys = useShortcutLabels();
  const rows: ReadonlyArray<[string, string]> = [
    [`${keys.brush} / ${keys.eraser}`, t("help.rows.brushEraser")],
    [`${keys.rect} / ${keys.lasso}`, t("help.rows.rectLasso")],
    [
      `${keys.smaller} / ${keys.larger}`,
      t("help.rows.brushSize", {
        min: format.number(BRUSH_MIN, { useGrouping: false }),
        max: format.number(BRUSH_MAX, { useGrouping: false }),
      }),
    ],
    [keys.invert, t("help.rows.invert")],
    [keys.toggleMask, t("help.rows.toggleMask")],
    [keys.undo, t("help.rows.undo")],
    [keys.redo, t("help.rows.redo")],
    [t("help.keys.zoom", { zoomIn: keys.zoomIn, zoomOut: keys.zoomOut }), t("help.rows.zoom")],
    [t("help.keys.pan", { pan: keys.pan }), t("help.rows.pan")],
    [t("help.keys.arrows"), t("help.rows.arrows")],
    [keys.resetView, t("help.rows.resetView")],
    ["Esc", t("help.rows.cancel")],
  ];
  return (
    <details className={styles.help}>
      <summary>{t("help.summary")}</summary>
      <div id={id}>
        <p>{t("help.intro")}</p>
        <dl className={styles.shortcuts}>
          {rows.map(([keyNames, what]) => (
            <div key={keyNames}>
              <dt>
                <kbd>{keyNames}</kbd>
              </dt>
              <dd>{what}</dd>
            </div>
          ))}
        </dl>
      </div>
    </details>
  );
}
