// What a chart shows, as plain data: the server computes it, the figure tabulates it, the
// drawing (chart-view.tsx) plots it and the CSV button writes it.

/** One bar or point: its label on the x axis, its value, and its 95 % interval when it has one. */
export type ChartPoint = { label: string; value: number | null; low?: number | null; high?: number | null };

/** Whether any point carries an interval: the table and the CSV then get two more columns. */
export const hasIntervals = (points: readonly ChartPoint[]) => points.some((p) => p.low != null || p.high != null);
