import "server-only";
import { db } from "@/lib/server/db";
import { rankEligible } from "@/lib/voting/eligible-ranking";
import { withThumbUrls } from "@/lib/images/card-urls";
import { rankImages } from "@/lib/voting/ranking";
import { getSettings } from "@/lib/settings/settings";
import { personNameFields } from "@/i18n/person-name";
import { rankedCardFields } from "@/lib/images/card-fields";

/**
 * A day's submissions for moderators: the eligible ones first in exactly the order the rollover
 * and the veto use (lib/voting/eligible-ranking.ts, so the "leader" shown is the one a veto will hit,
 * recounted without banned voters when that setting is on), then hidden ones and those of banned
 * creators, marked rather than left out. `counted` is the tally the ranking used.
 */
export async function listDayCandidates(dayId: number) {
  const { excludeBannedVoters } = await getSettings();
  const [images, ranked] = await Promise.all([
    db.image.findMany({
      where: { dayId, status: "SUBMITTED" },
      select: {
        ...rankedCardFields,
        hiddenAt: true,
        hiddenReason: true,
        creatorId: true,
        creator: { select: { ...personNameFields, bannedAt: true } },
      },
    }),
    rankEligible(db, dayId, excludeBannedVoters),
  ]);
  const byId = new Map(images.map((i) => [i.id, i]));
  const rankedIds = new Set(ranked.map((r) => r.id));
  // An image submitted between the two reads is simply not ranked yet; it shows with the others.
  const eligible = ranked.flatMap((r) => {
    const image = byId.get(r.id);
    return image ? [{ ...image, counted: { upvotes: r.upvotes, downvotes: r.downvotes }, eligible: true }] : [];
  });
  const rest = rankImages(images.filter((i) => !rankedIds.has(i.id))).map((i) => ({
    ...i,
    counted: { upvotes: i.upvotes, downvotes: i.downvotes },
    eligible: false,
  }));
  const ordered = [...eligible, ...rest];
  const withUrls = await withThumbUrls(ordered);
  return withUrls.map((i, n) => ({ ...i, creatorBanned: !!ordered[n]!.creator?.bannedAt }));
}

export async function listBannedUsers(take = 100) {
  return db.user.findMany({
    where: { bannedAt: { not: null } },
    orderBy: { bannedAt: "desc" },
    take,
    select: { id: true, ...personNameFields, bannedAt: true, banReason: true },
  });
}
