"use client";

import { coverageLabel, coverageStatus } from "./coverage";
import styles from "./editor.module.css";

const ADVICE = {
  ok: "",
  low: "Paint over more of the picture.",
  high: "Leave more of the picture unpainted.",
} as const;

/**
 * "Masked: 12.4% (allowed 1–90%)", with advice and warning colours outside the bounds. Polite
 * live region: screen readers hear the new share after each change without being interrupted.
 */
export function CoverageReadout({ coverage, min, max }: { coverage: number; min: number; max: number }) {
  const status = coverageStatus(coverage, min, max);
  // Nothing painted yet is where everyone starts, not a mistake: no warning colour for it.
  const warn = status !== "ok" && coverage > 0;
  return (
    <p
      className={`${styles.readout} ${warn ? styles.readoutWarn : ""}`}
      data-testid="mask-coverage"
      data-status={status}
      aria-live="polite"
    >
      <span>{coverageLabel(coverage, min, max)}</span>
      {status !== "ok" && <span className={styles.readoutAdvice}> {coverage > 0 ? ADVICE[status] : "Paint over the part you want to change."}</span>}
    </p>
  );
}
