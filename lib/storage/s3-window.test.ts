import { describe, expect, it } from "vitest";
import { MAX_PRESIGN_SECONDS, presignWindow, urlWindowSeconds } from "./s3-window";

const at = (iso: string) => Date.parse(iso);

describe("presignWindow", () => {
  it("signs every URL of an hour at the top of the hour, valid for two hours from there", () => {
    for (const now of ["2026-03-01T10:00:00Z", "2026-03-01T10:37:12.345Z", "2026-03-01T10:59:59.999Z"]) {
      const w = presignWindow(at(now), 3600);
      expect(w.signingDate.toISOString()).toBe("2026-03-01T10:00:00.000Z");
      expect(w.expiresIn).toBe(7200);
    }
    expect(presignWindow(at("2026-03-01T11:00:00Z"), 3600).signingDate.toISOString()).toBe("2026-03-01T11:00:00.000Z");
  });

  it("always leaves at least the promised validity and never exceeds SigV4's seven days", () => {
    for (const valid of [60, 3600, 86_400, 302_400, 500_000, 604_799]) {
      for (const now of [at("2026-03-01T00:00:00Z"), at("2026-03-04T13:14:15Z"), at("2026-03-07T23:59:59Z")]) {
        const w = presignWindow(now, valid);
        expect(w.expiresIn).toBeLessThanOrEqual(MAX_PRESIGN_SECONDS);
        expect(w.signingDate.getTime() + w.expiresIn * 1000).toBeGreaterThanOrEqual(now + valid * 1000 - 999);
        expect(w.signingDate.getTime()).toBeLessThanOrEqual(now);
      }
    }
  });

  it("shrinks the window as the validity nears seven days, down to none at the maximum", () => {
    expect(urlWindowSeconds(3600)).toBe(3600);
    expect(urlWindowSeconds(302_400)).toBe(302_400);
    expect(urlWindowSeconds(500_000)).toBe(104_800);
    expect(urlWindowSeconds(MAX_PRESIGN_SECONDS)).toBe(0);
    const w = presignWindow(at("2026-03-01T10:37:12.345Z"), MAX_PRESIGN_SECONDS);
    expect(w.signingDate.toISOString()).toBe("2026-03-01T10:37:12.000Z");
    expect(w.expiresIn).toBe(MAX_PRESIGN_SECONDS);
  });
});
