import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { tallyValues } from "@/i18n/tally";
import { z } from "zod";
import { GenerationRecord } from "@/components/admin/generation-record";
import { ImageCard } from "@/components/ui/image-card";
import { Picture } from "@/components/ui/picture";
import { formatDay } from "@/i18n/format-day";
import { personName } from "@/i18n/person-name";
import { getCurrentUser } from "@/lib/auth/auth";
import { withThumbUrls } from "@/lib/images/card-urls";
import { imageUrls } from "@/lib/images/urls";
import { canView, getImagePage } from "@/lib/days/lineage";
import { getWorldSettings } from "@/lib/worlds/conditions";
import { isActiveAdmin } from "@/lib/auth/roles";
import { viewerWorldId } from "@/lib/worlds/assignment";
import styles from "./page.module.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("vote");
  return { title: t("meta.image") };
}

const idSchema = z.coerce.number().int().positive().max(2_147_483_647);

export default async function ImagePage({ params }: { params: Promise<{ id: string }> }) {
  const parsed = idSchema.safeParse((await params).id);
  if (!parsed.success) notFound();
  const [data, user] = await Promise.all([getImagePage(parsed.data), getCurrentUser()]);
  const worldId = await viewerWorldId(user);
  if (!data || !canView(data.image, { id: user?.id ?? null, worldId }, isActiveAdmin(user))) notFound();
  const { image } = data;
  // Its own world's conditions (whether authors are shown); the viewer's for a first seed.
  const settings = await getWorldSettings(image.day?.worldId ?? worldId);
  const closed = image.day?.status === "CLOSED";
  const [urls, parent, children, ancestors] = await Promise.all([
    imageUrls(image),
    image.parent ? withThumbUrls([image.parent]) : Promise.resolve([]),
    withThumbUrls(data.children),
    withThumbUrls(data.ancestors),
  ]);
  const showAuthor = image.creator && (closed || !settings.hideAuthors);
  const t = await getTranslations("vote");
  const common = await getTranslations("common");
  const format = await getFormatter();
  const locale = await getLocale();
  const day = (key: string) => formatDay(key, locale);

  return (
    <article>
      <div className={`hero ${styles.imageHero}`}>
        <Picture src={urls.url} alt={image.prompt} width={image.width} height={image.height} priority />
        <div>
          <p className="eyebrow">
            {data.isWinner && data.dayKey
              ? t("image.winnerOf", { date: day(data.dayKey) })
              : image.status === "SEED"
                ? t("image.seed")
                : data.dayKey
                  ? t("image.madeOn", { date: day(data.dayKey) })
                  : t("image.image")}
          </p>
          <h1 dir="auto" className={styles.title}>
            {image.prompt}
          </h1>
          {showAuthor && (
            <p className="muted">
              {t.rich("byAuthor", { name: personName(common, image.creator!), bdi: (chunks) => <bdi>{chunks}</bdi> })}
            </p>
          )}
          {data.seedOfDay && <p className="muted">{t("image.seedOfDay", { date: day(data.seedOfDay) })}</p>}
          {image.status === "SUBMITTED" && closed && (
            <p data-testid="final-votes">{t("image.finalVotes", tallyValues(image.upvotes, image.downvotes))}</p>
          )}
          {image.status === "SUBMITTED" && !closed && (
            <p>{t.rich("image.inVote", { link: (chunks) => <Link href="/vote">{chunks}</Link> })}</p>
          )}
          {parent[0] && (
            <div className={styles.parent} data-testid="parent">
              <h2 className={styles.parentTitle}>{t("image.madeFrom")}</h2>
              <ImageCard image={parent[0]}>
                <span className="clamp-2" dir="auto">
                  {parent[0].prompt}
                </span>
              </ImageCard>
            </div>
          )}
        </div>
      </div>

      {ancestors.length > 0 && (
        <section className="section" aria-labelledby="ancestors-title">
          <h2 id="ancestors-title">{t("image.lineageTitle")}</h2>
          <p className="muted">{t("image.lineageIntro")}</p>
          <ol className="row-scroll" aria-label={t("image.ancestors")}>
            {ancestors.map((a) => (
              <li key={a.id}>
                <ImageCard image={a}>
                  <span className="clamp-2" dir="auto">
                    {a.prompt}
                  </span>
                </ImageCard>
              </li>
            ))}
          </ol>
        </section>
      )}

      {isActiveAdmin(user) && <GenerationRecord imageId={image.id} />}

      <section className="section" aria-labelledby="children-title">
        <h2 id="children-title">{t("image.childrenTitle")}</h2>
        {children.length === 0 ? (
          <div className="empty">{t("image.noChildren")}</div>
        ) : (
          <ol className="card-grid" aria-label={t("image.ranked")}>
            {children.map((c, i) => (
              <li key={c.id}>
                <ImageCard image={c}>
                  <strong>#{format.number(i + 1)}</strong>{" "}
                  <span className="clamp-2" dir="auto">
                    {c.prompt}
                  </span>
                </ImageCard>
              </li>
            ))}
          </ol>
        )}
      </section>
    </article>
  );
}
