import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { Overview } from "@/lib/research/stats";
import { strong } from "./rich";

function duration(ms: number) {
  return { hours: Math.floor(ms / 3_600_000), minutes: Math.floor((ms % 3_600_000) / 60_000) };
}

/** The open day at a glance: submissions, voters, votes, generations, time left, the leader. */
export async function TodaySection({ overview }: { overview: Overview | null }) {
  const t = await getTranslations("admin");
  return (
    <>
      {overview ? (
        <section aria-labelledby="today-title">
          <h2 id="today-title">
            {t("overview.today", { date: overview.date })} {overview.overdue && <span className="alert">{t("overview.overdue")}</span>}
          </h2>
          <div className="stat-grid" data-testid="today-stats">
            <div className="stat">
              {t.rich("overview.stats.submissions", { count: overview.submissions, hidden: overview.hidden, strong })}
            </div>
            <div className="stat">{t.rich("overview.stats.voters", { count: overview.distinctVoters, strong })}</div>
            <div className="stat">{t.rich("overview.stats.votes", { count: overview.votes, strong })}</div>
            <div className="stat">{t.rich("overview.stats.generations", { count: overview.generationsUsed, strong })}</div>
            <div className="stat">{t.rich("overview.stats.untilRollover", { ...duration(overview.msLeft), strong })}</div>
            <div className="stat">
              <strong>
                {overview.leaderImageId ? <Link href={`/images/${overview.leaderImageId}`}>#{overview.leaderImageId}</Link> : "—"}
              </strong>{" "}
              {t("overview.stats.leading")}
            </div>
          </div>
          <p className="hint">
            {t.rich("overview.seed", {
              id: overview.seedImageId,
              link: (chunks) => <Link href={`/images/${overview.seedImageId}`}>{chunks}</Link>,
            })}
          </p>
        </section>
      ) : (
        <div className="empty">{t("overview.noOpenDay")}</div>
      )}
    </>
  );
}
