import { getTranslations } from "next-intl/server";
import styles from "@/components/create/create.module.css";

export default async function Loading() {
  const t = await getTranslations("create");
  return (
    <div aria-busy="true" aria-label={t("loadingEditor")}>
      <div className={`skeleton ${styles.titleSkeleton}`} />
      <div className={`skeleton ${styles.pageSkeleton}`} />
    </div>
  );
}
