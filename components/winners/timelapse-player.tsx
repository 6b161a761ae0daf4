"use client";

import { useEffect, useState } from "react";

type Frame = { url: string; width: number; height: number; label: string };

/** Plays the winners in order, oldest first; the animation can be downloaded as a WebP. */
export function TimelapsePlayer({ frames }: { frames: Frame[] }) {
  const [index, setIndex] = useState(frames.length - 1);
  const [playing, setPlaying] = useState(false);
  const [speed, setSpeed] = useState(700);

  useEffect(() => {
    if (!playing) return;
    const t = setInterval(() => setIndex((i) => (i + 1) % frames.length), speed);
    return () => clearInterval(t);
  }, [playing, speed, frames.length]);

  const frame = frames[index];
  if (!frame) return null;
  return (
    <div className="card" style={{ maxWidth: 720 }}>
      <div className="figure">
        <div className="frame" style={{ aspectRatio: `${frame.width} / ${frame.height}` }}>
          {/* eslint-disable-next-line @next/next/no-img-element -- storage URLs vary per request */}
          <img src={frame.url} alt={`Timelapse frame: ${frame.label}`} />
        </div>
      </div>
      <div style={{ display: "flex", gap: 8, alignItems: "center", flexWrap: "wrap", marginTop: 10 }}>
        <button type="button" className="button small" onClick={() => setPlaying(!playing)} aria-pressed={playing}>
          {playing ? "Pause" : "Play"}
        </button>
        <label className="hint" style={{ display: "flex", alignItems: "center", gap: 6 }}>
          Frame
          <input type="range" min={0} max={frames.length - 1} value={index} onChange={(e) => setIndex(Number(e.target.value))} aria-valuetext={frame.label} />
        </label>
        <label className="hint" style={{ display: "flex", alignItems: "center", gap: 6 }}>
          Speed
          <select value={speed} onChange={(e) => setSpeed(Number(e.target.value))}>
            <option value={1200}>Slow</option>
            <option value={700}>Normal</option>
            <option value={300}>Fast</option>
          </select>
        </label>
        <span aria-live="polite" className="muted">
          {frame.label} ({index + 1}/{frames.length})
        </span>
        <a className="button secondary small" href="/api/timelapse" download="pixelpatchwork-timelapse.webp" style={{ marginLeft: "auto" }}>
          Download animation
        </a>
      </div>
    </div>
  );
}
