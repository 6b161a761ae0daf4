"use client";

import { useEffect, useLayoutEffect, useRef, useState } from "react";
import { MaskRaster } from "./mask-raster";
import type { MaskOp } from "./model";
import type { MaskEditorProps } from "./types";

/** The overlay colour: the site's brand purple (shown at 50% by the Konva.Image). */
function overlayColor(): string {
  return getComputedStyle(document.documentElement).getPropertyValue("--brand").trim() || "#6b3fd4";
}

type Options = {
  width: number;
  height: number;
  ops: readonly MaskOp[];
  onChange: MaskEditorProps["onChange"];
  /** Called after the pixels changed, to redraw the layer that shows them. */
  onPixelsChanged: () => void;
};

/**
 * Owns the offscreen mask raster: creates it at the native size, keeps it in sync with the op
 * list (incrementally where possible), and measures coverage after each change. Measuring reads
 * the whole raster (~10 ms at 1536x1024), so it runs in a task after the commit, coalesced when
 * several changes land together, and never during a pointer move.
 */
export function useMaskRaster({ width, height, ops, onChange, onPixelsChanged }: Options) {
  const [raster, setRaster] = useState<MaskRaster | null>(null);
  const [coverage, setCoverage] = useState(0);
  const callbacks = useRef({ onChange, onPixelsChanged });
  useLayoutEffect(() => {
    callbacks.current = { onChange, onPixelsChanged };
  });
  const timer = useRef<number | null>(null);

  useEffect(() => {
    const r = new MaskRaster(width, height, overlayColor());
    // eslint-disable-next-line react-hooks/set-state-in-effect -- the raster is an offscreen canvas made and disposed with the size, outside React; state is how render gets it
    setRaster(r);
    return () => {
      if (timer.current !== null) window.clearTimeout(timer.current);
      timer.current = null;
      r.dispose();
    };
  }, [width, height]);

  useLayoutEffect(() => {
    if (!raster) return;
    if (raster.sync(ops)) callbacks.current.onPixelsChanged();
    // Measure on every change, and once for a fresh raster so the page learns "empty" at start.
    if (timer.current !== null) return;
    timer.current = window.setTimeout(() => {
      timer.current = null;
      const { coverage: share, repaint } = raster.measure();
      setCoverage(share);
      callbacks.current.onChange?.({ coverage: share, empty: repaint === 0 });
    }, 0);
  }, [raster, ops]);

  return { raster, coverage };
}
