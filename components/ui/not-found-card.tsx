import Link from "next/link";

/** What every 404 shows: the site's own pages and, without revealing it, the admin area. */
export function NotFoundCard() {
  return (
    <div className="card" style={{ maxWidth: 560 }}>
      <h1>Not found</h1>
      <p className="muted">There is nothing at this address.</p>
      <Link href="/" className="button">
        Back to today&apos;s picture
      </Link>
    </div>
  );
}
