import type { Tool } from "./model";

/** What a key press asks the editor to do. */
export type EditorCommand =
  | { type: "tool"; tool: Tool }
  | { type: "brushStep"; direction: 1 | -1 }
  | { type: "undo" }
  | { type: "redo" }
  | { type: "invert" }
  | { type: "toggleMask" }
  | { type: "resetView" }
  | { type: "zoom"; direction: 1 | -1 }
  | { type: "cancel" };

/** The parts of a KeyboardEvent the key map looks at. */
export type KeyLike = {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
};

const TOOL_KEYS: Record<string, Tool> = { b: "brush", e: "eraser", r: "rect", l: "lasso", h: "pan" };

/** The shortcut list shown in the help text and in button titles. */
export const SHORTCUTS = {
  brush: "B",
  eraser: "E",
  rect: "R",
  lasso: "L",
  pan: "H",
  invert: "I",
  toggleMask: "M",
  resetView: "0",
  zoomIn: "+",
  zoomOut: "-",
  smaller: "[",
  larger: "]",
  undo: "Ctrl/⌘+Z",
  redo: "Shift+Ctrl/⌘+Z or Ctrl+Y",
} as const;

/** Maps a key press to an editor command, or null when the editor should leave it alone. */
export function keyToCommand(e: KeyLike): EditorCommand | null {
  const key = e.key.toLowerCase();
  if (key === "escape") return { type: "cancel" };
  const mod = e.ctrlKey || e.metaKey;
  if (mod && !e.altKey) {
    if (key === "z") return e.shiftKey ? { type: "redo" } : { type: "undo" };
    if (key === "y" && e.ctrlKey && !e.shiftKey) return { type: "redo" };
    // Any other Ctrl/Cmd combination (reload, find, copy...) belongs to the browser.
    return null;
  }
  // `[`/`]` need AltGr (reported as Ctrl+Alt) on some layouts, so Alt is allowed for them.
  if (key === "[" && !e.metaKey) return { type: "brushStep", direction: -1 };
  if (key === "]" && !e.metaKey) return { type: "brushStep", direction: 1 };
  if (e.altKey || mod) return null;
  const tool = TOOL_KEYS[key];
  if (tool) return { type: "tool", tool };
  if (key === "i") return { type: "invert" };
  if (key === "m") return { type: "toggleMask" };
  if (key === "0") return { type: "resetView" };
  // Keyboard zoom (around the stage centre) for people who cannot use a wheel or pinch.
  if (key === "+" || key === "=") return { type: "zoom", direction: 1 };
  if (key === "-" || key === "_") return { type: "zoom", direction: -1 };
  return null;
}

/** The parts of a key event's target that tell whether the user is typing. */
export type KeyTargetLike = {
  tagName: string;
  type?: string;
  isContentEditable?: boolean;
};

// Input types that do not take text: shortcuts still make sense while they have focus.
const NON_TEXT_INPUTS = new Set(["range", "checkbox", "radio", "button", "submit", "reset", "color", "file", "image"]);

/**
 * True when a key press should NOT trigger editor shortcuts: the user is typing in a text field,
 * select or contenteditable outside the editor (e.g. the prompt textarea on the create page).
 * Controls inside the editor (the size slider, the buttons) never take text, so keys pass.
 */
export function shouldIgnoreKeyTarget(target: KeyTargetLike | null, insideEditor: boolean): boolean {
  if (!target || insideEditor) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName.toUpperCase();
  if (tag === "TEXTAREA" || tag === "SELECT") return true;
  if (tag === "INPUT") return !NON_TEXT_INPUTS.has((target.type ?? "text").toLowerCase());
  return false;
}

const INTERACTIVE_TAGS = new Set(["BUTTON", "A", "INPUT", "SELECT", "TEXTAREA", "SUMMARY"]);

/**
 * Whether Space should start "hold to pan": only while the pointer is over the stage or focus is
 * in the editor, and never when Space would press a focused button or type a space, so page
 * scrolling and keyboard activation keep working everywhere else.
 */
export function spaceStartsPan(target: KeyTargetLike | null, insideEditor: boolean, overStage: boolean): boolean {
  if (!insideEditor && !overStage) return false;
  if (!target) return true;
  if (target.isContentEditable) return false;
  return !INTERACTIVE_TAGS.has(target.tagName.toUpperCase());
}

/**
 * Arrow keys on the focused canvas move the zoomed picture by `step` screen px (the picture
 * follows the arrow: ArrowRight shows more of the right side). Null for other keys.
 */
export function arrowPanDelta(key: string, step: number): { dx: number; dy: number } | null {
  switch (key) {
    case "ArrowLeft":
      return { dx: step, dy: 0 };
    case "ArrowRight":
      return { dx: -step, dy: 0 };
    case "ArrowUp":
      return { dx: 0, dy: step };
    case "ArrowDown":
      return { dx: 0, dy: -step };
    default:
      return null;
  }
}
