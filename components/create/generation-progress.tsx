"use client";

import { useEffect, useState } from "react";

/** What is happening while the engine works: elapsed time and the current step, in words. */
export function GenerationProgress({ startedAt, engine }: { startedAt: number; engine: "openai" | "offline" }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(t);
  }, []);
  const seconds = Math.max(0, (now - startedAt) / 1000);
  const step =
    seconds < 1
      ? "Sending your mask and prompt…"
      : engine === "openai"
        ? "The image model is painting your patch. This usually takes 20–60 seconds."
        : "The offline engine is painting your patch…";
  return (
    <div role="status" className="card" style={{ padding: 12, marginTop: 12 }} data-testid="generation-progress">
      <progress aria-label="Generating" style={{ width: "100%" }} />
      <p style={{ margin: "6px 0 0" }}>
        {step} <span className="muted">({seconds.toFixed(0)} s)</span>
      </p>
      <p className="hint" style={{ margin: 0 }}>
        You can leave this page: the attempt keeps going and appears under &ldquo;Your attempts today&rdquo; when you come back.
      </p>
    </div>
  );
}
