"use client";

import { useEffect, useState, type RefObject } from "react";
import { fitScale } from "./geometry";

/** Below this viewport width the editor is on a phone: the image simply fills the width. */
const PHONE_MAX_WIDTH = 640;

/** On larger screens the stage is kept within this share of the viewport height... */
const DESKTOP_MAX_HEIGHT_SHARE = 0.72;
/** ...but never squeezed below this many CSS px (short landscape windows). */
const DESKTOP_MIN_HEIGHT = 320;

function maxStageHeight(): number {
  if (window.innerWidth < PHONE_MAX_WIDTH) return Infinity;
  return Math.max(DESKTOP_MIN_HEIGHT, window.innerHeight * DESKTOP_MAX_HEIGHT_SHARE);
}

export type StageSize = { fit: number; stageW: number; stageH: number };

/**
 * The stage size for an image of `imageW` x `imageH`: as wide as the container (watched with a
 * ResizeObserver), no taller than a sensible share of the window on desktop, always at the
 * image's own aspect ratio. `fit` is image px -> CSS px at zoom 1; 0 until measured.
 */
export function useFitScale(containerRef: RefObject<HTMLElement | null>, imageW: number, imageH: number): StageSize {
  const [size, setSize] = useState<StageSize>({ fit: 0, stageW: 0, stageH: 0 });

  useEffect(() => {
    const el = containerRef.current;
    if (!el) return;
    const measure = () => {
      const raw = fitScale(imageW, imageH, el.clientWidth, maxStageHeight());
      // Whole CSS px for the stage box; `fit` follows the rounded width so edges line up exactly.
      const stageW = Math.max(0, Math.floor(imageW * raw));
      const fit = imageW > 0 ? stageW / imageW : 0;
      const stageH = Math.round(imageH * fit);
      setSize((prev) => (prev.stageW === stageW && prev.stageH === stageH ? prev : { fit, stageW, stageH }));
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    // The height limit depends on the window, which the container's observer does not see.
    window.addEventListener("resize", measure);
    return () => {
      observer.disconnect();
      window.removeEventListener("resize", measure);
    };
  }, [containerRef, imageW, imageH]);

  return size;
}
