"use client";

import { useFormatter, useLocale, useTranslations } from "next-intl";
import { allowedRange, coverageStatus } from "./coverage";
import styles from "./editor.module.css";

/**
 * "Masked: 12.4% (allowed 1% – 90%)", with advice and warning colours outside the bounds. Polite
 * live region: screen readers hear the new share after each change without being interrupted.
 */
export function CoverageReadout({ coverage, min, max }: { coverage: number; min: number; max: number }) {
  const t = useTranslations("create");
  const format = useFormatter();
  const locale = useLocale();
  const status = coverageStatus(coverage, min, max);
  // Nothing painted yet is where everyone starts, not a mistake: no warning colour for it.
  const warn = status !== "ok" && coverage > 0;
  const advice = { ok: "", low: t("coverage.low"), high: t("coverage.high") };
  // The masked share always keeps one decimal so it does not jump in width while painting.
  const label = t("coverage.label", {
    shown: format.number(coverage, { style: "percent", minimumFractionDigits: 1, maximumFractionDigits: 1 }),
    range: allowedRange(locale, min, max),
  });
  return (
    <p
      className={`${styles.readout} ${warn ? styles.readoutWarn : ""}`}
      data-testid="mask-coverage"
      data-status={status}
      aria-live="polite"
    >
      <span>{label}</span>
      {status !== "ok" && <span className={styles.readoutAdvice}> {coverage > 0 ? advice[status] : t("coverage.empty")}</span>}
    </p>
  );
}
