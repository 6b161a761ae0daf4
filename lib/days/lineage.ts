import "server-only";
import { keyFromDate } from "@/lib/server/clock";
import { db } from "@/lib/server/db";
import { rankImages } from "@/lib/voting/ranking";
import { personNameFields } from "@/i18n/person-name";
import { rankedCardFields } from "@/lib/images/card-fields";

/** A lineage card: a ranked card, plus its status and full picture. */
const cardFields = { ...rankedCardFields, resultKey: true, status: true } as const;

/**
 * Who may see an image: seeds and submissions to anyone in its world (unless hidden), drafts only
 * to their maker; admins everything. An image of no day (a study's first seed, shared by its
 * worlds) belongs to every world. `viewerWorldId`: the world the viewer is in.
 */
export function canView(
  image: { status: string; hiddenAt: Date | null; creatorId: number | null; day: { worldId: number } | null },
  viewer: { id: number | null; worldId: number },
  isAdmin: boolean,
) {
  if (isAdmin) return true;
  if (image.day && image.day.worldId !== viewer.worldId) return false;
  if (image.hiddenAt) return false;
  if (image.status === "DRAFT") return viewer.id !== null && image.creatorId === viewer.id;
  return true;
}

/**
 * Steps one recursive query may take. MySQL stops a recursive CTE with an error after
 * cte_max_recursion_depth (1000) rows, and MariaDB silently stops at max_recursive_iterations
 * (1000), so a longer walk is done in legs that stay under both.
 */
const LEG = 500;

/**
 * The chain of seeds an image descends from, oldest first. A lineage is as long as the number of
 * days, so the walk is a recursive query per 500 generations rather than a query per generation,
 * however deep it goes.
 */
export async function listAncestors(imageId: number) {
  const ids: number[] = [];
  const seen = new Set<number>([imageId]);
  // Each leg starts at an image and returns it (depth 0) and up to LEG generations above it.
  for (let from: number | null = imageId, first = true; from !== null; first = false) {
    const start: number = from;
    const rows: { id: number; parentId: number | null; depth: number }[] = await db.$queryRaw`
      WITH RECURSIVE chain (id, parentId, depth) AS (
        SELECT id, parentId, 0 FROM Image WHERE id = ${start}
        UNION ALL
        SELECT i.id, i.parentId, c.depth + 1 FROM Image i JOIN chain c ON i.id = c.parentId WHERE c.depth < ${LEG}
      )
      SELECT id, parentId, depth FROM chain ORDER BY depth`;
    from = null;
    let cycle = false;
    for (const r of rows) {
      const id = Number(r.id);
      if (first && Number(r.depth) === 0) continue; // the image itself
      // The app never makes a cycle; a hand-edited database must still not loop forever.
      if (seen.has(id)) {
        cycle = true;
        break;
      }
      seen.add(id);
      ids.push(id);
    }
    const last = rows.at(-1);
    if (!cycle && last && Number(last.depth) === LEG && last.parentId !== null) from = Number(last.parentId);
  }
  ids.reverse();
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
      creator: { select: personNameFields },
      day: { select: { id: true, worldId: true, date: true, status: true, winnerImageId: true } },
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
 * A world's whole history as a tree: each day in order with its seed, its winner and the other
 * submissions that branched off the seed that day (ranked), for the lineage view.
 */
export async function listLineage(worldId: number, take = 60) {
  const days = await db.day.findMany({
    where: { worldId },
    orderBy: { date: "desc" },
    take,
    select: { id: true, date: true, status: true, seedImage: { select: cardFields }, winnerImageId: true },
  });
  const images = await db.image.findMany({
    where: { dayId: { in: days.map((d) => d.id) }, status: "SUBMITTED", hiddenAt: null },
    select: { ...cardFields, dayId: true },
  });
  return days.map((d) => {
    const mine = rankImages(images.filter((i) => i.dayId === d.id));
    return { dateKey: keyFromDate(d.date), status: d.status, seed: d.seedImage, winnerId: d.winnerImageId, submissions: mine };
  });
}
