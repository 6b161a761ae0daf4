import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { personName } from "@/i18n/person-name";
import { tallyValues } from "@/i18n/tally";
import { getCurrentUser } from "@/lib/auth/auth";
import { creatorsLeaderboard, type CreatorRow } from "@/lib/rewards/leaderboards";
import { viewerWorldId } from "@/lib/worlds/assignment";
import { getWorldSettings } from "@/lib/worlds/conditions";
import { getSettings } from "@/lib/settings/settings";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("play");
  return { title: t("leaderboard.title") };
}

const TOP = 20;

/** Creators this week and of all time: only when admins have switched it on. */
export default async function LeaderboardPage() {
  const settings = await getSettings();
  if (!settings.creatorsLeaderboard) notFound();
  const t = await getTranslations("play");
  const common = await getTranslations("common");
  const format = await getFormatter();
  const user = await getCurrentUser();
  const worldId = await viewerWorldId(user);
  const [week, ever, { hideAuthors }] = await Promise.all([
    creatorsLeaderboard({ worldId, sinceDays: 7, take: TOP }),
    creatorsLeaderboard({ worldId, sinceDays: null, take: TOP }),
    getWorldSettings(worldId),
  ]);
  // With authors hidden in the viewer's world, nobody is named but yourself: the board must not undo that condition.
  const name = (r: CreatorRow) =>
    r.creatorId === user?.id ? t("leaderboard.you") : hideAuthors ? t("leaderboard.anonymous") : personName(common, r);
  const table = (rows: CreatorRow[], id: string, title: string) => (
    <section className="section" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {rows.length === 0 ? (
        <div className="empty">{t("leaderboard.empty")}</div>
      ) : (
        <table className="data-table" data-testid={id}>
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">{t("leaderboard.creator")}</th>
              <th scope="col">{t("leaderboard.images")}</th>
              <th scope="col">{t("leaderboard.votes")}</th>
              <th scope="col">{t("leaderboard.score")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r, i) => (
              <tr key={r.creatorId} data-creator={r.creatorId === user?.id ? "me" : undefined}>
                <td>{format.number(i + 1)}</td>
                <td>
                  <bdi>{name(r)}</bdi>
                </td>
                <td>{format.number(r.images)}</td>
                <td>{t("leaderboard.tally", tallyValues(r.upvotes, r.downvotes))}</td>
                <td>{format.number(r.score, { maximumFractionDigits: 3 })}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
  return (
    <>
      <h1>{t("leaderboard.title")}</h1>
      <p className="muted">{t("leaderboard.intro")}</p>
      {table(week, "leaderboard-week", t("leaderboard.week"))}
      {table(ever, "leaderboard-all", t("leaderboard.allTime"))}
    </>
  );
}
