"use client";

import { useLocale, useTranslations } from "next-intl";
import { formatDay } from "@/i18n/format-day";
import type { Badge, BadgeId } from "@/lib/rewards/types";
import { useBadgeText } from "./badge-names";

const ALL: BadgeId[] = ["firstSubmission", "firstTop10", "firstWinner", "streak7"];

/** Every badge there is, earned ones marked with the day they were earned. */
export function BadgeShelf({ badges }: { badges: Badge[] }) {
  const t = useTranslations("play");
  const locale = useLocale();
  const text = useBadgeText();
  const earned = new Map(badges.map((b) => [b.id, b.earnedOn]));
  return (
    <ul className="badge-list" data-testid="badges">
      {ALL.map((id) => {
        const on = earned.get(id);
        return (
          <li key={id} className={on ? "earned" : undefined} data-badge={id} data-earned={on ? "yes" : "no"}>
            <strong>
              {on ? "★ " : "☆ "}
              {text[id].name}
            </strong>
            <br />
            <span className="hint">{on ? t("badges.earnedOn", { date: formatDay(on, locale) }) : text[id].why}</span>
          </li>
        );
      })}
    </ul>
  );
}
