import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { personalRanking } from "@/lib/rewards/leaderboards";

const SHOWN = 10;

/**
 * After enough votes in a day, the voter's own ranking of today's images beside the crowd's
 * (switched on by admins: personalLeaderboard). Before that, how many votes are still needed.
 */
export async function PersonalRanking({ userId, dayId, afterVotes }: { userId: number; dayId: number; afterVotes: number }) {
  const t = await getTranslations("play");
  const data = await personalRanking(userId, dayId, afterVotes);
  if (!data.unlocked) {
    return (
      <p className="card compact" data-testid="personal-ranking-locked">
        {t("ranking.locked", { left: data.needed - data.votes })}
      </p>
    );
  }
  const list = (items: { id: number; prompt: string }[], label: string) => (
    <div>
      <h3>{label}</h3>
      <ol>
        {items.slice(0, SHOWN).map((i) => (
          <li key={i.id}>
            <Link href={`/images/${i.id}`}>
              <bdi>{i.prompt}</bdi>
            </Link>
          </li>
        ))}
      </ol>
    </div>
  );
  return (
    <section className="section" aria-labelledby="personal-ranking-title" data-testid="personal-ranking">
      <h2 id="personal-ranking-title">{t("ranking.title")}</h2>
      <p className="muted">{t("ranking.intro")}</p>
      <div className="side-by-side">
        {list(data.mine, t("ranking.yours"))}
        {list(data.crowd, t("ranking.crowd"))}
      </div>
    </section>
  );
}
