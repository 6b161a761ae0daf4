import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { ImageCard } from "@/components/ui/image-card";
import { Picture } from "@/components/ui/picture";
import { getCurrentUser } from "@/lib/auth";
import { withThumbUrls } from "@/lib/images/card-urls";
import { imageUrls } from "@/lib/images/urls";
import { canView, getImagePage } from "@/lib/lineage";
import { getSettings } from "@/lib/settings";

export const metadata: Metadata = { title: "Image" };

const idSchema = z.coerce.number().int().positive().max(2_147_483_647);

export default async function ImagePage({ params }: { params: Promise<{ id: string }> }) {
  const parsed = idSchema.safeParse((await params).id);
  if (!parsed.success) notFound();
  const [data, user, settings] = await Promise.all([getImagePage(parsed.data), getCurrentUser(), getSettings()]);
  if (!data || !canView(data.image, user?.id ?? null, user?.role === "ADMIN" && !user.bannedAt)) notFound();
  const { image } = data;
  const closed = image.day?.status === "CLOSED";
  const [urls, parent, children, ancestors] = await Promise.all([
    imageUrls(image),
    image.parent ? withThumbUrls([image.parent]) : Promise.resolve([]),
    withThumbUrls(data.children),
    withThumbUrls(data.ancestors),
  ]);
  const showAuthor = image.creator && (closed || !settings.hideAuthors);

  return (
    <article>
      <div className="hero" style={{ alignItems: "start" }}>
        <Picture src={urls.url} alt={image.prompt} width={image.width} height={image.height} priority />
        <div>
          <p className="eyebrow">
            {data.isWinner ? `Winner of ${data.dayKey}` : image.status === "SEED" ? "A seed" : data.dayKey ? `Made on ${data.dayKey}` : "Image"}
          </p>
          <h1 dir="auto" style={{ fontSize: "1.6rem", overflowWrap: "anywhere" }}>
            {image.prompt}
          </h1>
          {showAuthor && <p className="muted">by {image.creator!.displayName}</p>}
          {data.seedOfDay && <p className="muted">The picture everyone worked on from {data.seedOfDay}.</p>}
          {image.status === "SUBMITTED" && closed && (
            <p data-testid="final-votes">
              Final votes: +{image.upvotes} / −{image.downvotes}
            </p>
          )}
          {image.status === "SUBMITTED" && !closed && (
            <p>
              In today&apos;s vote. <Link href="/vote">Vote on it</Link>.
            </p>
          )}
          {parent[0] && (
            <div style={{ maxWidth: 260 }} data-testid="parent">
              <h2 style={{ fontSize: "1rem" }}>Made from</h2>
              <ImageCard image={parent[0]}>
                <span className="clamp-2">{parent[0].prompt}</span>
              </ImageCard>
            </div>
          )}
        </div>
      </div>

      {ancestors.length > 0 && (
        <section className="section" aria-labelledby="ancestors-title">
          <h2 id="ancestors-title">Lineage</h2>
          <p className="muted">Every picture this one descends from, back to the first seed.</p>
          <ol className="row-scroll" aria-label="Ancestors, oldest first">
            {ancestors.map((a) => (
              <li key={a.id}>
                <ImageCard image={a}>
                  <span className="clamp-2">{a.prompt}</span>
                </ImageCard>
              </li>
            ))}
          </ol>
        </section>
      )}

      <section className="section" aria-labelledby="children-title">
        <h2 id="children-title">Made from this picture</h2>
        {children.length === 0 ? (
          <div className="empty">Nothing has been made from this picture yet.</div>
        ) : (
          <ol className="card-grid" aria-label="Ranked">
            {children.map((c, i) => (
              <li key={c.id}>
                <ImageCard image={c}>
                  <strong>#{i + 1}</strong> <span className="clamp-2">{c.prompt}</span>
                </ImageCard>
              </li>
            ))}
          </ol>
        )}
      </section>
    </article>
  );
}
