"use client";

import { useTranslations } from "next-intl";

export default function SiteError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations("common");
  return (
    <div className="card narrow" role="alert">
      <h1>{t("error.title")}</h1>
      <p className="muted">{t("error.body")}</p>
      <button type="button" className="button" onClick={reset}>
        {t("error.retry")}
      </button>
    </div>
  );
}
