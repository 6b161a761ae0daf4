// The message catalogues against the code: every language has exactly English's keys with the
// same placeholders, every key is used by some code, every key the code uses exists, and the
// converted parts of the interface hold no user-facing English outside the catalogues.
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { LOCALES } from "@/i18n/locales";
import { MESSAGES, NAMESPACES } from "@/i18n/messages";
import { flatten, type Tree } from "./catalogues";

const catalogue = (locale: (typeof LOCALES)[number]) => flatten(MESSAGES[locale] as unknown as Tree);
/** ICU argument names: {name}, {count, plural, ...}; nested plural branches count once. */
const placeholders = (text: string) => [...new Set([...text.matchAll(/\{\s*(\w+)\s*[,}]/g)].map((m) => m[1]!))].sort();

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && /\.(ts|tsx)$/.test(e.name) && !/\.(test|spec)\.tsx?$/.test(e.name) && !e.parentPath.includes("generated"))
    .map((e) => join(e.parentPath, e.name));
}

/**
 * Keys the code uses. A translator is declared as `const t = useTranslations("ns")` or
 * `const t = await getTranslations("ns")` (or `getTranslations({ locale, namespace: "ns" })`);
 * every call `t("key")`, `t.rich("key")`, `t.has("key")` with a literal key uses "ns.key". A
 * helper that takes a translator declares it as `t: Translator<"ns">` (i18n/locales.ts).
 */
function usedKeys(): Map<string, string> {
  const used = new Map<string, string>();
  for (const file of ["app", "components", "lib", "i18n"].flatMap(sourceFiles)) {
    const text = readFileSync(file, "utf8");
    const declared = [
      ...text.matchAll(
        /(?:const|let)\s+(\w+)\s*=\s*(?:await\s+)?(?:useTranslations|getTranslations)\(\s*(?:\{[^}]*namespace:\s*)?"(\w+)"/g,
      ),
      // A translator handed to a helper: `(t: Translator<"errors">, …)`.
      ...text.matchAll(/\b(\w+):\s*Translator<"(\w+)">/g),
    ];
    for (const [, name, ns] of declared) {
      for (const m of text.matchAll(new RegExp(`\\b${name}(?:\\.rich|\\.markup|\\.has)?\\(\\s*"([\\w.]+)"`, "g")))
        used.set(`${ns}.${m[1]}`, file);
    }
  }
  return used;
}

describe("message catalogues", () => {
  const english = catalogue("en");

  it("are non-trivial and split into the known namespaces", () => {
    expect(Object.keys(MESSAGES.en).sort()).toEqual([...NAMESPACES].sort());
    expect(english.size).toBeGreaterThan(100);
  });

  for (const locale of LOCALES.filter((l) => l !== "en")) {
    it(`${locale} has exactly English's keys, each translated, with the same placeholders`, () => {
      const other = catalogue(locale);
      expect(
        [...english.keys()].filter((k) => !other.has(k)),
        "missing",
      ).toEqual([]);
      expect(
        [...other.keys()].filter((k) => !english.has(k)),
        "not in English",
      ).toEqual([]);
      for (const [key, text] of english) {
        const translated = other.get(key)!;
        expect(translated.trim(), key).not.toBe("");
        expect(placeholders(translated), key).toEqual(placeholders(text));
      }
    });
  }

  it("hold every key the code uses, and no key that no code uses", () => {
    const used = usedKeys();
    expect(
      [...used].filter(([k]) => !english.has(k)).map(([k, f]) => `${k} (${f})`),
      "used but missing",
    ).toEqual([]);
    expect(
      [...english.keys()].filter((k) => !used.has(k)),
      "never used",
    ).toEqual([]);
  });
});

describe("the interface", () => {
  // Text between JSX tags, and user-facing attributes, that contain letters. Brand names and
  // symbols are allowed; everything else a person reads comes from a catalogue.
  const ALLOWED = new Set(["PixelPatchwork"]);
  const jsxText = />\s*([^<>{}]*[A-Za-z\u00C0-\u024F\u0600-\u06FF][^<>{}]*?)\s*</g;
  const attrText = /\b(?:aria-label|placeholder|title|alt|label)="([^"]*[A-Za-z][^"]*)"/g;

  it("shows no text that is not from a catalogue", () => {
    const offenders: string[] = [];
    for (const file of ["app", "components"].flatMap(sourceFiles).filter((f) => f.endsWith(".tsx"))) {
      const text = readFileSync(file, "utf8")
        .replace(/\{\/\*[\s\S]*?\*\/\}/g, "")
        .replace(/\/\/.*$/gm, "");
      for (const re of [jsxText, attrText]) {
        for (const m of text.matchAll(re)) {
          const s = m[1]!.trim();
          // Between two tags of different statements the "text" is code (`</p>;\n if (x) return <p`).
          const code = /^[\w.]+\(|=>|&&|\|\||===|^\(?\);|^;|\breturn\b|\bconst\b|\bif \(/.test(s);
          if (s && !ALLOWED.has(s) && !code && !/^[\s\d.,:;!?()·–—−+×%/&#*-]*$/.test(s)) offenders.push(`${file}: ${s.slice(0, 60)}`);
        }
      }
    }
    expect(offenders).toEqual([]);
  });
});
