"use client";

import Konva from "konva/lib/Core";

declare global {
  interface Window {
    /** Konva's global, which tests use to reach the stage (`window.Konva.stages`). */
    Konva?: typeof Konva;
  }
}

/**
 * Makes sure `window.Konva` is set. Konva assigns itself to `global`, which bundlers usually map
 * to `window` in the browser; this covers a bundler that does not, without a second instance.
 */
export function ensureKonvaGlobal(): void {
  if (typeof window !== "undefined") window.Konva ??= Konva;
}
