import "server-only";
import { keyFromDate } from "@/lib/clock";
import { db } from "@/lib/db";
import { rankImages } from "@/lib/ranking";

const cardFields = { id: true, prompt: true, width: true, height: true, thumbKey: true, resultKey: true, status: true, upvotes: true, downvotes: true, submittedAt: true, createdAt: true } as const;

/** Who may see an image: seeds and submissions to anyone (unless hidden), drafts only to their maker. */
export function canView(image: { status: string; hiddenAt: Date | null; creatorId: number | null }, viewerId: number | null, isAdmin: boolean) {
  if (isAdmin) return true;
  if (image.hiddenAt) return false;
  if (image.status === "DRAFT") return viewerId !== null && image.creatorId === viewerId;
  return true;
}

/**
 * The chain of seeds an image descends from, oldest first, in one recursive query (a lineage
 * is as long as the number of days, so walking it row by row would cost a query per day).
 */
export async function listAncestors(imageId: number, maxDepth = 5000) {
  const rows = await db.$queryRaw<{ id: number; depth: number }[]>`
    WITH RECURSIVE chain (id, parentId, depth) AS (
      SELECT id, parentId, 0 FROM Image WHERE id = ${imageId}
      UNION ALL
      SELECT i.id, i.parentId, c.depth + 1 FROM Image i JOIN chain c ON i.id = c.parentId WHERE c.depth < ${maxDepth}
    )
    SELECT id, depth FROM chain WHERE depth > 0`;
  const ids = rows.sort((a, b) => Number(b.depth) - Number(a.depth)).map((r) => Number(r.id));
  const images = await db.image.findMany({ where: { id: { in: ids } }, select: cardFields });
  const byId = new Map(images.map((i) => [i.id, i]));
  return ids.flatMap((id) => (byId.has(id) ? [byId.get(id)!] : []));
}

/** Everything /images/[id] shows: the image, its day, parent, ranked children and ancestors. */
export async function getImagePage(imageId: number) {
  const image = await db.image.findUnique({
    where: { id: imageId },
    select: {
      ...cardFields,
      hiddenAt: true,
      creatorId: true,
      provider: true,
      model: true,
      creator: { select: { displayName: true } },
      day: { select: { id: true, date: true, status: true, winnerImageId: true } },
      parent: { select: cardFields },
      seedOf: { select: { date: true }, orderBy: { date: "asc" }, take: 1 },
    },
  });
  if (!image) return null;
  const [children, ancestors] = await Promise.all([
    db.image.findMany({ where: { parentId: imageId, status: "SUBMITTED", hiddenAt: null }, select: cardFields }),
    listAncestors(imageId),
  ]);
  return {
    image,
    dayKey: image.day ? keyFromDate(image.day.date) : null,
    isWinner: !!image.day && image.day.winnerImageId === image.id,
    seedOfDay: image.seedOf[0] ? keyFromDate(image.seedOf[0].date) : null,
    children: rankImages(children),
    ancestors,
  };
}

/**
 * The whole history as a tree: each day in order with its seed, its winner and the other
 * submissions that branched off the seed that day (ranked), for the lineage view.
 */
export async function listLineage(take = 60) {
  const days = await db.day.findMany({
    orderBy: { date: "desc" },
    take,
    select: { id: true, date: true, status: true, seedImage: { select: cardFields }, winnerImageId: true },
  });
  const images = await db.image.findMany({ where: { dayId: { in: days.map((d) => d.id) }, status: "SUBMITTED", hiddenAt: null }, select: { ...cardFields, dayId: true } });
  return days.map((d) => {
    const mine = rankImages(images.filter((i) => i.dayId === d.id));
    return { dateKey: keyFromDate(d.date), status: d.status, seed: d.seedImage, winnerId: d.winnerImageId, submissions: mine };
  });
}
