import { getTranslations } from "next-intl/server";
import { ChartView } from "./chart-view";
import { type ChartPoint, hasIntervals } from "./chart-points";
import { CsvDownload } from "./csv-download";
import styles from "./charts.module.css";

/**
 * One chart of the dashboard: its caption, the drawing (Recharts, in the browser), its numbers as
 * a table for screen readers and anyone who wants them exact, and those numbers as a CSV file.
 * Points with an interval get whiskers in the drawing and two more columns in the table.
 */
export async function ChartFigure({
  title,
  points,
  xLabel,
  yLabel,
  kind = "bar",
  color = "#6b3fd4",
  domain,
  file,
}: {
  title: string;
  points: ChartPoint[];
  xLabel: string;
  yLabel: string;
  kind?: "bar" | "line";
  color?: string;
  /** The y axis's range; from 0 to the largest value when not given. */
  domain?: [number, number];
  /** The CSV's name, without extension. */
  file: string;
}) {
  const t = await getTranslations("admin");
  const intervals = hasIntervals(points);
  const header = [xLabel, yLabel, ...(intervals ? [t("chart.low"), t("chart.high")] : [])];
  const rows = points.map((p) => [p.label, p.value, ...(intervals ? [p.low ?? null, p.high ?? null] : [])]);
  const label = t("chart.label", { title, y: yLabel, x: xLabel });
  return (
    <figure className="card chart">
      <figcaption>
        <strong>{title}</strong>
      </figcaption>
      {points.length === 0 ? (
        <p className="muted">{t("chart.empty")}</p>
      ) : (
        <ChartView points={points} kind={kind} color={color} xLabel={xLabel} yLabel={yLabel} label={label} domain={domain} />
      )}
      <div className={styles.actions}>
        <details>
          <summary className="hint">{t("chart.data")}</summary>
          <table className="data-table">
            <thead>
              <tr>
                {header.map((h) => (
                  <th key={h} scope="col">
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={String(row[0])}>
                  {row.map((cell, i) => (
                    <td key={i}>{cell ?? ""}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </details>
        {points.length > 0 && <CsvDownload filename={`${file}.csv`} header={header} rows={rows} label={t("chart.csv")} />}
      </div>
    </figure>
  );
}
