import sharp from "sharp";

/** Longest side of grid thumbnails: sharp at 2x on a phone's two-column grid. */
export const THUMB_MAX = 512;

/**
 * A WebP thumbnail that keeps the picture's aspect ratio (never cropped or stretched), so grids
 * can reserve the right box from width/height before it loads.
 */
export async function makeThumbnail(image: Buffer, max = THUMB_MAX): Promise<Buffer> {
  return sharp(image).resize({ width: max, height: max, fit: "inside", withoutEnlargement: true }).webp({ quality: 80 }).toBuffer();
}
