import "server-only";
import { lockImageThenDay, onConnection } from "@/lib/days/lock";
import { rawTransaction } from "@/lib/server/db";
import { ActionError } from "@/lib/server/errors";
import { getSettings } from "@/lib/settings/settings";

export type VoteValue = -1 | 0 | 1;

export type VoteInput = {
  userId: number;
  imageId: number;
  /** +1 up, -1 down, 0 clears the user's vote. */
  value: VoteValue;
  /** Where the image stood in this voter's grid (0-based), recorded for herding research. */
  position?: number | null;
  /** The voter's interface language, recorded for research (i18n/locales.ts). */
  locale?: string | null;
};

export type VoteOutcome = { imageId: number; value: VoteValue; upvotes: number; downvotes: number };

type LockedImage = { creatorId: number | null; dayId: number | null; status: string; hidden: number; upvotes: number; downvotes: number };
type VoterRow = { bannedAt: Date | null; voteId: number | null; value: number | null };

/**
 * Sets a user's vote on an image, in one transaction. The image row is locked first, FOR UPDATE
 * (lib/days/lock.ts): every vote on one image is serialised on that row, so the counters and the
 * Vote rows can never disagree, and there are no gap locks on a vote row that may not exist yet
 * (that order deadlocks under load). The day row is read in share mode so the rollover's close
 * waits for votes in flight and no vote lands on a closed day. This is the hottest path in
 * the app, so it is plain SQL on the shared pool: five short statements, no ORM per statement.
 */
export async function setVote(input: VoteInput): Promise<VoteOutcome> {
  const settings = await getSettings();
  const { userId, imageId, value: next } = input;
  const position = input.position ?? null;
  const locale = input.locale ?? null;
  return rawTransaction(async (conn) => {
    const { image, dayStatus } = await lockImageThenDay<LockedImage>(
      onConnection(conn),
      { id: imageId, mode: "FOR UPDATE", columns: "creatorId, dayId, status, hiddenAt IS NOT NULL AS hidden, upvotes, downvotes" },
      { id: (row) => row.dayId, mode: "LOCK IN SHARE MODE" },
    );
    if (!image || image.status !== "SUBMITTED" || image.dayId === null) throw new ActionError("NOT_FOUND", { detail: "IMAGE_NOT_IN_VOTE" });
    if (Number(image.hidden)) throw new ActionError("HIDDEN");
    if (!settings.allowSelfVoting && image.creatorId === userId) throw new ActionError("OWN_IMAGE");
    if (dayStatus !== "OPEN") throw new ActionError("DAY_CLOSED", { detail: "VOTING_CLOSED" });
    // The ban is checked here as well as at sign-in: it takes effect on the very next vote.
    const [voter] = (await conn.query(
      "SELECT u.bannedAt, v.id AS voteId, v.value FROM User u LEFT JOIN Vote v ON v.userId = u.id AND v.imageId = ? WHERE u.id = ?",
      [imageId, userId],
    )) as VoterRow[];
    if (!voter || voter.bannedAt) throw new ActionError("BANNED");

    const old = (voter.value ?? 0) as VoteValue;
    if (old === next) return { imageId, value: next, upvotes: image.upvotes, downvotes: image.downvotes };
    if (next === 0) {
      await conn.query("DELETE FROM Vote WHERE id = ?", [voter.voteId]);
    } else if (voter.voteId !== null) {
      // A switch: the voter has seen the tallies, which are shown after a first vote.
      await conn.query("UPDATE Vote SET value = ?, position = ?, talliesVisible = 1, locale = ?, updatedAt = NOW(3) WHERE id = ?", [
        next,
        position,
        locale,
        voter.voteId,
      ]);
    } else {
      // Before a first vote, tallies were visible only if the experiment shows them to all.
      await conn.query(
        "INSERT INTO Vote (userId, imageId, value, position, talliesVisible, locale, createdAt, updatedAt) VALUES (?, ?, ?, ?, ?, ?, NOW(3), NOW(3))",
        [userId, imageId, next, position, settings.hideTalliesUntilVoted ? 0 : 1, locale],
      );
    }
    const upvotes = image.upvotes + (next === 1 ? 1 : 0) - (old === 1 ? 1 : 0);
    const downvotes = image.downvotes + (next === -1 ? 1 : 0) - (old === -1 ? 1 : 0);
    await conn.query("UPDATE Image SET upvotes = ?, downvotes = ? WHERE id = ?", [upvotes, downvotes, imageId]);
    return { imageId, value: next, upvotes, downvotes };
  });
}
