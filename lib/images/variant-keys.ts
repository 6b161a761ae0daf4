// Where a picture's variants live and how a page offers them (no server-only: pure naming).
import { z } from "zod";

/** Widths made for large pictures: a phone, a tablet or half a desktop, a desktop at 2x. */
export const VARIANT_WIDTHS = [480, 960, 1536] as const;
/** Best first: browsers take the first <source> whose type they can show. */
export const VARIANT_FORMATS = ["avif", "webp"] as const;
export type VariantFormat = (typeof VARIANT_FORMATS)[number];

const variantsSchema = z.object({ widths: z.array(z.number().int().positive()).min(1), formats: z.array(z.enum(VARIANT_FORMATS)).min(1) });
export type Variants = z.infer<typeof variantsSchema>;

/** The widths to make for a picture this wide: those below it, and its own width at most. */
export function variantWidths(width: number): number[] {
  const below = VARIANT_WIDTHS.filter((w) => w < width);
  return [...below, Math.min(width, VARIANT_WIDTHS.at(-1)!)];
}

/** "days/x/result.png" → "days/x/result.w480.avif": beside the original, a name no other file has. */
export function variantKey(resultKey: string, width: number, format: VariantFormat): string {
  return `${resultKey.replace(/\.[a-z0-9]+$/i, "")}.w${width}.${format}`;
}

/** The recorded variants of an image, or null when it has none (or the record is unreadable). */
export function parseVariants(json: string | null): Variants | null {
  if (!json) return null;
  try {
    const parsed = variantsSchema.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/**
 * The <source> elements for a picture with variants, given how to turn a key into a URL: one per
 * format, each listing every width, so the browser picks by the layout's `sizes`.
 */
export async function variantSources(
  image: { resultKey: string; variants: string | null },
  url: (key: string) => Promise<string>,
): Promise<{ type: string; srcSet: string }[]> {
  const v = parseVariants(image.variants);
  if (!v) return [];
  return Promise.all(
    v.formats.map(async (format) => ({
      type: `image/${format}`,
      srcSet: (await Promise.all(v.widths.map(async (w) => `${await url(variantKey(image.resultKey, w, format))} ${w}w`))).join(", "),
    })),
  );
}
