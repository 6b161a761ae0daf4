import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { InequalitySection } from "@/components/admin/analyses/inequality-section";
import { InfluenceSection } from "@/components/admin/analyses/influence-section";
import { SkillSection } from "@/components/admin/analyses/skill-section";
import { LanguageSelect } from "@/components/admin/language-select";
import { LOCALES } from "@/i18n/locales";
import { adminOrNotFound } from "@/lib/auth/admin-guard";
import { inequalityByDay } from "@/lib/research/inequality";
import { influenceOnVotes } from "@/lib/research/influence";
import { skillTable } from "@/lib/research/skill";
import { compareWorlds } from "@/lib/research/worlds-compared";
import { WorldsComparedSection } from "@/components/admin/analyses/worlds-section";
import { ConditionsComparedSection } from "@/components/admin/analyses/conditions-section";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("admin");
  return { title: t("meta.analyses") };
}

const querySchema = z.object({
  sort: z.enum(["skill", "days"]).catch("skill").default("skill"),
  // Skill and influence can be limited to one interface language (inequality is the day's, whole).
  lang: z.enum(LOCALES).optional().catch(undefined),
});

/** The measures RESEARCH.md defines, computed from the database as it is now. */
export default async function AnalysesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await adminOrNotFound();
  const t = await getTranslations("admin");
  const { sort, lang } = querySchema.parse(await searchParams);
  const [skill, influence, inequality, compared] = await Promise.all([
    skillTable({ locale: lang, orderBy: sort }),
    influenceOnVotes({ locale: lang }),
    inequalityByDay(),
    compareWorlds(),
  ]);
  return (
    <>
      <h1>{t("analyses.title")}</h1>
      <form className="hint">
        <input type="hidden" name="sort" value={sort} />
        <LanguageSelect label={t("overview.charts.languagePicker")} value={lang} testId="analyses-language" />{" "}
        <button className="button small secondary" type="submit">
          {t("overview.charts.show")}
        </button>
      </form>
      <SkillSection skill={skill} sort={sort} lang={lang} />
      <InfluenceSection influence={influence} />
      <InequalitySection inequality={inequality} />
      <WorldsComparedSection compared={compared} />
      <ConditionsComparedSection compared={compared} />
    </>
  );
}
