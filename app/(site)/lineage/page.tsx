import type { Metadata } from "next";
import Link from "next/link";
import { ImageCard } from "@/components/ui/image-card";
import { withThumbUrls } from "@/lib/images/card-urls";
import { listLineage } from "@/lib/lineage";

export const metadata: Metadata = { title: "Lineage" };

/**
 * The whole history as a tree: the chain of daily pictures, and for each day the submissions
 * that branched off it, the winner first. Newest day at the top; rows scroll sideways on a phone.
 */
export default async function LineagePage() {
  const days = await listLineage(90);
  const rows = await Promise.all(
    days.map(async (d) => ({ ...d, seed: (await withThumbUrls([d.seed]))[0]!, submissions: await withThumbUrls(d.submissions) })),
  );
  return (
    <>
      <h1>Lineage</h1>
      <p className="muted">How the picture evolved: each day starts from the previous day&apos;s winner. Newest first.</p>
      <ol style={{ listStyle: "none", padding: 0, margin: 0, display: "grid", gap: 28 }}>
        {rows.map((d) => (
          <li key={d.dateKey} data-testid="lineage-day">
            <h2 style={{ fontSize: "1.1rem" }}>
              {d.status === "OPEN" ? (
                <Link href="/vote">{d.dateKey}</Link>
              ) : (
                <Link href={`/days/${d.dateKey}`}>{d.dateKey}</Link>
              )}{" "}
              {d.status === "OPEN" && <span className="eyebrow">· today</span>}
            </h2>
            <ol className="row-scroll" aria-label={`${d.dateKey}: the day's picture, then its submissions`}>
              <li>
                <ImageCard image={d.seed}>
                  <span className="hint">The day&apos;s picture</span>
                </ImageCard>
              </li>
              {d.submissions.length === 0 && (
                <li className="muted" style={{ alignSelf: "center" }}>
                  {d.status === "OPEN" ? "No submissions yet." : "No submissions: the picture carried over."}
                </li>
              )}
              {d.submissions.map((s) => (
                <li key={s.id}>
                  <ImageCard image={s} highlight={s.id === d.winnerId}>
                    <span className="clamp-2">
                      {s.id === d.winnerId ? "★ Winner: " : ""}
                      {s.prompt}
                    </span>
                  </ImageCard>
                </li>
              ))}
            </ol>
          </li>
        ))}
      </ol>
    </>
  );
}
