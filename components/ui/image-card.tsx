import Link from "next/link";

export type CardImage = { id: number; prompt: string; width: number; height: number; thumbUrl: string };

/** A linked thumbnail in a box of its own aspect ratio, with a caption under it. */
export function ImageCard({ image, children, highlight = false }: { image: CardImage; children?: React.ReactNode; highlight?: boolean }) {
  return (
    <Link href={`/images/${image.id}`} className={`image-card${highlight ? " highlight" : ""}`}>
      <span className="frame" style={{ aspectRatio: `${image.width} / ${image.height}` }}>
        {/* eslint-disable-next-line @next/next/no-img-element -- pre-sized files straight from storage; the optimizer would re-encode them */}
        <img src={image.thumbUrl} alt={image.prompt} loading="lazy" decoding="async" />
      </span>
      {children}
    </Link>
  );
}
