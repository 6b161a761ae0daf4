import Link from "next/link";

/** Every unknown address, and every /admin address for anyone who is not an admin. */
export default function NotFound() {
  return (
    <main id="main" className="container" style={{ paddingTop: 48 }}>
      <div className="card" style={{ maxWidth: 560 }}>
        <h1>Not found</h1>
        <p className="muted">There is nothing at this address.</p>
        <Link href="/" className="button">
          Back to today&apos;s picture
        </Link>
      </div>
    </main>
  );
}
