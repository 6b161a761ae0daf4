import "server-only";
import { db } from "@/lib/db";
import { withThumbUrls } from "@/lib/images/card-urls";
import { rankImages } from "@/lib/ranking";

/**
 * A day's submissions for moderators, in the ranking's order (the eligible ones first, as the
 * rollover will see them), with hidden ones and banned creators marked rather than left out.
 */
export async function listDayCandidates(dayId: number) {
  const images = await db.image.findMany({
    where: { dayId, status: "SUBMITTED" },
    select: { id: true, prompt: true, width: true, height: true, thumbKey: true, upvotes: true, downvotes: true, submittedAt: true, createdAt: true, hiddenAt: true, hiddenReason: true, creatorId: true, creator: { select: { displayName: true, bannedAt: true } } },
  });
  const eligible = (i: (typeof images)[number]) => !i.hiddenAt && !i.creator?.bannedAt;
  const ordered = [...rankImages(images.filter(eligible)), ...rankImages(images.filter((i) => !eligible(i)))];
  const withUrls = await withThumbUrls(ordered);
  return withUrls.map((i, n) => ({ ...i, eligible: eligible(ordered[n]!), creatorName: ordered[n]!.creator?.displayName ?? null, creatorBanned: !!ordered[n]!.creator?.bannedAt }));
}

export async function listBannedUsers(take = 100) {
  return db.user.findMany({ where: { bannedAt: { not: null } }, orderBy: { bannedAt: "desc" }, take, select: { id: true, displayName: true, bannedAt: true, banReason: true } });
}
