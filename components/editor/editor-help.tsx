import { SHORTCUTS } from "./keyboard";
import { BRUSH_MAX, BRUSH_MIN } from "./model";
import styles from "./editor.module.css";

const ROWS: ReadonlyArray<[string, string]> = [
  [`${SHORTCUTS.brush} / ${SHORTCUTS.eraser}`, "Brush / eraser"],
  [`${SHORTCUTS.rect} / ${SHORTCUTS.lasso}`, "Rectangle / lasso (hold Alt while drawing to subtract)"],
  [`${SHORTCUTS.smaller} / ${SHORTCUTS.larger}`, `Smaller / larger brush (${BRUSH_MIN}–${BRUSH_MAX} px of the picture)`],
  [SHORTCUTS.invert, "Invert the mask"],
  [SHORTCUTS.toggleMask, "Show / hide the mask"],
  [SHORTCUTS.undo, "Undo"],
  [SHORTCUTS.redo, "Redo"],
  [`${SHORTCUTS.zoomIn} / ${SHORTCUTS.zoomOut}, wheel, pinch`, "Zoom"],
  [`${SHORTCUTS.pan}, hold Space, middle mouse`, "Pan the zoomed picture"],
  ["Arrow keys", "Pan, while the picture has keyboard focus"],
  [SHORTCUTS.resetView, "Reset the view"],
  ["Esc", "Cancel the shape being drawn"],
];

/** How to draw, and the keyboard shortcuts (collapsed by default to keep the page calm). */
export function EditorHelp({ id }: { id: string }) {
  return (
    <details className={styles.help}>
      <summary>How to draw · shortcuts</summary>
      <div id={id}>
        <p>
          Paint over the part of the picture you want the image model to change; everything else stays as it is. On a
          phone or tablet, draw with one finger and pinch with two to zoom.
        </p>
        <dl className={styles.shortcuts}>
          {ROWS.map(([keys, what]) => (
            <div key={keys}>
              <dt>
                <kbd>{keys}</kbd>
              </dt>
              <dd>{what}</dd>
            </div>
          ))}
        </dl>
      </div>
    </details>
  );
}
