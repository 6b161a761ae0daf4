"use server";

import { cookies } from "next/headers";
import { z } from "zod";
import { LOCALES, LOCALE_COOKIE, LOCALE_COOKIE_MAX_AGE_S } from "@/i18n/locales";
import { defineAction } from "@/lib/server/safe-action";
import { issue } from "@/lib/validations/field-errors";

const localeSchema = z.object({ locale: z.enum(LOCALES, issue("LOCALE_CHOICE")) });

/** Remembers the chosen language for a year; the next render uses it (see i18n/request.ts). */
export const setLocaleAction = defineAction({ access: "public", schema: localeSchema }, async ({ locale }) => {
  (await cookies()).set(LOCALE_COOKIE, locale, { maxAge: LOCALE_COOKIE_MAX_AGE_S, path: "/", sameSite: "lax" });
  return { locale };
});
