import { getTranslations } from "next-intl/server";
import styles from "./ui.module.css";

/** The placeholder a list page shows while its data loads; without the title, for a list under a heading already shown. */
export async function PageSkeleton({ title = true }: { title?: boolean }) {
  const t = await getTranslations("common");
  return (
    <div aria-busy="true" aria-label={t("loading")} className={title ? undefined : styles.listSkeleton}>
      {title && <div className={`skeleton ${styles.titleSkeleton}`} />}
      <div className={`skeleton ${styles.pictureSkeleton}`} />
    </div>
  );
}
