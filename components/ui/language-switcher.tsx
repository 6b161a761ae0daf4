"use client";

import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { useId, useTransition } from "react";
import { setLocaleAction } from "@/i18n/locale-action";
import { LOCALES, LOCALE_NAMES, type Locale } from "@/i18n/locales";

/** The language menu in the header: every page, remembered in a cookie, applied at once. */
export function LanguageSwitcher() {
  const t = useTranslations("common");
  const locale = useLocale();
  const router = useRouter();
  const id = useId();
  const [pending, start] = useTransition();

  function change(next: Locale) {
    start(async () => {
      const res = await setLocaleAction({ locale: next });
      if (res.ok) router.refresh();
    });
  }

  return (
    <div className="language-switcher">
      <label htmlFor={id} className="visually-hidden">
        {t("language.label")}
      </label>
      <select
        id={id}
        value={locale}
        onChange={(e) => change(e.target.value as Locale)}
        disabled={pending}
        aria-busy={pending}
        data-testid="language-switcher"
      >
        {LOCALES.map((l) => (
          <option key={l} value={l} lang={l}>
            {LOCALE_NAMES[l]}
          </option>
        ))}
      </select>
    </div>
  );
}
