// The error codes against the catalogues: every code has a message in every language, built from
// exactly the values the code carries, and every message in the errors catalogue belongs to a
// code. Together with test/i18n-catalogues.test.ts (same keys and placeholders in every
// language), a code without words, or words without a code, cannot be merged.
import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { errorMessage } from "@/i18n/error-message";
import { LOCALES, type Translator } from "@/i18n/locales";
import { MESSAGES } from "@/i18n/messages";
import { ERROR_CODES, ERROR_STATUS, type ErrorCode, type ErrorDetail, valueNamesOf } from "@/lib/server/error-codes";
import { flatten, type Tree } from "./catalogues";

/** ICU argument names: {name}, {count, plural, ...}; nested plural branches count once. */
const placeholders = (text: string) => [...new Set([...text.matchAll(/\{\s*(\w+)\s*[,}]/g)].map((m) => m[1]!))].sort();

/** A detail for the code with a value for each name it takes: text for field names, else a number. */
function sample(code: ErrorCode): ErrorDetail {
  const names = valueNamesOf(code);
  if (names.length === 0) return { code } as ErrorDetail;
  return { code, values: Object.fromEntries(names.map((n) => [n, n === "field" || n === "options" ? "imageId" : 2])) } as ErrorDetail;
}

/** The catalogue key errorMessage reads for a code (under "errors"). */
function keyOf(code: ErrorCode): string {
  let key = "";
  const t: Translator<"errors"> = (k) => (key = k);
  errorMessage(t, sample(code));
  return key;
}

const english = flatten(MESSAGES.en.errors as unknown as Tree);

describe("error codes", () => {
  it("form one closed set, each with an HTTP status", () => {
    expect(ERROR_CODES.length).toBeGreaterThan(100);
    for (const code of ERROR_CODES) expect(ERROR_STATUS[code], code).toBeGreaterThanOrEqual(400);
    for (const code of ERROR_CODES) expect(ERROR_STATUS[code], code).toBeLessThan(600);
  });

  it("each have a message in English, made from exactly the values the code carries", () => {
    for (const code of ERROR_CODES) {
      const key = keyOf(code);
      expect(english.has(key), `${code} → errors.${key}`).toBe(true);
      expect(placeholders(english.get(key)!), code).toEqual([...valueNamesOf(code)].sort());
    }
  });

  for (const locale of LOCALES) {
    it(`each read as a finished sentence in ${locale}`, () => {
      const problems: string[] = [];
      const translate = createTranslator({
        locale,
        messages: MESSAGES[locale],
        namespace: "errors",
        onError: (e) => problems.push(e.message),
      });
      const t: Translator<"errors"> = (key, values) => translate(key as Parameters<typeof translate>[0], values);
      for (const code of ERROR_CODES) {
        const text = errorMessage(t, sample(code));
        expect(text, code).not.toMatch(/^errors\.|[{}]/);
        expect(text.trim(), code).not.toBe("");
      }
      expect(problems).toEqual([]);
    });
  }

  it("leave no message in the errors catalogue without a code", () => {
    const used = new Set(ERROR_CODES.map(keyOf));
    expect(
      [...english.keys()].filter((k) => !used.has(k)),
      "messages no code says",
    ).toEqual([]);
  });
});
