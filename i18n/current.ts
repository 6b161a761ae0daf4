import "server-only";
import { requestLocale } from "./request";
import type { Locale } from "./locales";

/** This request's interface language, or null outside a request (scripts, direct calls in tests). */
export async function currentLocale(): Promise<Locale | null> {
  try {
    return await requestLocale();
  } catch {
    return null;
  }
}
