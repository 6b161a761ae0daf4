"use client";

import { useLocale, useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import styles from "./ui.module.css";

const MINUTE = 60_000;

/**
 * How long today's round has left, and when it ends in the participant's own time zone. Written
 * only in the browser (the server knows neither the reader's clock nor their zone), into a line
 * whose height is kept from the start, so nothing moves when it appears. Re-read four times a
 * minute, so the minutes shown are never more than a quarter of a minute behind.
 */
export function DayCountdown({ endsAt }: { endsAt: string }) {
  const t = useTranslations("common");
  const locale = useLocale();
  const [now, setNow] = useState<number | null>(null);
  useEffect(() => {
    const tick = () => setNow(Date.now());
    tick();
    const timer = setInterval(tick, MINUTE / 4);
    return () => clearInterval(timer);
  }, []);

  let text = "";
  if (now !== null) {
    const end = new Date(endsAt);
    const left = Math.ceil((end.getTime() - now) / MINUTE);
    // The browser's own zone: no timeZone option.
    const at = new Intl.DateTimeFormat(locale, { weekday: "short", hour: "numeric", minute: "2-digit" }).format(end);
    text =
      left <= 0
        ? t("countdown.ended")
        : left < 60
          ? t("countdown.minutes", { minutes: left, at })
          : t("countdown.hours", { hours: Math.floor(left / 60), minutes: left % 60, at });
  }
  return (
    <p className={`hint ${styles.countdown}`} data-testid="day-countdown" data-ends-at={endsAt}>
      {text}
    </p>
  );
}
