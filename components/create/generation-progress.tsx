"use client";

import type { EngineProvider } from "@/lib/imagegen/types";
import { useFormatter, useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import styles from "./create.module.css";

type Props = {
  startedAt: number;
  engine: EngineProvider;
  /** The attempt's place in line while every image worker is busy (1 = next); absent once it runs. */
  position?: number | null;
};

/** What is happening while the engine works: elapsed time and the current step, in words. */
export function GenerationProgress({ startedAt, engine, position }: Props) {
  const t = useTranslations("create");
  const format = useFormatter();
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(timer);
  }, []);
  const seconds = Math.max(0, (now - startedAt) / 1000);
  const queued = position != null && position > 0;
  const step = queued
    ? t("progress.queued", { position })
    : seconds < 1
      ? t("progress.sending")
      : engine === "offline"
        ? t("progress.paintingOffline")
        : t("progress.painting");
  return (
    <div
      role="status"
      className={`card compact ${styles.progress}`}
      data-testid="generation-progress"
      data-queue-position={queued ? position : undefined}
    >
      <progress aria-label={t("progress.label")} className={styles.progressBar} />
      <p className={styles.progressStep}>
        {step}{" "}
        <span className="muted">
          {t("progress.elapsed", { seconds: format.number(seconds, { maximumFractionDigits: 0, useGrouping: false }) })}
        </span>
      </p>
      <p className={`hint ${styles.progressHint}`}>{queued ? t("progress.leaveQueue") : t("progress.leave")}</p>
    </div>
  );
}
