import Link from "next/link";
import { SignOutButton } from "@/components/auth/sign-out-button";
import type { CurrentUser } from "@/lib/auth";

export function SiteHeader({ user }: { user: Pick<CurrentUser, "displayName" | "role"> | null }) {
  return (
    <header className="site-header">
      <div className="container">
        <Link href="/" className="brand" aria-label="PixelPatchwork home">
          <span className="brand-mark" aria-hidden="true" />
          PixelPatchwork
        </Link>
        <nav className="nav" aria-label="Main">
          <Link href="/create">Create</Link>
          <Link href="/vote">Vote</Link>
          <Link href="/winners">Winners</Link>
          <Link href="/lineage">Lineage</Link>
          {user?.role === "ADMIN" && <Link href="/admin">Admin</Link>}
        </nav>
        <div className="user-menu">
          {user ? (
            <>
              <span className="who" data-testid="signed-in-as">
                <span className="who-label">Signed in as </span><strong>{user.displayName}</strong>
              </span>
              <SignOutButton />
            </>
          ) : (
            <Link href="/signin" className="button small">
              Sign in
            </Link>
          )}
        </div>
      </div>
    </header>
  );
}
