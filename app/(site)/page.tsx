import Link from "next/link";
import { after } from "next/server";
import { getTranslations } from "next-intl/server";
import { Picture } from "@/components/ui/picture";
import { WinnersStrip } from "@/components/winners/winners-strip";
import { getCurrentUser } from "@/lib/auth/auth";
import { getCurrentDay, listWinners } from "@/lib/days/days";
import { viewerWorldId } from "@/lib/worlds/assignment";
import { getEnv } from "@/lib/server/env";
import { imageUrls } from "@/lib/images/urls";
import { ensureVariants, variantSources } from "@/lib/images/variants";
import { getStorage } from "@/lib/storage";

/** How wide the hero picture is drawn: the full width on phones, a bit over half beside the text. */
const HERO_SIZES = "(min-width: 1200px) 640px, (min-width: 880px) 55vw, 100vw";

export default async function LandingPage() {
  const user = await getCurrentUser();
  const worldId = await viewerWorldId(user);
  const [day, winners] = await Promise.all([getCurrentDay(worldId), listWinners(worldId, 12)]);
  const t = await getTranslations("common");
  const seed = day?.seedImage;
  const seedUrl = seed ? (await imageUrls(seed)).url : null;
  const storage = getStorage();
  const seedSources = seed ? await variantSources(seed, (key) => storage.url(key)) : [];
  // A seed shown for the first time has no smaller copies yet: made after this response, once.
  if (seed && !seed.variants) after(() => ensureVariants(seed.id));
  const strip = await Promise.all(
    winners.map(async (w) => ({ ...w, image: { ...w.image, thumbUrl: (await imageUrls(w.image)).thumbUrl } })),
  );

  return (
    <>
      <section className="hero" aria-labelledby="hero-title">
        <div>
          <p className="eyebrow">{t("landing.eyebrow")}</p>
          <h1 id="hero-title">{t("landing.title")}</h1>
          <p className="lead">{t("landing.lead")}</p>
          <div className="cta-row">
            <Link className="button" href="/create">
              {t("landing.create")}
            </Link>
            <Link className="button secondary" href="/vote">
              {t("landing.vote")}
            </Link>
            {!user && (
              <Link className="button secondary" href="/signin">
                {t("landing.signIn")}
              </Link>
            )}
          </div>
        </div>
        {seed && seedUrl && day ? (
          <Picture
            src={seedUrl}
            alt={t("landing.seedAlt", { prompt: seed.prompt })}
            width={seed.width}
            height={seed.height}
            priority
            sources={seedSources}
            sizes={HERO_SIZES}
            caption={
              <span data-testid="todays-seed-caption">{t("landing.seedCaption", { date: day.dateKey, zone: getEnv().APP_TIME_ZONE })}</span>
            }
          />
        ) : (
          <div className="empty">{t("landing.preparing")}</div>
        )}
      </section>

      <section className="section" aria-labelledby="how-title">
        <h2 id="how-title">{t("landing.howTitle")}</h2>
        <ol className="steps">
          <li className="card">
            <h3>{t("landing.steps.maskTitle")}</h3>
            <p className="muted">{t("landing.steps.maskBody")}</p>
          </li>
          <li className="card">
            <h3>{t("landing.steps.describeTitle")}</h3>
            <p className="muted">{t("landing.steps.describeBody")}</p>
          </li>
          <li className="card">
            <h3>{t("landing.steps.submitTitle")}</h3>
            <p className="muted">{t("landing.steps.submitBody")}</p>
          </li>
          <li className="card">
            <h3>{t("landing.steps.voteTitle")}</h3>
            <p className="muted">{t("landing.steps.voteBody")}</p>
          </li>
        </ol>
      </section>

      <section className="section" aria-labelledby="winners-title">
        <h2 id="winners-title">{t("landing.winnersTitle")}</h2>
        <WinnersStrip winners={strip} />
      </section>
    </>
  );
}
