import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { HeaderMenu } from "@/components/ui/header-menu";
import { LanguageSwitcher } from "@/components/ui/language-switcher";
import type { CurrentUser } from "@/lib/auth/auth";
import { getSettings } from "@/lib/settings/settings";
import { isActiveAdmin } from "@/lib/auth/roles";

export async function SiteHeader({ user }: { user: Pick<CurrentUser, "displayName" | "role" | "bannedAt"> | null }) {
  const t = await getTranslations("common");
  const settings = await getSettings();
  return (
    <header className="site-header">
      <div className="container">
        <Link href="/" className="brand" aria-label={t("header.home")}>
          <span className="brand-mark" aria-hidden="true" />
          PixelPatchwork
        </Link>
        <HeaderMenu label={t("header.menu")}>
          <nav className="nav" aria-label={t("header.nav")}>
            <Link href="/create">{t("header.create")}</Link>
            <Link href="/vote">{t("header.vote")}</Link>
            <Link href="/winners">{t("header.winners")}</Link>
            <Link href="/lineage">{t("header.lineage")}</Link>
            {settings.creatorsLeaderboard && <Link href="/leaderboard">{t("header.leaderboard")}</Link>}
            {settings.personalPage && user && <Link href="/me">{t("header.me")}</Link>}
            {isActiveAdmin(user) && <Link href="/admin">{t("header.admin")}</Link>}
          </nav>
          <div className="user-menu">
            <LanguageSwitcher />
            {user ? (
              <>
                <span className="who" data-testid="signed-in-as">
                  <span className="who-label">{t("header.signedInAs")}</span>
                  <strong dir="auto">{user.displayName}</strong>
                </span>
                <SignOutButton />
              </>
            ) : (
              <Link href="/signin" className="button small">
                {t("header.signIn")}
              </Link>
            )}
          </div>
        </HeaderMenu>
      </div>
    </header>
  );
}
