"use client";

import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import styles from "./winners.module.css";

type Frame = { url: string; width: number; height: number; label: string };

/** Plays the winners in order, oldest first; the animation can be downloaded as a WebP. */
export function TimelapsePlayer({ frames }: { frames: Frame[] }) {
  const t = useTranslations("pages");
  const [index, setIndex] = useState(frames.length - 1);
  const [playing, setPlaying] = useState(false);
  const [speed, setSpeed] = useState(700);

  useEffect(() => {
    if (!playing) return;
    const timer = setInterval(() => setIndex((i) => (i + 1) % frames.length), speed);
    return () => clearInterval(timer);
  }, [playing, speed, frames.length]);

  const frame = frames[index];
  if (!frame) return null;
  return (
    <div className={`card ${styles.player}`}>
      <div className="figure">
        <div className="frame" style={{ aspectRatio: `${frame.width} / ${frame.height}` }}>
          {/* eslint-disable-next-line @next/next/no-img-element -- pre-sized files straight from storage; the optimizer would re-encode them */}
          <img src={frame.url} alt={t("timelapse.frameAlt", { label: frame.label })} />
        </div>
      </div>
      <div className={`row ${styles.controls}`}>
        <button type="button" className="button small" onClick={() => setPlaying(!playing)} aria-pressed={playing}>
          {playing ? t("timelapse.pause") : t("timelapse.play")}
        </button>
        <label className={`hint ${styles.control}`}>
          {t("timelapse.frame")}
          <input
            type="range"
            min={0}
            max={frames.length - 1}
            value={index}
            onChange={(e) => setIndex(Number(e.target.value))}
            aria-valuetext={frame.label}
          />
        </label>
        <label className={`hint ${styles.control}`}>
          {t("timelapse.speed")}
          <select value={speed} onChange={(e) => setSpeed(Number(e.target.value))}>
            <option value={1200}>{t("timelapse.slow")}</option>
            <option value={700}>{t("timelapse.normal")}</option>
            <option value={300}>{t("timelapse.fast")}</option>
          </select>
        </label>
        <span aria-live="polite" className="muted">
          {t("timelapse.position", { label: frame.label, current: index + 1, total: frames.length })}
        </span>
        <a className={`button secondary small ${styles.download}`} href="/api/timelapse" download="pixelpatchwork-timelapse.webp">
          {t("timelapse.download")}
        </a>
      </div>
    </div>
  );
}
