"use client";

import { Bar, BarChart, CartesianGrid, ErrorBar, Line, LineChart, Tooltip, XAxis, YAxis } from "recharts";
import type { ChartPoint } from "./chart-points";
import styles from "./charts.module.css";

/**
 * The drawing of one chart (Recharts, SVG): bars or a line, with a whisker for each point's 95 %
 * interval when it has one. No animation, so what is printed or captured is the final figure.
 * The figure around it (chart-figure.tsx) holds the caption, the numbers as a table and their
 * CSV; the chart is always left to right, whatever the page's direction.
 */
export function ChartView(props: {
  points: ChartPoint[];
  kind: "bar" | "line";
  color: string;
  xLabel: string;
  yLabel: string;
  label: string;
  domain?: [number, number];
}) {
  const { points, kind, color, xLabel, yLabel, label, domain } = props;
  const data = points.map((p) => ({
    ...p,
    // Recharts' asymmetric error: distances below and above the value.
    err: p.value !== null && p.low != null && p.high != null ? [p.value - p.low, p.high - p.value] : undefined,
  }));
  const withErrors = data.some((d) => d.err);
  const common = {
    data,
    responsive: true,
    style: { width: "100%", height: "100%" },
    margin: { top: 10, right: 12, bottom: 28, left: 8 },
    accessibilityLayer: false,
  };
  const axes = (
    <>
      <CartesianGrid stroke="#ddd" vertical={false} />
      <XAxis
        dataKey="label"
        tick={{ fontSize: 10, fill: "#333" }}
        label={{ value: xLabel, position: "insideBottom", offset: -16, fontSize: 11, fill: "#333" }}
      />
      <YAxis
        domain={domain ?? [0, "auto"]}
        tick={{ fontSize: 11, fill: "#333" }}
        width={44}
        label={{ value: yLabel, angle: -90, position: "insideLeft", fontSize: 11, fill: "#333" }}
      />
      <Tooltip isAnimationActive={false} />
    </>
  );
  const whiskers = withErrors && <ErrorBar dataKey="err" stroke="#1d1b26" width={6} isAnimationActive={false} />;
  return (
    // One named image for assistive technology: the exact numbers are in the figure's table, so
    // Recharts' keyboard layer (which walks points as an "application") is left off.
    <div className={styles.box} dir="ltr" role="img" aria-label={label}>
      {kind === "line" ? (
        <LineChart {...common}>
          {axes}
          <Line dataKey="value" name={yLabel} stroke={color} strokeWidth={2} dot={{ r: 3 }} connectNulls={false} isAnimationActive={false}>
            {whiskers}
          </Line>
        </LineChart>
      ) : (
        <BarChart {...common}>
          {axes}
          <Bar dataKey="value" name={yLabel} fill={color} isAnimationActive={false}>
            {whiskers}
          </Bar>
        </BarChart>
      )}
    </div>
  );
}
