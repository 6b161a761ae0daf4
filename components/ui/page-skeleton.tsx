import { getTranslations } from "next-intl/server";
import styles from "./ui.module.css";

/** The placeholder a list page shows while its data loads. */
export async function PageSkeleton() {
  const t = await getTranslations("common");
  return (
    <div aria-busy="true" aria-label={t("loading")}>
      <div className={`skeleton ${styles.titleSkeleton}`} />
      <div className={`skeleton ${styles.pictureSkeleton}`} />
    </div>
  );
}
