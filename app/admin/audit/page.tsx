import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { auditLabels } from "@/components/admin/audit-labels";
import { TableScroll } from "@/components/admin/table-scroll";
import { personName } from "@/i18n/person-name";
import { adminOrNotFound } from "@/lib/auth/admin-guard";
import { listAudit } from "@/lib/admin/audit";
import styles from "../admin.module.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("admin");
  return { title: t("meta.audit") };
}

const querySchema = z.object({ cursor: z.coerce.number().int().positive().optional().catch(undefined) });

export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await adminOrNotFound();
  const t = await getTranslations("admin");
  const common = await getTranslations("common");
  const label = auditLabels(t);
  const { cursor } = querySchema.parse(await searchParams);
  const { entries, nextCursor } = await listAudit({ take: 50, cursor });
  return (
    <>
      <h1 id="audit-title">{t("audit.title")}</h1>
      <p className="muted">{t("audit.intro")}</p>
      {entries.length === 0 ? (
        <div className="empty">{t("audit.empty")}</div>
      ) : (
        <TableScroll labelledBy="audit-title">
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">{t("audit.columns.when")}</th>
                <th scope="col">{t("audit.columns.who")}</th>
                <th scope="col">{t("audit.columns.action")}</th>
                <th scope="col">{t("audit.columns.target")}</th>
                <th scope="col">{t("audit.columns.reason")}</th>
                <th scope="col">{t("audit.columns.change")}</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((e) => (
                <tr key={e.id} data-testid="audit-entry">
                  <td>{e.createdAt.toISOString().replace("T", " ").slice(0, 19)}</td>
                  <td dir="auto">{e.admin ? personName(common, e.admin) : t("audit.system")}</td>
                  <td>{label.action(e.action)}</td>
                  <td>{label.target(e.targetType, e.targetId)}</td>
                  <td dir="auto">{e.reason ?? ""}</td>
                  <td>
                    <details>
                      <summary className="hint">{t("audit.show")}</summary>
                      <pre dir="ltr" className={styles.change}>
                        {e.before ?? "—"}
                        {"\n→\n"}
                        {e.after ?? "—"}
                      </pre>
                    </details>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      {nextCursor && (
        <p>
          <Link href={`/admin/audit?cursor=${nextCursor}`}>{t("audit.older")}</Link>
        </p>
      )}
    </>
  );
}
