import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { formatDay } from "@/i18n/format-day";
import { PersonalRanking } from "@/components/play/personal-ranking";
import { VoteGrid } from "@/components/vote/vote-grid";
import { getCurrentUser } from "@/lib/auth/auth";
import { getCurrentDay } from "@/lib/days/days";
import { getSettings } from "@/lib/settings/settings";
import { getVoteFeed } from "@/lib/voting/feed";
import { EmptyState } from "@/components/ui/empty-state";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("vote");
  return { title: t("meta.vote") };
}

export default async function VotePage() {
  const t = await getTranslations("vote");
  const locale = await getLocale();
  const [user, day, settings] = await Promise.all([getCurrentUser(), getCurrentDay(), getSettings()]);
  const feed = day ? await getVoteFeed(day.id, user?.id ?? null) : null;
  if (!feed) return <div className="empty">{t("page.preparing")}</div>;

  return (
    <>
      <h1>{feed.day.closed ? t("page.finalTitle", { date: formatDay(feed.day.dateKey, locale) }) : t("page.openTitle")}</h1>
      <p className="muted">{feed.day.closed ? t("page.closedIntro") : t("page.openIntro")}</p>
      {!user && !feed.day.closed && (
        <p className="card compact">
          {t.rich("page.signInToVote", { link: (chunks) => <Link href="/signin?callbackUrl=/vote">{chunks}</Link> })}
        </p>
      )}
      {feed.items.length === 0 ? (
        <EmptyState testId="vote-empty" message={t("page.empty")} action={{ href: "/create", label: t("page.beFirst") }} />
      ) : (
        <VoteGrid
          page={{ items: feed.items, total: feed.total, nextCursor: feed.nextCursor }}
          dayKey={feed.day.dateKey}
          seed={feed.seed}
          closed={feed.day.closed}
          signedIn={!!user}
        />
      )}
      {user && day && !feed.day.closed && settings.personalLeaderboard && (
        <PersonalRanking userId={user.id} dayId={day.id} afterVotes={settings.leaderboardAfterVotes} />
      )}
    </>
  );
}
