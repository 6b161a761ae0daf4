import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import { getTranslations } from "next-intl/server";
import { PersonalRanking } from "@/components/play/personal-ranking";
import { VoteGrid } from "@/components/vote/vote-grid";
import { DayCountdown } from "@/components/ui/day-countdown";
import { EmptyState } from "@/components/ui/empty-state";
import { PageSkeleton } from "@/components/ui/page-skeleton";
import { getCurrentUser } from "@/lib/auth/auth";
import { dayEndsAt, getCurrentDay } from "@/lib/days/days";
import { viewerWorldId } from "@/lib/worlds/assignment";
import { getSettings } from "@/lib/settings/settings";
import { type FeedDay, getVoteFeed } from "@/lib/voting/feed";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("vote");
  return { title: t("meta.vote") };
}

/**
 * The heading and the intro are sent as soon as today's day is known; the grid streams in after
 * them (the feed's order and its first page are the slow part), so a phone paints the text first.
 */
export default async function VotePage() {
  const t = await getTranslations("vote");
  const user = await getCurrentUser();
  const [day, settings] = await Promise.all([getCurrentDay(await viewerWorldId(user)), getSettings()]);
  if (!day) return <div className="empty">{t("page.preparing")}</div>;

  return (
    <>
      <h1>{t("page.openTitle")}</h1>
      <p className="muted">{t("page.openIntro")}</p>
      <DayCountdown endsAt={dayEndsAt(day.dateKey).toISOString()} />
      {!user && (
        <p className="card compact">
          {t.rich("page.signInToVote", { link: (chunks) => <Link href="/signin?callbackUrl=/vote">{chunks}</Link> })}
        </p>
      )}
      <Suspense fallback={<PageSkeleton title={false} />}>
        <Feed day={day} viewerId={user?.id ?? null} signedIn={!!user} />
      </Suspense>
      {user && settings.personalLeaderboard && (
        <PersonalRanking userId={user.id} dayId={day.id} afterVotes={settings.leaderboardAfterVotes} />
      )}
    </>
  );
}

async function Feed({ day, viewerId, signedIn }: { day: FeedDay; viewerId: number | null; signedIn: boolean }) {
  const t = await getTranslations("vote");
  const feed = await getVoteFeed(day, viewerId);
  if (!feed) return null;
  if (feed.items.length === 0) {
    return <EmptyState testId="vote-empty" message={t("page.empty")} action={{ href: "/create", label: t("page.beFirst") }} />;
  }
  return (
    <VoteGrid
      page={{ items: feed.items, total: feed.total, nextCursor: feed.nextCursor }}
      dayKey={feed.day.dateKey}
      seed={feed.seed}
      closed={feed.day.closed}
      signedIn={signedIn}
    />
  );
}
