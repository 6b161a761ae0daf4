import "server-only";
import { assignWorld } from "@/lib/worlds/assignment";
import type { PoolConnection } from "mariadb";
import { lockImageThenDay, onConnection } from "@/lib/days/lock";
import { rawTransaction } from "@/lib/server/db";
import { ActionError } from "@/lib/server/errors";
import { getWorldSettings, talliesShown } from "@/lib/worlds/conditions";

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

/** The vote as it now stands, with the image's tallies: null where the voter's world never shows them. */
export type VoteOutcome = { imageId: number; value: VoteValue; upvotes: number | null; downvotes: number | null };

type LockedImage = { creatorId: number | null; dayId: number | null; status: string; hidden: number; upvotes: number; downvotes: number };
type VoterRow = { bannedAt: Date | null; voteId: number | null; value: number | null };

/**
 * Sets a user's vote on an image, in one transaction. The image row is locked first, FOR UPDATE
 * (lib/days/lock.ts): every vote on one image is serialised on that row, so the counters and the
 * Vote rows can never disagree, and there are no gap locks on a vote row that may not exist yet
 * (that order deadlocks under load). The day row is read in share mode so the rollover's close
 * waits for votes in flight and no vote lands on a closed day. This is the hottest path in
 * the app, so it is plain SQL on the shared pool: six short statements, no ORM per statement. Every change is also appended to
 * VoteEvent, in the same transaction, so no cast, switch or retraction is lost.
 */
export async function setVote(input: VoteInput, opts: { before?: (conn: PoolConnection) => Promise<void> } = {}): Promise<VoteOutcome> {
  const { userId, imageId, value: next } = input;
  const position = input.position ?? null;
  const locale = input.locale ?? null;
  // The voter's world (assigned now if they never visited a page in this study), and its conditions.
  const worldId = await assignWorld(userId);
  const settings = await getWorldSettings(worldId);
  const tallies = (t: { upvotes: number; downvotes: number }) =>
    settings.tallies === "never" ? { upvotes: null, downvotes: null } : { upvotes: t.upvotes, downvotes: t.downvotes };
  return rawTransaction(async (conn) => {
    // The image row, its day and the voter's row go to the server together (one round trip); the
    // server runs them in order, so the day and the vote row are read under the image's lock.
    const locked = lockImageThenDay<LockedImage>(
      onConnection(conn),
      { id: imageId, mode: "FOR UPDATE", columns: "creatorId, dayId, status, hiddenAt IS NOT NULL AS hidden, upvotes, downvotes" },
      { id: "ofImage", mode: "LOCK IN SHARE MODE" },
    );
    const voterRows = conn.query(
      "SELECT u.bannedAt, v.id AS voteId, v.value FROM User u LEFT JOIN Vote v ON v.userId = u.id AND v.imageId = ? WHERE u.id = ?",
      [imageId, userId],
    ) as Promise<VoterRow[]>;
    const [{ image, dayStatus, dayWorldId }, [voter]] = await Promise.all([locked, voterRows]);
    // Another world's image does not exist for this voter.
    if (!image || image.status !== "SUBMITTED" || image.dayId === null || dayWorldId !== worldId)
      throw new ActionError("NOT_FOUND", { detail: "IMAGE_NOT_IN_VOTE" });
    if (Number(image.hidden)) throw new ActionError("HIDDEN");
    if (!settings.allowSelfVoting && image.creatorId === userId) throw new ActionError("OWN_IMAGE");
    if (dayStatus !== "OPEN") throw new ActionError("DAY_CLOSED", { detail: "VOTING_CLOSED" });
    // The ban is checked here as well as at sign-in: it takes effect on the very next vote.
    if (!voter || voter.bannedAt) throw new ActionError("BANNED");

    const old = (voter.value ?? 0) as VoteValue;
    if (old === next) return { imageId, value: next, ...tallies(image) };
    const upvotes = image.upvotes + (next === 1 ? 1 : 0) - (old === 1 ? 1 : 0);
    const downvotes = image.downvotes + (next === -1 ? 1 : 0) - (old === -1 ? 1 : 0);
    // The vote row, the counters and the event are written together too (one round trip).
    // Tallies are on screen once the voter has a vote, or for everyone when the experiment shows them.
    const talliesVisible = talliesShown(settings, { closed: false, voted: old !== 0 });
    await Promise.all([
      writeVote(conn, { userId, imageId, next, position, locale, voteId: voter.voteId, talliesVisible }),
      conn.query("UPDATE Image SET upvotes = ?, downvotes = ? WHERE id = ?", [upvotes, downvotes, imageId]),
      conn.query(
        `INSERT INTO VoteEvent (userId, imageId, dayId, previous, value, position, talliesVisible, locale, createdAt)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, NOW(3))`,
        [userId, imageId, image.dayId, old, next, position, talliesVisible ? 1 : 0, locale],
      ),
    ]);
    return { imageId, value: next, ...tallies({ upvotes, downvotes }) };
  }, opts);
}

/** Clears, switches or casts the voter's row for the image (issued at once; see setVote). */
function writeVote(
  conn: PoolConnection,
  v: {
    userId: number;
    imageId: number;
    next: VoteValue;
    position: number | null;
    locale: string | null;
    voteId: number | null;
    talliesVisible: boolean;
  },
): Promise<unknown> {
  if (v.next === 0) return conn.query("DELETE FROM Vote WHERE id = ?", [v.voteId]);
  if (v.voteId !== null) {
    return conn.query("UPDATE Vote SET value = ?, position = ?, talliesVisible = ?, locale = ?, updatedAt = NOW(3) WHERE id = ?", [
      v.next,
      v.position,
      v.talliesVisible ? 1 : 0,
      v.locale,
      v.voteId,
    ]);
  }
  return conn.query(
    "INSERT INTO Vote (userId, imageId, value, position, talliesVisible, locale, createdAt, updatedAt) VALUES (?, ?, ?, ?, ?, ?, NOW(3), NOW(3))",
    [v.userId, v.imageId, v.next, v.position, v.talliesVisible ? 1 : 0, v.locale],
  );
}
