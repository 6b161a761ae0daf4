import { getTranslations } from "next-intl/server";

/** The placeholder a list page shows while its data loads. */
export async function PageSkeleton() {
  const t = await getTranslations("common");
  return (
    <div aria-busy="true" aria-label={t("loading")}>
      <div className="skeleton" style={{ height: 40, width: "60%", marginBottom: 16 }} />
      <div className="skeleton" style={{ aspectRatio: "3 / 2", width: "100%", maxWidth: 720 }} />
    </div>
  );
}
