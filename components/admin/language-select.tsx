import { getTranslations } from "next-intl/server";
import { FilterSelect } from "@/components/admin/filter-select";
import { LOCALES, LOCALE_NAMES, type Locale } from "@/i18n/locales";

/** A GET form's "interface language" filter: all languages, or one (the overview and the exports). */
export async function LanguageSelect({ label, value, testId }: { label: string; value: Locale | undefined; testId: string }) {
  const t = await getTranslations("admin");
  return (
    <FilterSelect
      name="lang"
      label={label}
      value={value}
      all={t("overview.charts.allLanguages")}
      options={LOCALES.map((l) => ({ value: l, label: LOCALE_NAMES[l], lang: l }))}
      testId={testId}
    />
  );
}
