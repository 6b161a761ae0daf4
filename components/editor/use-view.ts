"use client";

import { useCallback, useMemo, useState } from "react";
import { clampView, rescaleView, zoomAround, type View } from "./geometry";

type StoredView = View & { fit: number };

/** Zoom step of the keyboard / button zoom. */
const ZOOM_STEP = 1.25;

/**
 * Zoom and pan of the stage. The view is stored together with the fit scale it was made for, so
 * when the container resizes (phone rotation, window resize) the same region stays in view
 * instead of jumping; every update is clamped (fit..8x, image always covering the stage).
 */
export function useView(fit: number, imageW: number, imageH: number) {
  const [stored, setStored] = useState<StoredView>({ scale: 0, x: 0, y: 0, fit: 0 });

  const resolve = useCallback(
    (s: StoredView): View => {
      if (fit <= 0) return { scale: 0, x: 0, y: 0 };
      const v = s.fit > 0 ? rescaleView(s, fit / s.fit) : { scale: fit, x: 0, y: 0 };
      return clampView(v, fit, imageW, imageH);
    },
    [fit, imageW, imageH],
  );

  const view = useMemo(() => resolve(stored), [resolve, stored]);

  /** Applies a change to the current view (functional, so rapid events never lose updates). */
  const updateView = useCallback(
    (change: (v: View) => View) => {
      if (fit <= 0) return;
      setStored((prev) => ({ ...clampView(change(resolve(prev)), fit, imageW, imageH), fit }));
    },
    [fit, imageW, imageH, resolve],
  );

  const resetView = useCallback(() => setStored({ scale: fit, x: 0, y: 0, fit }), [fit]);

  /** Zooms in or out one step around the stage centre (keyboard and buttons). */
  const zoomStep = useCallback(
    (direction: 1 | -1) => {
      const centre = { x: (imageW * fit) / 2, y: (imageH * fit) / 2 };
      updateView((v) => zoomAround(v, centre, direction > 0 ? ZOOM_STEP : 1 / ZOOM_STEP));
    },
    [fit, imageW, imageH, updateView],
  );

  const zoomed = fit > 0 && view.scale > fit * 1.001;
  return { view, updateView, resetView, zoomStep, zoomed };
}
