// Error messages ready to show: in one given language (a JSON route answers in its request's
// language, tests read English), or in the reader's language inside a request (actions, pages).
import { createTranslator } from "next-intl";
import { getTranslations } from "next-intl/server";
import type { ErrorDetail } from "@/lib/server/error-codes";
import { errorMessage } from "./error-message";
import { DEFAULT_LOCALE, type Locale, type Translator } from "./locales";
import { MESSAGES } from "./messages";

export type ErrorText = (d: ErrorDetail) => string;

/** The messages of one language. */
export function errorTextIn(locale: Locale): ErrorText {
  const translate = createTranslator({ locale, messages: MESSAGES[locale], namespace: "errors" });
  const t: Translator<"errors"> = (key, values) => translate(key as Parameters<typeof translate>[0], values);
  return (d) => errorMessage(t, d);
}

/**
 * The reader's language (next-intl's request configuration, i18n/request.ts). Outside a request
 * (scripts, tests calling an action directly) there is no reader, and English is used.
 */
export async function readerErrorText(): Promise<ErrorText> {
  try {
    const t = await getTranslations("errors");
    return (d) => errorMessage(t, d);
  } catch {
    return errorTextIn(DEFAULT_LOCALE);
  }
}
