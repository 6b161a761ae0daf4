import "server-only";
import { effectiveCounts } from "@/lib/voting/effective-counts";
import type { Tx } from "@/lib/server/db";
import { rankImages } from "@/lib/voting/ranking";

/** The eligible submissions of a day, as ranked by rankEligible. */
export type EligibleImage = { id: number; upvotes: number; downvotes: number; submittedAt: Date | null; createdAt: Date };

/**
 * A day's race exactly as the rollover decides it, best first: submitted, not hidden, creator not
 * banned, in Wilson order (lib/voting/ranking.ts), on the stored tallies, or, with the
 * excludeBannedVoters setting on, on tallies recounted without banned voters. The rollover's
 * winner and the admin's veto both come from here, so they can never disagree on who leads.
 * The caller passes the setting, read before it opens any transaction: a settings read on the
 * shared pool from inside a transaction can starve the pool when every connection holds one.
 */
export async function rankEligible(
  client: Pick<Tx, "image" | "$queryRaw">,
  dayId: number,
  excludeBannedVoters: boolean,
): Promise<EligibleImage[]> {
  const images = await client.image.findMany({
    where: { dayId, status: "SUBMITTED", hiddenAt: null, creator: { is: { bannedAt: null } } },
    select: { id: true, upvotes: true, downvotes: true, submittedAt: true, createdAt: true },
  });
  if (!excludeBannedVoters) return rankImages(images);
  const counts = await effectiveCounts(dayId, client);
  return rankImages(images.map((i) => ({ ...i, ...(counts.get(i.id) ?? { upvotes: 0, downvotes: 0 }) })));
}
