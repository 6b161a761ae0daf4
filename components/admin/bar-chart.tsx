import { getTranslations } from "next-intl/server";
import styles from "./admin.module.css";

/**
 * A plain SVG bar chart, drawn on the server from database figures: readable on a laptop,
 * crisp when printed (vector, dark-on-white), with the numbers in a table for screen readers.
 */
export async function BarChart({
  title,
  bars,
  xLabel,
  yLabel,
  color = "#6b3fd4",
}: {
  title: string;
  bars: { label: string; value: number }[];
  xLabel: string;
  yLabel: string;
  color?: string;
}) {
  const t = await getTranslations("admin");
  const W = 560;
  const H = 220;
  const pad = { l: 44, r: 10, t: 10, b: 40 };
  const max = Math.max(1, ...bars.map((b) => b.value));
  const bw = bars.length ? (W - pad.l - pad.r) / bars.length : 0;
  const y = (v: number) => H - pad.b - (v / max) * (H - pad.t - pad.b);
  const ticks = [...new Set([0, Math.round(max / 2), max])];
  const every = Math.max(1, Math.ceil(bars.length / 12));
  return (
    <figure className="card chart">
      <figcaption>
        <strong>{title}</strong>
      </figcaption>
      {bars.length === 0 ? (
        <p className="muted">{t("chart.empty")}</p>
      ) : (
        <svg
          viewBox={`0 0 ${W} ${H}`}
          role="img"
          direction="ltr"
          aria-label={t("chart.label", { title, y: yLabel, x: xLabel })}
          className={styles.chartSvg}
        >
          {ticks.map((tick) => (
            <g key={tick}>
              <line x1={pad.l} x2={W - pad.r} y1={y(tick)} y2={y(tick)} stroke="#ddd" />
              <text x={pad.l - 6} y={y(tick) + 4} fontSize="11" textAnchor="end" fill="#333">
                {tick}
              </text>
            </g>
          ))}
          {bars.map((b, i) => (
            <g key={b.label}>
              <rect x={pad.l + i * bw + 1} y={y(b.value)} width={Math.max(1, bw - 2)} height={H - pad.b - y(b.value)} fill={color}>
                <title>{`${b.label}: ${b.value}`}</title>
              </rect>
              {i % every === 0 && (
                <text x={pad.l + i * bw + bw / 2} y={H - pad.b + 14} fontSize="10" textAnchor="middle" fill="#333">
                  {b.label}
                </text>
              )}
            </g>
          ))}
          <text x={(W + pad.l) / 2} y={H - 6} fontSize="11" textAnchor="middle" fill="#333">
            {xLabel}
          </text>
          <text x={12} y={H / 2} fontSize="11" textAnchor="middle" fill="#333" transform={`rotate(-90 12 ${H / 2})`}>
            {yLabel}
          </text>
        </svg>
      )}
      <details>
        <summary className="hint">{t("chart.data")}</summary>
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">{xLabel}</th>
              <th scope="col">{yLabel}</th>
            </tr>
          </thead>
          <tbody>
            {bars.map((b) => (
              <tr key={b.label}>
                <td>{b.label}</td>
                <td>{b.value}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
