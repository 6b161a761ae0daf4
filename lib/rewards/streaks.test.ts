import { describe, expect, it } from "vitest";
import { computeStreaks } from "./streaks";

describe("computeStreaks", () => {
  it("counts consecutive days and breaks on a gap", () => {
    const s = computeStreaks(["2026-03-01", "2026-03-02", "2026-03-03", "2026-03-05", "2026-03-06"], "2026-03-06");
    expect([s.current, s.best]).toEqual([2, 3]);
  });

  it("keeps a run that ended yesterday alive while today is open, and drops it after", () => {
    const days = ["2026-03-04", "2026-03-05"];
    expect(computeStreaks(days, "2026-03-06").current).toBe(2);
    expect(computeStreaks(days, "2026-03-07").current).toBe(0);
    expect(computeStreaks(days, "2026-03-07").best).toBe(2);
  });

  it("ignores order and duplicates, and spans month, year and leap-day boundaries", () => {
    const days = ["2024-03-01", "2024-02-28", "2024-02-29", "2024-02-29", "2023-12-31", "2024-01-01"];
    const s = computeStreaks(days, "2024-03-01");
    expect([s.current, s.best]).toEqual([3, 3]);
  });

  it("is not fooled by daylight-saving changes: days are calendar dates, not 24-hour spans", () => {
    // Europe and the US change clocks in late March and early November.
    const s = computeStreaks(["2026-03-28", "2026-03-29", "2026-03-30", "2026-10-31", "2026-11-01", "2026-11-02"], "2026-11-02");
    expect([s.current, s.best]).toEqual([3, 3]);
  });

  it("reports the day a run first reached seven days", () => {
    const week = Array.from({ length: 9 }, (_, i) => `2026-05-${String(10 + i).padStart(2, "0")}`);
    expect(computeStreaks(week, "2026-05-18").reached[7]).toBe("2026-05-16");
    expect(computeStreaks(week.slice(0, 6), "2026-05-15").reached[7]).toBeNull();
    // Two runs of six with a gap never make seven.
    const split = [...week.slice(0, 6), "2026-05-17", "2026-05-18", "2026-05-19", "2026-05-20", "2026-05-21", "2026-05-22"];
    expect(computeStreaks(split, "2026-05-22").reached[7]).toBeNull();
  });

  it("is zero for nobody", () => {
    expect(computeStreaks([], "2026-01-01")).toEqual({ current: 0, best: 0, reached: { 7: null } });
  });
});
