import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { StartStudyForm } from "@/components/admin/start-study-form";
import { TableScroll } from "@/components/admin/table-scroll";
import { changeWorldConditionsAction, startStudyAction, uploadSeedAction } from "@/lib/admin/actions";
import { WorldConditionsForm } from "@/components/admin/world-conditions-form";
import { getWorldSettings, parseConditions } from "@/lib/worlds/conditions";
import { getSettings } from "@/lib/settings/settings";
import { adminOrNotFound } from "@/lib/auth/admin-guard";
import { getRunningStudy, listStudies } from "@/lib/worlds/studies";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("admin");
  return { title: t("meta.studies") };
}

/** Every study, the running one first, and the form that ends it and starts the next. */
export default async function StudiesPage() {
  await adminOrNotFound();
  const t = await getTranslations("admin");
  const format = await getFormatter();
  const studies = await listStudies();
  const running = studies.find((s) => s.status === "RUNNING");
  const [settings, study] = await Promise.all([getSettings(), getRunningStudy()]);
  const modes = running ? await Promise.all(running.worlds.map((w) => getWorldSettings(w.id))) : [];
  // Only what the forms show, not every setting, goes to the browser.
  const { generationQuota, submissionsPerDay, minMaskCoverage, maxMaskCoverage, hideAuthors, allowSelfVoting } = settings;
  const defaults = { generationQuota, submissionsPerDay, minMaskCoverage, maxMaskCoverage, hideAuthors, allowSelfVoting };
  const stored = (worldId: number) => parseConditions(study.worlds.find((w) => w.id === worldId)?.conditions);
  const when = (d: Date | null) => (d ? format.dateTime(d, { dateStyle: "medium", timeStyle: "short" }) : "—");
  return (
    <>
      <h1>{t("studies.title")}</h1>
      <p className="hint">{t("studies.intro")}</p>
      <TableScroll label={t("studies.tableLabel")}>
        <table className="data-table" data-testid="studies">
          <thead>
            <tr>
              <th scope="col">{t("studies.study")}</th>
              <th scope="col">{t("studies.status")}</th>
              <th scope="col">{t("studies.started")}</th>
              <th scope="col">{t("studies.ended")}</th>
              <th scope="col">{t("studies.worlds")}</th>
              <th scope="col">{t("studies.participants")}</th>
            </tr>
          </thead>
          <tbody>
            {studies.map((s) => (
              <tr key={s.id} data-study-id={s.id}>
                <td dir="auto">
                  <Link href={`/admin/studies/${s.id}`}>{t("studies.name", { id: s.id, name: s.name })}</Link>
                </td>
                <td>{s.status === "RUNNING" ? t("studies.running") : t("studies.endedStatus")}</td>
                <td>{when(s.startedAt)}</td>
                <td>{when(s.endedAt)}</td>
                <td dir="auto">{s.worlds.map((w) => w.name).join(", ")}</td>
                <td>{format.number(s._count.assignments)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      {running && (
        <section className="section" aria-labelledby="conditions-title">
          <h2 id="conditions-title">{t("studies.conditions.title", { name: running.name })}</h2>
          <p className="hint">{t("studies.conditions.intro")}</p>
          {running.worlds.map((w, i) => (
            <WorldConditionsForm
              key={w.id}
              worldId={w.id}
              label={w.name}
              initial={{
                tallies: modes[i]!.tallies,
                order: modes[i]!.order,
                hideAuthors: modes[i]!.hideAuthors,
                allowSelfVoting: modes[i]!.allowSelfVoting,
                // Only what the world sets itself: blank fields follow the settings.
                generationQuota: stored(w.id).generationQuota ?? null,
                submissionsPerDay: stored(w.id).submissionsPerDay ?? null,
                minMaskCoverage: stored(w.id).minMaskCoverage ?? null,
                maxMaskCoverage: stored(w.id).maxMaskCoverage ?? null,
              }}
              defaults={defaults}
              action={changeWorldConditionsAction}
            />
          ))}
        </section>
      )}
      <section className="section" aria-labelledby="start-title">
        <h2 id="start-title">{t("studies.startTitle")}</h2>
        <p className="hint">{t("studies.startIntro")}</p>
        <StartStudyForm action={startStudyAction} upload={uploadSeedAction} defaults={defaults} />
      </section>
    </>
  );
}
