// Markdown output shared by the benchmarks: bench/run.mjs prints each one's stdout under its own
// heading, so a benchmark prints only notes and tables here.
import { cpus, loadavg } from "node:os";

export function table(header: string[], rows: (string | number)[][]): string {
  const line = (cells: (string | number)[]) => `| ${cells.join(" | ")} |`;
  return [line(header), line(header.map(() => "---")), ...rows.map(line)].join("\n");
}

/** "0.42×": how many times the baseline's figure ours is (NaN-safe). */
export function ratio(ours: number, baseline: number): string {
  if (!Number.isFinite(ours) || !Number.isFinite(baseline) || baseline === 0) return "n/a";
  const r = ours / baseline;
  if (r > 0 && r < 0.01) return `${r.toPrecision(2)}× (1/${Math.round(1 / r)})`;
  return `${r >= 10 ? r.toFixed(0) : r >= 1 ? r.toFixed(2) : r.toPrecision(2)}×`;
}

export function mb(bytes: number): string {
  return bytes >= 1e6 ? `${(bytes / 1e6).toFixed(1)} MB` : `${(bytes / 1e3).toFixed(0)} kB`;
}

export function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** One line on the machine, since figures from a loaded 2-core box are not absolute truths. */
export function machineLine(): string {
  return `Node ${process.version}, ${cpus().length}× ${cpus()[0]?.model ?? "unknown CPU"}, load average ${loadavg()[0]!.toFixed(2)} at the end.`;
}
