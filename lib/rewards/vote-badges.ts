import "server-only";
import { keyFromDate } from "@/lib/server/clock";
import { db } from "@/lib/server/db";
import { personalSummary } from "./personal";
import type { Badge } from "./types";

/**
 * The badges a vote just earned. A vote can only complete a streak, and only at the moment its
 * day becomes active: when the voter's votes on that day's images reach `streakMinVotes`. Only
 * then is the (heavier) summary computed, so ordinary votes cost one indexed count.
 */
export async function badgesEarnedByVote(userId: number, imageId: number, streakMinVotes: number): Promise<Badge[]> {
  const image = await db.image.findUnique({ where: { id: imageId }, select: { dayId: true, day: { select: { date: true } } } });
  if (!image?.dayId || !image.day) return [];
  const votesThatDay = await db.vote.count({ where: { userId, image: { dayId: image.dayId } } });
  if (votesThatDay !== streakMinVotes) return [];
  const day = keyFromDate(image.day.date);
  const { badges } = await personalSummary(userId, { streakMinVotes });
  return badges.filter((b) => b.id === "streak7" && b.earnedOn === day);
}
