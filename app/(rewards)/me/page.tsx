import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { formatDay } from "@/i18n/format-day";
import { BadgeShelf } from "@/components/play/badge-shelf";
import { getCurrentUser } from "@/lib/auth/auth";
import { personalSummary } from "@/lib/rewards/personal";
import { getSettings } from "@/lib/settings/settings";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("play");
  return { title: t("me.title") };
}

/** The participant's own record: only when admins have switched the personal page on. */
export default async function MePage() {
  const settings = await getSettings();
  if (!settings.personalPage) notFound();
  const user = await getCurrentUser();
  if (!user) redirect("/signin?callbackUrl=/me");
  const t = await getTranslations("play");
  const format = await getFormatter();
  const locale = await getLocale();
  const me = await personalSummary(user.id, { streakMinVotes: settings.streakMinVotes });
  const percent = (share: number) => format.number(share, { style: "percent", maximumFractionDigits: 0 });

  return (
    <>
      <h1>{t("me.title")}</h1>
      <div className="stat-grid" data-testid="my-stats">
        <div className="stat">{t.rich("me.attempts", { count: me.attempts, b: (c) => <strong>{c}</strong> })}</div>
        <div className="stat">{t.rich("me.submissions", { count: me.submissions, b: (c) => <strong>{c}</strong> })}</div>
        <div className="stat">{t.rich("me.votes", { count: me.votesCast, b: (c) => <strong>{c}</strong> })}</div>
        <div className="stat">{t.rich("me.days", { count: me.daysTakenPart, b: (c) => <strong>{c}</strong> })}</div>
        <div className="stat">
          {me.agreement.share === null
            ? t("me.agreementNone")
            : t.rich("me.agreement", { share: percent(me.agreement.share), days: me.agreement.days, b: (c) => <strong>{c}</strong> })}
        </div>
      </div>

      {settings.streaksAndBadges && (
        <section className="section" aria-labelledby="streak-title">
          <h2 id="streak-title">{t("me.streaksTitle")}</h2>
          <p data-testid="streaks">
            {t("me.streaks", { current: me.streaks.current, best: me.streaks.best, votes: settings.streakMinVotes })}
          </p>
          <BadgeShelf badges={me.badges} />
        </section>
      )}

      <section className="section" aria-labelledby="images-title">
        <h2 id="images-title">{t("me.imagesTitle")}</h2>
        {me.images.length === 0 ? (
          <div className="empty">
            {t("me.noImages")} <Link href="/create">{t("me.create")}</Link>
          </div>
        ) : (
          <table className="data-table" data-testid="my-images">
            <thead>
              <tr>
                <th scope="col">{t("me.day")}</th>
                <th scope="col">{t("me.prompt")}</th>
                <th scope="col">{t("me.rank")}</th>
              </tr>
            </thead>
            <tbody>
              {[...me.images].reverse().map((i) => (
                <tr key={i.id}>
                  <td>{formatDay(i.date, locale)}</td>
                  <td>
                    <Link href={`/images/${i.id}`}>
                      <bdi>{i.prompt}</bdi>
                    </Link>
                  </td>
                  <td>
                    {i.hidden
                      ? t("me.hidden")
                      : i.won
                        ? t("me.won")
                        : i.rank === null
                          ? "—"
                          : i.closed
                            ? t("me.rankFinal", { rank: i.rank, of: i.of })
                            : t("me.rankNow", { rank: i.rank, of: i.of })}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </>
  );
}
