import "server-only";
import { randomUUID } from "node:crypto";
import sharp from "sharp";
import { adminTransaction } from "@/lib/admin/admin-tx";
import { recordAudit } from "@/lib/admin/audit";
import { makeThumbnail } from "@/lib/images/thumbnail";
import { MAX_IMAGE_PIXELS } from "@/lib/mask/mask";
import { detail } from "@/lib/server/error-codes";
import { ActionError } from "@/lib/server/errors";
import { log } from "@/lib/server/log";
import { getStorage } from "@/lib/storage";
import type { Storage } from "@/lib/storage/types";
import type { SeedUpload } from "@/lib/validations/study";

/** The shortest side a first picture may have: smaller ones leave too little to mask and repaint. */
export const SEED_MIN_SIDE = 256;
const FORMATS = new Set(["png", "jpeg", "webp"]);

/**
 * A picture an admin uploads to start a study from: checked (PNG, JPEG or WebP; each side at least
 * 256 pixels, at most 4K UHD's pixels, read from the header before anything is decoded), turned
 * upright by its EXIF orientation, flattened onto white (a seed has no transparency for an edit to
 * fill), stripped of its metadata and stored as PNG with its thumbnail. Its row is a SEED, so
 * startStudy accepts it; the upload is audited. If the row cannot be written, the stored files
 * are removed again: nothing is left behind.
 */
export async function uploadSeed(adminId: number, input: SeedUpload, deps: { storage?: Storage } = {}): Promise<{ imageId: number }> {
  const bytes = Buffer.from(await input.picture.arrayBuffer());
  const meta = await sharp(bytes)
    .metadata()
    .catch(() => null);
  if (!meta || !meta.format || !FORMATS.has(meta.format) || !meta.width || !meta.height)
    throw new ActionError("INVALID", { detail: "SEED_NOT_PICTURE" });
  // EXIF orientations 5 to 8 turn the picture a quarter: its upright size swaps the sides.
  const [width, height] = (meta.orientation ?? 1) >= 5 ? [meta.height, meta.width] : [meta.width, meta.height];
  if (Math.min(width, height) < SEED_MIN_SIDE || width * height > MAX_IMAGE_PIXELS)
    throw new ActionError("INVALID", { detail: detail("SEED_DIMENSIONS", { width, height, min: SEED_MIN_SIDE, limit: MAX_IMAGE_PIXELS }) });
  const png = await sharp(bytes, { limitInputPixels: MAX_IMAGE_PIXELS })
    .rotate()
    .flatten({ background: "#ffffff" })
    .png()
    .toBuffer()
    .catch(() => {
      throw new ActionError("INVALID", { detail: "SEED_NOT_PICTURE" });
    });

  const id = randomUUID();
  const keys = { resultKey: `seeds/uploads/${id}.png`, thumbKey: `seeds/uploads/${id}.thumb.webp` };
  const storage = deps.storage ?? getStorage();
  try {
    try {
      await storage.put(keys.resultKey, png, "image/png");
      await storage.put(keys.thumbKey, await makeThumbnail(png), "image/webp");
    } catch (err) {
      throw new ActionError("STORAGE", { cause: err });
    }
    return await adminTransaction(adminId, async (tx) => {
      const image = await tx.image.create({
        data: { ...keys, prompt: input.description, status: "SEED", provider: "upload", model: "upload", width, height },
        select: { id: true },
      });
      await recordAudit(tx, {
        adminId,
        action: "seed.upload",
        targetType: "image",
        targetId: image.id,
        after: { description: input.description, width, height, bytes: bytes.length },
      });
      return { imageId: image.id };
    });
  } catch (err) {
    // Storage failed part-way or the row was refused: take back whatever was stored.
    await Promise.all(
      [keys.resultKey, keys.thumbKey].map((key) =>
        storage.delete(key).catch((e: unknown) => log.error("seed upload clean-up failed", { key, error: String(e) })),
      ),
    );
    throw err;
  }
}
