// The interface languages. Plain data, safe for the server, the client and the proxy alike.
import { readCookieHeader } from "@/lib/security/cookie-header";

export const LOCALES = ["en", "es", "ar"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "en";
/** Where the choice is remembered: a year, readable by the server on every request. */
export const LOCALE_COOKIE = "NEXT_LOCALE";
export const LOCALE_COOKIE_MAX_AGE_S = 365 * 24 * 60 * 60;

/** Each language's own name, as a speaker of it would look for it in a menu. */
export const LOCALE_NAMES: Record<Locale, string> = { en: "English", es: "Español", ar: "العربية" };

export const isLocale = (v: unknown): v is Locale => typeof v === "string" && (LOCALES as readonly string[]).includes(v);

export const directionOf = (locale: Locale): "rtl" | "ltr" => (locale === "ar" ? "rtl" : "ltr");

/**
 * The best supported language for an Accept-Language header (RFC 9110: tags with q-values, a
 * region falling back to its language), or the default when none matches.
 */
export function pickLocale(acceptLanguage: string | null | undefined): Locale {
  const ranked = (acceptLanguage ?? "")
    .split(",")
    .map((part, i) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      const weight = q ? Number(q.slice(2)) : 1;
      return { lang: tag.trim().toLowerCase().split("-")[0] ?? "", weight: Number.isFinite(weight) ? weight : 0, i };
    })
    .filter((x) => x.lang && x.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.i - b.i);
  return ranked.map((x) => x.lang).find(isLocale) ?? DEFAULT_LOCALE;
}

/**
 * The language a request asks for: the remembered choice (the NEXT_LOCALE cookie's value) if it is
 * one we speak, else the best match for Accept-Language, else English. One rule for pages
 * (i18n/request.ts) and JSON routes (localeOfRequest).
 */
export function localeFor(remembered: string | null | undefined, acceptLanguage: string | null | undefined): Locale {
  return isLocale(remembered) ? remembered : pickLocale(acceptLanguage);
}

/** The language of a JSON request, read off its own headers, by the same rule as pages. */
export function localeOfRequest(req: Request | null | undefined): Locale {
  if (!req) return DEFAULT_LOCALE;
  return localeFor(readCookieHeader(req.headers.get("cookie")).get(LOCALE_COOKIE), req.headers.get("accept-language"));
}

/**
 * A translator for one namespace, as a plain function type, for modules that receive one from a
 * component (`useTranslations("ns")` or `getTranslations("ns")`). The catalogue test reads the
 * namespace from the type argument.
 */
export type Translator<N extends string> = ((key: string, values?: Record<string, string | number | Date>) => string) & {
  readonly namespace?: N;
};
