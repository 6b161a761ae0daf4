import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import {
  banUserAction,
  hideImageAction,
  runRolloverAction,
  unbanUserAction,
  unhideImageAction,
  vetoLeaderAction,
} from "@/lib/admin/actions";
import { ReasonAction } from "@/components/admin/reason-action";
import { RolloverButton } from "@/components/admin/rollover-button";
import { TableScroll } from "@/components/admin/table-scroll";
import { ImageCard } from "@/components/ui/image-card";
import { listBannedUsers, listDayCandidates } from "@/lib/moderation/candidates";
import { adminOrNotFound } from "@/lib/auth/admin-guard";
import { listFlagged } from "@/lib/moderation/flags";
import { getCurrentDay } from "@/lib/days/days";
import { getRunningStudy, worldOrFirst } from "@/lib/worlds/studies";
import { WorldSelect } from "@/components/admin/world-select";
import { z } from "zod";
import { personName } from "@/i18n/person-name";
import { tallyValues } from "@/i18n/tally";
import styles from "../admin.module.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("admin");
  return { title: t("meta.moderation") };
}

const querySchema = z.object({ world: z.coerce.number().int().positive().optional().catch(undefined) });

export default async function ModerationPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await adminOrNotFound();
  const t = await getTranslations("admin");
  const common = await getTranslations("common");
  // The world picked (the running study's first unless another of its worlds is asked for).
  const study = await getRunningStudy();
  const world = worldOrFirst(study, querySchema.parse(await searchParams).world);
  const day = await getCurrentDay(world.id);
  const [candidates, flagged, banned] = await Promise.all([
    day ? listDayCandidates(day.id) : [],
    listFlagged({ take: 50 }),
    listBannedUsers(),
  ]);
  const leader = candidates.find((c) => c.eligible);

  return (
    <>
      <h1>{t("moderation.title")}</h1>
      <section className={`section ${styles.first}`} aria-labelledby="today-title">
        <h2 id="today-title">
          {t("moderation.today.title")} {day && <span className="muted">({day.dateKey})</span>}
        </h2>
        <WorldSelect worlds={study.worlds} value={world.id} />
        <div className={`row ${styles.dayActions}`}>
          {day && leader && (
            <ReasonAction
              label={t("moderation.actions.veto")}
              fields={{ dayId: day.id, expectedImageId: leader.id }}
              action={vetoLeaderAction}
              danger
            />
          )}
          <RolloverButton label={t("moderation.actions.rollover")} action={runRolloverAction} />
        </div>
        {candidates.length === 0 ? (
          <div className="empty">{t("moderation.today.empty")}</div>
        ) : (
          <ol className="card-grid" aria-label={t("moderation.today.ranked")}>
            {candidates.map((c, i) => (
              <li key={c.id} className={`card ${styles.candidate}`} data-testid="candidate" data-image-id={c.id}>
                <ImageCard image={c}>
                  <strong>
                    {c.eligible
                      ? `#${i + 1}`
                      : c.hiddenAt
                        ? t("moderation.status.hidden")
                        : c.creatorBanned
                          ? t("moderation.status.creatorBanned")
                          : t("moderation.status.notRanked")}
                  </strong>{" "}
                  <span className="clamp-2" dir="auto">
                    {c.prompt}
                  </span>
                </ImageCard>
                <p className={`hint ${styles.candidateTally}`}>
                  {t("moderation.today.tally", tallyValues(c.upvotes, c.downvotes))}
                  {(c.counted.upvotes !== c.upvotes || c.counted.downvotes !== c.downvotes) &&
                    ` ${t("moderation.today.rankedWithout", tallyValues(c.counted.upvotes, c.counted.downvotes))}`}{" "}
                  · {c.creator ? personName(common, c.creator) : "—"}
                  {c.hiddenReason ? ` · ${t("moderation.today.hiddenReason", { reason: c.hiddenReason })}` : ""}
                </p>
                <div className="row">
                  {c.hiddenAt ? (
                    <ReasonAction
                      label={t("moderation.actions.unhide")}
                      fields={{ imageId: c.id }}
                      action={unhideImageAction}
                      needsReason={false}
                    />
                  ) : (
                    <ReasonAction label={t("moderation.actions.hide")} fields={{ imageId: c.id }} action={hideImageAction} />
                  )}
                  {c.creatorId && !c.creatorBanned && (
                    <ReasonAction label={t("moderation.actions.ban")} fields={{ userId: c.creatorId }} action={banUserAction} danger />
                  )}
                </div>
              </li>
            ))}
          </ol>
        )}
      </section>

      <section className="section" aria-labelledby="flags-title">
        <h2 id="flags-title">{t("moderation.flags.title")}</h2>
        {flagged.length === 0 ? (
          <div className="empty">{t("moderation.flags.empty")}</div>
        ) : (
          <TableScroll labelledBy="flags-title">
            <table className="data-table">
              <thead>
                <tr>
                  <th scope="col">{t("moderation.flags.image")}</th>
                  <th scope="col">{t("moderation.flags.count")}</th>
                  <th scope="col">{t("moderation.flags.reasons")}</th>
                  <th scope="col">{t("moderation.flags.action")}</th>
                </tr>
              </thead>
              <tbody>
                {flagged.map((f) => (
                  <tr key={f.imageId} data-testid="flagged">
                    <td>
                      <a href={`/images/${f.imageId}`}>#{f.imageId}</a>
                    </td>
                    <td>{f.count}</td>
                    <td dir="auto">{f.reasons.join(" · ")}</td>
                    <td>
                      {f.hidden ? (
                        t("moderation.status.hidden")
                      ) : (
                        <ReasonAction label={t("moderation.actions.hide")} fields={{ imageId: f.imageId }} action={hideImageAction} />
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        )}
      </section>

      <section className="section" aria-labelledby="banned-title">
        <h2 id="banned-title">{t("moderation.banned.title")}</h2>
        {banned.length === 0 ? (
          <div className="empty">{t("moderation.banned.empty")}</div>
        ) : (
          <TableScroll labelledBy="banned-title">
            <table className="data-table">
              <tbody>
                {banned.map((u) => (
                  <tr key={u.id}>
                    <td dir="auto">{personName(common, u)}</td>
                    <td dir="auto">{u.banReason}</td>
                    <td>
                      <ReasonAction
                        label={t("moderation.actions.unban")}
                        fields={{ userId: u.id }}
                        action={unbanUserAction}
                        needsReason={false}
                      />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        )}
      </section>
    </>
  );
}
