import type { Metadata } from "next";
import Link from "next/link";
import { ImageCard } from "@/components/ui/image-card";
import { TimelapsePlayer } from "@/components/winners/timelapse-player";
import { listTimelapseFrames, listWinners } from "@/lib/days";
import { withThumbUrls } from "@/lib/images/card-urls";
import { getSettings } from "@/lib/settings";

export const metadata: Metadata = { title: "Past winners" };

export default async function WinnersPage() {
  const [winners, frames, settings] = await Promise.all([listWinners(365), listTimelapseFrames(365), getSettings()]);
  const [images, frameImages] = await Promise.all([withThumbUrls(winners.map((w) => w.image)), withThumbUrls(frames.map((f) => f.image))]);

  return (
    <>
      <h1>Past winners</h1>
      <p className="muted">Each day&apos;s top-ranked patch became the next day&apos;s picture. Newest first.</p>
      {winners.length === 0 ? (
        <div className="empty" data-testid="winners-empty">
          <p>No day has closed yet, so there are no winners. Today&apos;s vote decides the first one.</p>
          <Link className="button" href="/vote">
            Vote on today&apos;s patches
          </Link>
        </div>
      ) : (
        <>
          <section className="section" aria-labelledby="timelapse-title" style={{ marginTop: 16 }}>
            <h2 id="timelapse-title">Timelapse</h2>
            <TimelapsePlayer frames={frameImages.map((i, n) => ({ url: i.thumbUrl, width: i.width, height: i.height, label: frames[n]!.label }))} />
          </section>
          <ul className="card-grid section" aria-label="Winners, newest first">
            {winners.map((w, i) => (
              <li key={w.dateKey} data-testid="winner">
                <ImageCard image={images[i]!}>
                  <strong>{w.dateKey}</strong>
                  <p className="clamp-2" dir="auto" style={{ margin: "2px 0" }}>
                    {w.image.prompt}
                  </p>
                  <span className="hint">
                    +{w.image.upvotes} / −{w.image.downvotes}
                    {!settings.hideAuthors && w.image.creatorName ? ` · by ${w.image.creatorName}` : ""}
                  </span>
                </ImageCard>
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}
