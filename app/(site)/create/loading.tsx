import { getTranslations } from "next-intl/server";

export default async function Loading() {
  const t = await getTranslations("create");
  return (
    <div aria-busy="true" aria-label={t("loadingEditor")}>
      <div className="skeleton" style={{ height: 36, width: 320, marginBottom: 12 }} />
      <div className="skeleton" style={{ aspectRatio: "3 / 2", width: "100%" }} />
    </div>
  );
}
