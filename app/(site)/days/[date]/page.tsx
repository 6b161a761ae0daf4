import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { formatDay } from "@/i18n/format-day";
import { VoteGrid } from "@/components/vote/vote-grid";
import { getCurrentUser } from "@/lib/auth/auth";
import { dateFromKey } from "@/lib/server/clock";
import { dateKeySchema } from "@/lib/validations/feed";
import { findFeedDay, getVoteFeed } from "@/lib/voting/feed";
import { viewerWorldId } from "@/lib/worlds/assignment";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("vote");
  return { title: t("meta.day") };
}

/** One past day: its final ranking, read-only. The open day's address leads to the vote. */
export default async function DayPage({ params }: { params: Promise<{ date: string }> }) {
  const parsed = dateKeySchema.safeParse((await params).date);
  if (!parsed.success) notFound();
  // The viewer's own world's day of that date: another world's days do not exist for them.
  const user = await getCurrentUser();
  const day = await findFeedDay({ worldId_date: { worldId: await viewerWorldId(user), date: dateFromKey(parsed.data) } });
  if (!day) notFound();
  if (day.status === "OPEN") redirect("/vote");
  const feed = await getVoteFeed(day, user?.id ?? null);
  if (!feed) notFound();
  const t = await getTranslations("vote");
  const locale = await getLocale();
  return (
    <>
      <h1>{t("page.finalTitle", { date: formatDay(feed.day.dateKey, locale) })}</h1>
      <p className="muted">{t.rich("day.intro", { link: (chunks) => <Link href="/lineage">{chunks}</Link> })}</p>
      {feed.items.length === 0 ? (
        <div className="empty">{t("day.empty")}</div>
      ) : (
        <VoteGrid
          page={{ items: feed.items, total: feed.total, nextCursor: feed.nextCursor }}
          dayKey={feed.day.dateKey}
          seed={feed.seed}
          closed
          signedIn={!!user}
        />
      )}
    </>
  );
}
