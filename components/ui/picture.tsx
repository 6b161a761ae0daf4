/**
 * A picture in a box of its own aspect ratio: the page reserves the space before the bytes
 * arrive (no layout shift) and the picture is never stretched or cropped. With `sources` (smaller
 * AVIF/WebP copies, lib/images/variants.ts) the browser picks the size `sizes` calls for; `src`
 * stays the fallback.
 */
export function Picture({
  src,
  alt,
  width,
  height,
  caption,
  priority = false,
  sources = [],
  sizes,
}: {
  src: string;
  sources?: { type: string; srcSet: string }[];
  /** How wide the picture is drawn, for the browser's choice among `sources`. */
  sizes?: string;
  alt: string;
  width: number;
  height: number;
  caption?: React.ReactNode;
  priority?: boolean;
}) {
  return (
    <figure className="figure">
      <div className="frame" style={{ aspectRatio: `${width} / ${height}` }}>
        <picture>
          {sources.map((source) => (
            <source key={source.type} type={source.type} srcSet={source.srcSet} sizes={sizes} />
          ))}
          <img
            src={src}
            alt={alt}
            width={width}
            height={height}
            loading={priority ? "eager" : "lazy"}
            fetchPriority={priority ? "high" : "auto"}
            decoding="async"
          />
        </picture>
      </div>
      {caption && <figcaption>{caption}</figcaption>}
    </figure>
  );
}
