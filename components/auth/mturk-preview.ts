"use client";

import { useSyncExternalStore } from "react";

// Kept for the tab's life: a previewing worker who follows a link inside the HIT's frame is still previewing.
const PREVIEW_KEY = "pixelpatchwork:mturk-preview";
const CHANGED = "pixelpatchwork:mturk-preview-changed";

/** Remembers (true) or forgets (false) that this tab is showing an MTurk HIT in preview. */
export function setMturkPreview(on: boolean): void {
  if (on) sessionStorage.setItem(PREVIEW_KEY, "1");
  else sessionStorage.removeItem(PREVIEW_KEY);
  window.dispatchEvent(new Event(CHANGED));
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener(CHANGED, onChange);
  return () => window.removeEventListener(CHANGED, onChange);
}

/** Whether this tab is showing an MTurk HIT in preview; false on the server. */
export function useMturkPreview(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => sessionStorage.getItem(PREVIEW_KEY) === "1",
    () => false,
  );
}
