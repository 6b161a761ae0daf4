import { describe, expect, it } from "vitest";
import { msUntilNextMidnight, nextDateKey, startOfLocalDay } from "./midnight";

const H = 3_600_000;
const at = (iso: string) => new Date(iso);

describe("msUntilNextMidnight", () => {
  it("counts to the next UTC midnight in UTC, a full day at midnight itself", () => {
    expect(msUntilNextMidnight(at("2026-06-15T12:00:00Z"), "UTC")).toBe(12 * H);
    expect(msUntilNextMidnight(at("2026-06-15T23:59:59.999Z"), "UTC")).toBe(1);
    expect(msUntilNextMidnight(at("2026-06-15T00:00:00Z"), "UTC")).toBe(24 * H);
    expect(msUntilNextMidnight(at("2026-12-31T18:00:00Z"), "UTC")).toBe(6 * H);
  });

  it("uses the zone's own midnight", () => {
    // 20:00 UTC is 16:00 EDT (UTC-4): 8 hours to go in New York.
    expect(msUntilNextMidnight(at("2026-06-15T20:00:00Z"), "America/New_York")).toBe(8 * H);
    // 03:00 UTC on the 16th is still the 15th (23:00 EDT) there: one hour left.
    expect(msUntilNextMidnight(at("2026-06-16T03:00:00Z"), "America/New_York")).toBe(1 * H);
    // Half-hour and 45-minute offsets: 12:00 UTC is 17:30 in Kolkata (+5:30), 00:45 on the next day in Chatham (+12:45).
    expect(msUntilNextMidnight(at("2026-06-15T12:00:00Z"), "Asia/Kolkata")).toBe(6.5 * H);
    expect(msUntilNextMidnight(at("2026-06-15T12:00:00Z"), "Pacific/Chatham")).toBe(23.25 * H);
  });

  it("knows the DST change days in America/New_York are 23 and 25 hours long", () => {
    // 2026-03-08: clocks go 02:00 EST -> 03:00 EDT. 00:30 EST is 05:30 UTC; the day ends at 04:00 UTC on the 9th.
    expect(msUntilNextMidnight(at("2026-03-08T05:30:00Z"), "America/New_York")).toBe(22.5 * H);
    expect(msUntilNextMidnight(at("2026-03-08T05:00:00Z"), "America/New_York")).toBe(23 * H);
    // 2026-11-01: clocks go 02:00 EDT -> 01:00 EST. Midnight EDT is 04:00 UTC; the next midnight is 05:00 UTC on the 2nd.
    expect(msUntilNextMidnight(at("2026-11-01T04:00:00Z"), "America/New_York")).toBe(25 * H);
    // 01:30 happens twice that night; either way the day ends at the same instant.
    expect(msUntilNextMidnight(at("2026-11-01T05:30:00Z"), "America/New_York")).toBe(23.5 * H);
    expect(msUntilNextMidnight(at("2026-11-01T06:30:00Z"), "America/New_York")).toBe(22.5 * H);
  });
});

describe("startOfLocalDay", () => {
  it("is local midnight, or the clock jump on a day whose midnight is skipped", () => {
    expect(new Date(startOfLocalDay("2026-03-09", "America/New_York")).toISOString()).toBe("2026-03-09T04:00:00.000Z");
    expect(new Date(startOfLocalDay("2026-01-01", "Asia/Tokyo")).toISOString()).toBe("2025-12-31T15:00:00.000Z");
    // Chile springs forward at 24:00 on Saturday 2026-09-05: Sunday begins at 01:00 -03, i.e. 04:00 UTC.
    expect(new Date(startOfLocalDay("2026-09-06", "America/Santiago")).toISOString()).toBe("2026-09-06T04:00:00.000Z");
    expect(msUntilNextMidnight(at("2026-09-05T16:00:00Z"), "America/Santiago")).toBe(12 * H);
  });

  it("steps date keys across months and leap days", () => {
    expect(nextDateKey("2028-02-28")).toBe("2028-02-29");
    expect(nextDateKey("2026-12-31")).toBe("2027-01-01");
  });
});
