import "server-only";
import { db } from "@/lib/server/db";

/**
 * Records that a voter was shown these images of a day's vote, each at its place in the voter's
 * full order, and whether the exposure-balanced sample chose them. One multi-row INSERT IGNORE per
 * page served: an image already shown to the voter keeps its first row (place and time).
 */
export async function recordExposures(opts: {
  userId: number;
  dayId: number;
  sampled: boolean;
  items: readonly { id: number; position: number }[];
}): Promise<void> {
  if (opts.items.length === 0) return;
  await db.exposure.createMany({
    data: opts.items.map((i) => ({ userId: opts.userId, dayId: opts.dayId, imageId: i.id, position: i.position, sampled: opts.sampled })),
    skipDuplicates: true,
  });
}
