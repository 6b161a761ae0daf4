"use client";

export default function SiteError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className="card" role="alert" style={{ maxWidth: 560 }}>
      <h1>Something went wrong</h1>
      <p className="muted">This page could not be loaded. It may be a short hiccup on our side.</p>
      <button type="button" className="button" onClick={reset}>
        Try again
      </button>
    </div>
  );
}
