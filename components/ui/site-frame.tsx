import { getTranslations } from "next-intl/server";
import { StudyProgress } from "@/components/study/study-progress";
import { SiteHeader } from "@/components/ui/site-header";
import { personName } from "@/i18n/person-name";
import { getCurrentUser } from "@/lib/auth/auth";
import { progressFor } from "@/lib/study/completion";

/** The participants' pages' header, main area and footer, shared by the (site) and (rewards) layouts. */
export async function SiteFrame({ children }: { children: React.ReactNode }) {
  const user = await getCurrentUser();
  const t = await getTranslations("common");
  const progress = user ? await progressFor(user) : null;
  return (
    <>
      <SiteHeader user={user && { displayName: personName(t, user), role: user.role, bannedAt: user.bannedAt }} />
      {progress && <StudyProgress initial={progress} />}
      <main id="main" className="container">
        {children}
      </main>
      <footer className="site-footer">
        <div className="container">{t("footer")}</div>
      </footer>
    </>
  );
}
