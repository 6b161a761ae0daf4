import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { HeaderMenu } from "@/components/ui/header-menu";
import { personName } from "@/i18n/person-name";
import { adminOrNotFound } from "@/lib/auth/admin-guard";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("admin");
  return { title: { default: t("meta.admin"), template: t("meta.template") }, robots: { index: false } };
}

export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  const admin = await adminOrNotFound();
  const t = await getTranslations("admin");
  const common = await getTranslations("common");
  const nav = [
    ["/admin", t("nav.overview")],
    ["/admin/analyses", t("nav.analyses")],
    ["/admin/studies", t("nav.studies")],
    ["/admin/moderation", t("nav.moderation")],
    ["/admin/settings", t("nav.settings")],
    ["/admin/export", t("nav.export")],
    ["/admin/audit", t("nav.audit")],
  ] as const;
  return (
    <>
      <header className="site-header">
        <div className="container">
          <Link href="/" className="brand">
            <span className="brand-mark" aria-hidden="true" />
            PixelPatchwork <span className="eyebrow">{t("nav.badge")}</span>
          </Link>
          <HeaderMenu label={common("header.menu")}>
            <nav className="nav" aria-label={t("nav.label")}>
              {nav.map(([href, label]) => (
                <Link key={href} href={href}>
                  {label}
                </Link>
              ))}
            </nav>
            <span className="user-menu who" dir="auto">
              {personName(common, admin)}
            </span>
          </HeaderMenu>
        </div>
      </header>
      <main id="main" className="container">
        {children}
      </main>
    </>
  );
}
