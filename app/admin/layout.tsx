import type { Metadata } from "next";
import Link from "next/link";
import { adminOrNotFound } from "@/lib/admin-guard";

export const metadata: Metadata = { title: { default: "Admin", template: "%s · Admin · PixelPatchwork" }, robots: { index: false } };

const NAV = [
  ["/admin", "Overview"],
  ["/admin/moderation", "Moderation"],
  ["/admin/settings", "Settings"],
  ["/admin/export", "Export"],
  ["/admin/audit", "Audit log"],
] as const;

export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  const admin = await adminOrNotFound();
  return (
    <>
      <header className="site-header">
        <div className="container">
          <Link href="/" className="brand">
            <span className="brand-mark" aria-hidden="true" />
            PixelPatchwork <span className="eyebrow">admin</span>
          </Link>
          <nav className="nav" aria-label="Admin">
            {NAV.map(([href, label]) => (
              <Link key={href} href={href}>
                {label}
              </Link>
            ))}
          </nav>
          <span className="user-menu who">{admin.displayName}</span>
        </div>
      </header>
      <main id="main" className="container">
        {children}
      </main>
    </>
  );
}
