import { SiteHeader } from "@/components/ui/site-header";
import { getCurrentUser } from "@/lib/auth";

export default async function SiteLayout({ children }: { children: React.ReactNode }) {
  const user = await getCurrentUser();
  return (
    <>
      <SiteHeader user={user && { displayName: user.displayName, role: user.role }} />
      <main id="main" className="container">
        {children}
      </main>
      <footer className="site-footer">
        <div className="container">PixelPatchwork: one picture a day, repainted by the crowd.</div>
      </footer>
    </>
  );
}
