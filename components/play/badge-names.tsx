"use client";

import { useTranslations } from "next-intl";
import type { BadgeId } from "@/lib/rewards/types";

/** A badge's name and what it is for, in the reader's language. */
export function useBadgeText() {
  const t = useTranslations("play");
  const names: Record<BadgeId, { name: string; why: string }> = {
    firstSubmission: { name: t("badges.firstSubmission"), why: t("badges.firstSubmissionWhy") },
    firstTop10: { name: t("badges.firstTop10"), why: t("badges.firstTop10Why") },
    firstWinner: { name: t("badges.firstWinner"), why: t("badges.firstWinnerWhy") },
    streak7: { name: t("badges.streak7"), why: t("badges.streak7Why") },
  };
  return names;
}

/** "Badge earned: First submission", announced after the action that earned it. */
export function EarnedBadges({ badges }: { badges: { id: BadgeId }[] }) {
  const t = useTranslations("play");
  const text = useBadgeText();
  if (badges.length === 0) return null;
  return (
    <div className="badge-toast" role="status" data-testid="badge-earned">
      {badges.map((b) => (
        <p key={b.id}>
          <span aria-hidden="true">★ </span>
          {t("badges.earned", { name: text[b.id].name })}
        </p>
      ))}
    </div>
  );
}
