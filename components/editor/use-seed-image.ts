"use client";

import { useEffect, useState } from "react";

export type SeedImage = { image: HTMLImageElement | null; status: "loading" | "ready" | "error" };

/**
 * Loads the seed picture for the Konva stage. No `crossOrigin`: the picture is only shown, never
 * read back (the mask lives in its own canvas), so a storage host without CORS headers is fine.
 */
export function useSeedImage(url: string): SeedImage {
  const [state, setState] = useState<SeedImage & { url: string }>({ image: null, status: "loading", url });

  useEffect(() => {
    let alive = true;
    const img = new window.Image();
    img.decoding = "async";
    img.onload = () => alive && setState({ image: img, status: "ready", url });
    img.onerror = () => alive && setState({ image: null, status: "error", url });
    img.src = url;
    return () => {
      alive = false;
      img.onload = null;
      img.onerror = null;
    };
  }, [url]);

  // A new URL shows "loading" at once instead of the previous picture for a frame.
  return state.url === url ? state : { image: null, status: "loading" };
}
