import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { z } from "zod";
import { WorldsSection } from "@/components/admin/overview/worlds-section";
import { adminOrNotFound } from "@/lib/auth/admin-guard";
import { ActionError } from "@/lib/server/errors";
import { worldsOverview } from "@/lib/worlds/overview";
import { getStudy } from "@/lib/worlds/studies";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("admin");
  return { title: t("meta.studies") };
}

const paramsSchema = z.object({ id: z.coerce.number().int().positive().max(2_147_483_647) });

/** One study, running or ended: its worlds side by side with their lineages, and its exports. */
export default async function StudyPage({ params }: { params: Promise<{ id: string }> }) {
  await adminOrNotFound();
  const parsed = paramsSchema.safeParse(await params);
  if (!parsed.success) notFound();
  const study = await getStudy(parsed.data.id).catch((err: unknown) => {
    if (err instanceof ActionError && err.code === "NOT_FOUND") notFound();
    throw err;
  });
  const [t, format, overview] = await Promise.all([getTranslations("admin"), getFormatter(), worldsOverview(study.id)]);
  const when = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeStyle: "short" });
  return (
    <>
      <p>
        <Link href="/admin/studies">{t("studies.backToStudies")}</Link>
      </p>
      <h1 dir="auto">{t("studies.studyTitle", { id: study.id, name: study.name })}</h1>
      <p className="hint">
        {t("studies.studyDates", { started: when(study.startedAt), ended: study.endedAt ? when(study.endedAt) : "none" })}
      </p>
      <p>
        <Link href={`/admin/export?study=${study.id}`} data-testid="study-export">
          {t("studies.exportStudy")}
        </Link>
      </p>
      <WorldsSection overview={overview} ended={study.status === "ENDED"} />
    </>
  );
}
