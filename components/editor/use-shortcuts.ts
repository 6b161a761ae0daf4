"use client";

import { useEffect, useLayoutEffect, useRef, type RefObject } from "react";
import { keyToCommand, shouldIgnoreKeyTarget, spaceStartsPan, type EditorCommand, type KeyTargetLike } from "./keyboard";

function asKeyTarget(target: EventTarget | null): KeyTargetLike | null {
  return target instanceof HTMLElement ? target : null;
}

/**
 * Keyboard shortcuts for the editor, listened for on the window so they work without first
 * clicking the canvas, but never while the user types in a field outside the editor (the prompt).
 * Also reports "Space held" (hold-to-pan) through `onSpace`.
 */
export function useEditorShortcuts(
  rootRef: RefObject<HTMLElement | null>,
  overStageRef: RefObject<boolean>,
  onCommand: (command: EditorCommand) => void,
  onSpace: (held: boolean) => void,
): void {
  const handler = useRef({ onCommand, onSpace });
  useLayoutEffect(() => {
    handler.current = { onCommand, onSpace };
  });

  useEffect(() => {
    const inside = (t: EventTarget | null) => t instanceof Node && !!rootRef.current?.contains(t);

    const onKeyDown = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.isComposing) return;
      const target = asKeyTarget(e.target);
      const inEditor = inside(e.target);
      if (shouldIgnoreKeyTarget(target, inEditor)) return;
      if (e.key === " ") {
        if (!spaceStartsPan(target, inEditor, overStageRef.current)) return;
        e.preventDefault(); // otherwise Space scrolls the page
        handler.current.onSpace(true);
        return;
      }
      const command = keyToCommand(e);
      if (!command) return;
      // Escape may also close something else on the page, so it is not swallowed.
      if (command.type !== "cancel") e.preventDefault();
      handler.current.onCommand(command);
    };
    const onKeyUp = (e: KeyboardEvent) => {
      if (e.key === " ") handler.current.onSpace(false);
    };
    // A Space released while another window had focus never sends keyup here.
    const release = () => handler.current.onSpace(false);

    window.addEventListener("keydown", onKeyDown);
    window.addEventListener("keyup", onKeyUp);
    window.addEventListener("blur", release);
    return () => {
      window.removeEventListener("keydown", onKeyDown);
      window.removeEventListener("keyup", onKeyUp);
      window.removeEventListener("blur", release);
    };
  }, [rootRef, overStageRef]);
}
