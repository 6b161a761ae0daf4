import { getTranslations } from "next-intl/server";

export default async function Loading() {
  const t = await getTranslations("common");
  return (
    <div aria-busy="true" aria-label={t("loading")}>
      <div className="skeleton" style={{ height: 40, width: "60%", marginBottom: 16 }} />
      <div className="skeleton" style={{ aspectRatio: "3 / 2", width: "100%", maxWidth: 720 }} />
    </div>
  );
}
