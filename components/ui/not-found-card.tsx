import Link from "next/link";
import { getTranslations } from "next-intl/server";

/** What every 404 shows: the site's own pages and, without revealing it, the admin area. */
export async function NotFoundCard() {
  const t = await getTranslations("common");
  return (
    <div className="card narrow">
      <h1>{t("notFound.title")}</h1>
      <p className="muted">{t("notFound.body")}</p>
      <Link href="/" className="button">
        {t("notFound.back")}
      </Link>
    </div>
  );
}
