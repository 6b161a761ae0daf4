import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { FilterSelect } from "@/components/admin/filter-select";
import { LanguageSelect } from "@/components/admin/language-select";
import { TableScroll } from "@/components/admin/table-scroll";
import { LOCALES } from "@/i18n/locales";
import { adminOrNotFound } from "@/lib/auth/admin-guard";
import { listStudies } from "@/lib/worlds/studies";
import styles from "../admin.module.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("admin");
  return { title: t("meta.export") };
}

const querySchema = z.object({
  lang: z.enum(LOCALES).optional().catch(undefined),
  study: z.coerce.number().int().positive().optional().catch(undefined),
});

export default async function ExportPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await adminOrNotFound();
  const t = await getTranslations("admin");
  const [query, studies] = await Promise.all([searchParams.then((p) => querySchema.parse(p)), listStudies()]);
  const { lang } = query;
  const study = studies.find((s) => s.id === query.study)?.id;
  // Images, votes, vote events and skill can be limited to one interface language; the other tables have none.
  // Every table but the audit log can be limited to one study.
  const only = (table: string) =>
    (lang && ["images", "votes", "voteEvents", "skill"].includes(table) ? `&lang=${lang}` : "") +
    (study && table !== "audit" ? `&study=${study}` : "");
  const tables = [
    ["users", t("export.tables.users")],
    ["days", t("export.tables.days")],
    ["images", t("export.tables.images")],
    ["votes", t("export.tables.votes")],
    ["voteEvents", t("export.tables.voteEvents")],
    ["submissionEvents", t("export.tables.submissionEvents")],
    ["exposures", t("export.tables.exposures")],
    ["flags", t("export.tables.flags")],
    ["audit", t("export.tables.audit")],
    ["skill", t("export.tables.skill")],
    ["dayInequality", t("export.tables.dayInequality")],
    ["studies", t("export.tables.studies")],
    ["worlds", t("export.tables.worlds")],
    ["assignments", t("export.tables.assignments")],
  ] as const;
  return (
    <>
      <h1 id="export-title">{t("export.title")}</h1>
      <p className="muted">{t("export.intro")}</p>
      <form className={`hint ${styles.filters}`}>
        <LanguageSelect label={t("export.languagePicker")} value={lang} testId="export-language" />{" "}
        <FilterSelect
          name="study"
          label={t("export.studyPicker")}
          value={study}
          all={t("export.allStudies")}
          options={studies.map((s) => ({ value: s.id, label: t("export.studyOption", { id: s.id, name: s.name }) }))}
          testId="export-study"
        />{" "}
        <button className="button small secondary" type="submit">
          {t("overview.charts.show")}
        </button>
      </form>
      <TableScroll labelledBy="export-title">
        <table className="data-table">
          <tbody>
            {tables.map(([table, label]) => (
              <tr key={table}>
                <th scope="row">{label}</th>
                <td>
                  <a href={`/admin/export/${table}?format=csv${only(table)}`} download data-testid={`export-${table}-csv`}>
                    {t("export.csv")}
                  </a>
                </td>
                <td>
                  <a href={`/admin/export/${table}?format=json${only(table)}`} download>
                    {t("export.json")}
                  </a>
                </td>
                {table === "users" && (
                  <td>
                    <a href={`/admin/export/users?format=csv&raw=1${only(table)}`} download>
                      {t("export.rawIds")}
                    </a>
                  </td>
                )}
                {table === "audit" && study && <td className="muted">{t("export.auditWhole")}</td>}
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </>
  );
}
