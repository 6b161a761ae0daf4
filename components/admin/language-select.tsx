import { getTranslations } from "next-intl/server";
import { LOCALES, LOCALE_NAMES, type Locale } from "@/i18n/locales";

/** A GET form's "interface language" filter: all languages, or one (the overview and the exports). */
export async function LanguageSelect({ label, value, testId }: { label: string; value: Locale | undefined; testId: string }) {
  const t = await getTranslations("admin");
  return (
    <label>
      {label}{" "}
      <select name="lang" defaultValue={value ?? ""} data-testid={testId}>
        <option value="">{t("overview.charts.allLanguages")}</option>
        {LOCALES.map((l) => (
          <option key={l} value={l} lang={l}>
            {LOCALE_NAMES[l]}
          </option>
        ))}
      </select>
    </label>
  );
}
