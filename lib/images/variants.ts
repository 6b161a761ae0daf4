import "server-only";
// Smaller, modern-format copies of a picture shown large (the day's seed on the landing page and
// on /images/[id]), so a phone loads tens of kilobytes instead of a full-size PNG. Made once per
// picture, when it becomes a seed (the rollover, the first day) or the first time a page shows it.
import sharp from "sharp";
import { db } from "@/lib/server/db";
import { log } from "@/lib/server/log";
import { getStorage } from "@/lib/storage";
import { VARIANT_FORMATS, variantKey, variantWidths, type Variants } from "./variant-keys";

export { variantSources } from "./variant-keys";

const QUALITY = { avif: 50, webp: 78 } as const;
const inFlight = new Map<number, Promise<void>>();

/**
 * Makes the image's variants (each width in every format) and records them on its row. Idempotent:
 * an image that has them is left alone, and concurrent calls in one process share the work. Never
 * rejects: without variants the page shows the full-size picture, so a failure is only logged.
 */
export function ensureVariants(imageId: number): Promise<void> {
  let work = inFlight.get(imageId);
  if (!work) {
    work = makeVariants(imageId)
      .catch((err: unknown) => log.error("image variants failed", err, { imageId }))
      .finally(() => inFlight.delete(imageId));
    inFlight.set(imageId, work);
  }
  return work;
}

async function makeVariants(imageId: number): Promise<void> {
  const image = await db.image.findUnique({ where: { id: imageId }, select: { resultKey: true, width: true, variants: true } });
  if (!image || image.variants) return;
  const started = performance.now();
  const storage = getStorage();
  const file = await storage.get(image.resultKey);
  if (!file) throw new Error(`image ${imageId} has no file at ${image.resultKey}`);
  const widths = variantWidths(image.width);
  for (const width of widths) {
    const resized = sharp(file.body).resize({ width, withoutEnlargement: true });
    for (const format of VARIANT_FORMATS) {
      const body = await resized.clone().toFormat(format, { quality: QUALITY[format] }).toBuffer();
      await storage.put(variantKey(image.resultKey, width, format), body, `image/${format}`);
    }
  }
  const variants: Variants = { widths, formats: [...VARIANT_FORMATS] };
  await db.image.update({ where: { id: imageId }, data: { variants: JSON.stringify(variants) } });
  log.info("image variants made", { imageId, widths, ms: Math.round(performance.now() - started) });
}
