import { describe, expect, it } from "vitest";
import { arrowPanDelta, keyToCommand, shouldIgnoreKeyTarget, spaceStartsPan, type KeyLike } from "./keyboard";

const key = (k: string, mods: Partial<KeyLike> = {}): KeyLike => ({
  key: k,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  ...mods,
});

describe("keyToCommand", () => {
  it("maps tool letters, in either case", () => {
    expect(keyToCommand(key("b"))).toEqual({ type: "tool", tool: "brush" });
    expect(keyToCommand(key("E"))).toEqual({ type: "tool", tool: "eraser" });
    expect(keyToCommand(key("r"))).toEqual({ type: "tool", tool: "rect" });
    expect(keyToCommand(key("l"))).toEqual({ type: "tool", tool: "lasso" });
    expect(keyToCommand(key("h"))).toEqual({ type: "tool", tool: "pan" });
    expect(keyToCommand(key("i"))).toEqual({ type: "invert" });
    expect(keyToCommand(key("m"))).toEqual({ type: "toggleMask" });
    expect(keyToCommand(key("0"))).toEqual({ type: "resetView" });
    expect(keyToCommand(key("+", { shiftKey: true }))).toEqual({ type: "zoom", direction: 1 });
    expect(keyToCommand(key("="))).toEqual({ type: "zoom", direction: 1 });
    expect(keyToCommand(key("-"))).toEqual({ type: "zoom", direction: -1 });
  });

  it("maps brush size keys, also behind AltGr", () => {
    expect(keyToCommand(key("["))).toEqual({ type: "brushStep", direction: -1 });
    expect(keyToCommand(key("]"))).toEqual({ type: "brushStep", direction: 1 });
    expect(keyToCommand(key("]", { ctrlKey: true, altKey: true }))).toEqual({ type: "brushStep", direction: 1 });
  });

  it("maps undo and redo on Windows/Linux and macOS", () => {
    expect(keyToCommand(key("z", { ctrlKey: true }))).toEqual({ type: "undo" });
    expect(keyToCommand(key("z", { metaKey: true }))).toEqual({ type: "undo" });
    expect(keyToCommand(key("Z", { ctrlKey: true, shiftKey: true }))).toEqual({ type: "redo" });
    expect(keyToCommand(key("Z", { metaKey: true, shiftKey: true }))).toEqual({ type: "redo" });
    expect(keyToCommand(key("y", { ctrlKey: true }))).toEqual({ type: "redo" });
  });

  it("leaves browser shortcuts and unknown keys alone", () => {
    expect(keyToCommand(key("r", { ctrlKey: true }))).toBeNull(); // reload
    expect(keyToCommand(key("l", { metaKey: true }))).toBeNull(); // address bar
    expect(keyToCommand(key("b", { altKey: true }))).toBeNull();
    expect(keyToCommand(key("x"))).toBeNull();
    expect(keyToCommand(key("Escape"))).toEqual({ type: "cancel" });
    expect(keyToCommand(key("Enter"))).toBeNull();
  });
});

describe("shouldIgnoreKeyTarget", () => {
  it("ignores typing in text fields outside the editor", () => {
    expect(shouldIgnoreKeyTarget({ tagName: "TEXTAREA" }, false)).toBe(true);
    expect(shouldIgnoreKeyTarget({ tagName: "INPUT", type: "text" }, false)).toBe(true);
    expect(shouldIgnoreKeyTarget({ tagName: "input", type: "search" }, false)).toBe(true);
    expect(shouldIgnoreKeyTarget({ tagName: "SELECT" }, false)).toBe(true);
    expect(shouldIgnoreKeyTarget({ tagName: "DIV", isContentEditable: true }, false)).toBe(true);
  });

  it("passes keys from the page, buttons and the editor's own controls", () => {
    expect(shouldIgnoreKeyTarget(null, false)).toBe(false);
    expect(shouldIgnoreKeyTarget({ tagName: "BODY" }, false)).toBe(false);
    expect(shouldIgnoreKeyTarget({ tagName: "BUTTON" }, false)).toBe(false);
    expect(shouldIgnoreKeyTarget({ tagName: "INPUT", type: "checkbox" }, false)).toBe(false);
    expect(shouldIgnoreKeyTarget({ tagName: "INPUT", type: "range" }, true)).toBe(false);
  });
});

describe("spaceStartsPan", () => {
  it("pans only over the stage or inside the editor, and never steals Space from controls", () => {
    expect(spaceStartsPan({ tagName: "BODY" }, false, true)).toBe(true);
    expect(spaceStartsPan({ tagName: "DIV" }, true, false)).toBe(true);
    expect(spaceStartsPan({ tagName: "BODY" }, false, false)).toBe(false); // page scroll stays
    expect(spaceStartsPan({ tagName: "BUTTON" }, true, true)).toBe(false); // Space presses the button
    expect(spaceStartsPan({ tagName: "TEXTAREA" }, false, true)).toBe(false);
  });
});

describe("arrowPanDelta", () => {
  it("moves the view opposite to the arrow so the picture scrolls that way", () => {
    expect(arrowPanDelta("ArrowRight", 50)).toEqual({ dx: -50, dy: 0 });
    expect(arrowPanDelta("ArrowLeft", 50)).toEqual({ dx: 50, dy: 0 });
    expect(arrowPanDelta("ArrowDown", 50)).toEqual({ dx: 0, dy: -50 });
    expect(arrowPanDelta("ArrowUp", 50)).toEqual({ dx: 0, dy: 50 });
    expect(arrowPanDelta("a", 50)).toBeNull();
  });
});
