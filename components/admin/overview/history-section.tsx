import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { TableScroll } from "@/components/admin/table-scroll";
import type { DayHistoryRow } from "@/lib/research/stats";

/** Every recent day: participants, submissions, votes and its winner. */
export async function HistorySection({ history }: { history: DayHistoryRow[] }) {
  const t = await getTranslations("admin");
  return (
    <>
      <section className="section" aria-labelledby="history-title">
        <h2 id="history-title">{t("overview.history.title")}</h2>
        <TableScroll labelledBy="history-title">
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">{t("overview.columns.day")}</th>
                <th scope="col">{t("overview.columns.participants")}</th>
                <th scope="col">{t("overview.columns.submissions")}</th>
                <th scope="col">{t("overview.columns.votes")}</th>
                <th scope="col">{t("overview.columns.winner")}</th>
              </tr>
            </thead>
            <tbody>
              {history.map((d) => (
                <tr key={d.dayId}>
                  <td>
                    {d.date} {d.status === "OPEN" && <span className="eyebrow">{t("overview.history.open")}</span>}
                  </td>
                  <td>{d.participants}</td>
                  <td>{d.submissions}</td>
                  <td>{d.votes}</td>
                  <td>{d.winnerImageId ? <Link href={`/images/${d.winnerImageId}`}>#{d.winnerImageId}</Link> : "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      </section>
    </>
  );
}
