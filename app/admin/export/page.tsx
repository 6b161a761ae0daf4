import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { adminOrNotFound } from "@/lib/admin-guard";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("admin");
  return { title: t("meta.export") };
}

export default async function ExportPage() {
  await adminOrNotFound();
  const t = await getTranslations("admin");
  const tables = [
    ["users", t("export.tables.users")],
    ["days", t("export.tables.days")],
    ["images", t("export.tables.images")],
    ["votes", t("export.tables.votes")],
    ["flags", t("export.tables.flags")],
    ["audit", t("export.tables.audit")],
  ] as const;
  return (
    <>
      <h1>{t("export.title")}</h1>
      <p className="muted">{t("export.intro")}</p>
      <table className="data-table">
        <tbody>
          {tables.map(([table, label]) => (
            <tr key={table}>
              <th scope="row">{label}</th>
              <td>
                <a href={`/admin/export/${table}?format=csv`} download data-testid={`export-${table}-csv`}>
                  {t("export.csv")}
                </a>
              </td>
              <td>
                <a href={`/admin/export/${table}?format=json`} download>
                  {t("export.json")}
                </a>
              </td>
              {table === "users" && (
                <td>
                  <a href={`/admin/export/users?format=csv&raw=1`} download>
                    {t("export.rawIds")}
                  </a>
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
