// What the shared formatting helpers show in each language: numbers and signs by the locale
// (tallies, coverage, refusals with figures), a day key as a date, a pseudonym in words. The
// Arabic checks are about order, not glyphs: a sign or percent sign must travel with its number.
import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { errorTextIn } from "@/i18n/error-translator";
import { formatDay } from "@/i18n/format-day";
import { LOCALES, type Locale, type Translator } from "@/i18n/locales";
import { MESSAGES } from "@/i18n/messages";
import { personName } from "@/i18n/person-name";
import { tallyValues } from "@/i18n/tally";
import { detail } from "@/lib/server/error-codes";

const common = (locale: Locale): Translator<"common"> => {
  const translate = createTranslator({ locale, messages: MESSAGES[locale], namespace: "common" });
  return (key, values) => translate(key as Parameters<typeof translate>[0], values);
};
const tally = (locale: Locale, up: number, down: number) =>
  createTranslator({ locale, messages: MESSAGES[locale], namespace: "vote" })("card.tally", tallyValues(up, down));

/** Unicode's direction marks (LRM, RLM, ALM), which keep a sign beside its number. */
const MARKS = /[\u200E\u200F\u061C]/;

describe("vote tallies", () => {
  it("carry both signs, written by the locale", () => {
    expect(tally("en", 3, 1)).toBe("+3 / -1");
    expect(tally("en", 0, 0)).toBe("+0 / -0");
    expect(tally("es", 1200, 2)).toMatch(/^\+1\.?200 \/ -2$/);
  });

  it("keep each Arabic sign with its number instead of leaving it to the paragraph's direction", () => {
    const text = tally("ar", 1, 0);
    for (const half of text.split(" / ")) expect(half, text).toMatch(new RegExp(`^${MARKS.source}[+-]`));
  });
});

describe("refusals with figures", () => {
  it("format numbers and percentages by the locale", () => {
    const tooLittle = detail("MASK_TOO_LITTLE", { coverage: 0.002, min: 0.015 });
    expect(errorTextIn("en")(tooLittle)).toBe("The mask covers 0.2% of the picture; mark at least 1.5%.");
    expect(errorTextIn("es")(tooLittle)).toBe("La máscara cubre el 0,2\u00A0% de la imagen; marca al menos el 1,5\u00A0%.");
    expect(errorTextIn("ar")(tooLittle)).toMatch(MARKS);
    expect(errorTextIn("en")(detail("TOO_LARGE", { max: 16_384 }))).toBe("The request body is too large (at most 16,384 bytes).");
    expect(errorTextIn("en")(detail("AT_MOST_PERCENT", { max: 0.9 }))).toBe("At most 90%.");
  });

  it("agree in number", () => {
    expect(errorTextIn("en")(detail("SUBMISSION_QUOTA", { count: 1 }))).toBe("You have already submitted an attempt today.");
    expect(errorTextIn("en")(detail("SUBMISSION_QUOTA", { count: 2 }))).toBe("You have already submitted 2 attempts today.");
    expect(errorTextIn("en")(detail("TOO_MANY_VOTES", { seconds: 1 }))).toBe("Too many votes in a short time. Try again in 1 second.");
  });
});

describe("formatDay", () => {
  it("shows a day key as that calendar date in each language, whatever the zone", () => {
    expect(formatDay("2026-12-10", "en")).toBe("Dec 10, 2026");
    expect(formatDay("2026-12-10", "es")).toBe("10 dic 2026");
    expect(formatDay("2026-01-01", "ar")).toMatch(/2026|٢٠٢٦/);
  });
});

describe("personName", () => {
  it("prefers the name a person gave, and words a pseudonym in each language", () => {
    for (const locale of LOCALES) {
      const t = common(locale);
      expect(personName(t, { displayName: "Ada", pseudonym: "3F09A2" })).toBe("Ada");
      expect(personName(t, { displayName: null, pseudonym: "3F09A2" })).toContain("3F09A2");
    }
    expect(personName(common("en"), { displayName: null, pseudonym: "3F09A2" })).toBe("Participant 3F09A2");
    expect(personName(common("es"), { displayName: null, pseudonym: "3F09A2" })).toBe("Participante 3F09A2");
    expect(personName(common("en"), { displayName: null, pseudonym: null })).toBe("—");
  });
});
