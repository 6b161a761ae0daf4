import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { StartStudyForm } from "@/components/admin/start-study-form";
import { TableScroll } from "@/components/admin/table-scroll";
import { changeWorldConditionsAction, startStudyAction } from "@/lib/admin/actions";
import { WorldConditionsForm } from "@/components/admin/world-conditions-form";
import { getWorldSettings } from "@/lib/worlds/conditions";
import { adminOrNotFound } from "@/lib/auth/admin-guard";
import { listStudies } from "@/lib/worlds/studies";

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
  const modes = running ? await Promise.all(running.worlds.map((w) => getWorldSettings(w.id))) : [];
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
              initial={{ tallies: modes[i]!.tallies, order: modes[i]!.order }}
              action={changeWorldConditionsAction}
            />
          ))}
        </section>
      )}
      <section className="section" aria-labelledby="start-title">
        <h2 id="start-title">{t("studies.startTitle")}</h2>
        <p className="hint">{t("studies.startIntro")}</p>
        <StartStudyForm action={startStudyAction} />
      </section>
    </>
  );
}
