import { cookies, headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { getEnv } from "@/lib/server/env";
import { LOCALE_COOKIE, localeFor } from "./locales";
import { MESSAGES } from "./messages";

/**
 * The language of this request: the remembered choice (cookie) if valid, else the browser's
 * Accept-Language, else English. Dates use the app's configured zone, so a day shown is the
 * same day everywhere, whatever the language.
 */
export async function requestLocale() {
  return localeFor((await cookies()).get(LOCALE_COOKIE)?.value, (await headers()).get("accept-language"));
}

export default getRequestConfig(async () => {
  const locale = await requestLocale();
  return { locale, messages: MESSAGES[locale], timeZone: getEnv().APP_TIME_ZONE };
});
