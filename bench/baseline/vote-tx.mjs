// The vote transaction of lib/voting/votes.ts with nothing around it, for the baselines of
// bench/vote-throughput.ts: the bare node:http server (bench/baseline-vote-server.mjs) and the bare
// Next.js route handler (bench/baseline/next-app). Same READ COMMITTED transaction and statements
// (image row FOR UPDATE, day in share mode, user + existing vote, write the vote, update the
// counters, append the vote event), the default settings hard-coded, no session, no rate limit, no validation library.
import mariadb from "mariadb";

/** The pool the app would open for DATABASE_URL and DATABASE_POOL_SIZE (as lib/server/db.ts configures it). */
export function createBaselinePool(env) {
  const u = new URL(env.DATABASE_URL ?? "");
  return mariadb.createPool({
    host: u.hostname,
    port: Number(u.port || 3306),
    user: decodeURIComponent(u.username),
    password: decodeURIComponent(u.password),
    database: decodeURIComponent(u.pathname.slice(1)),
    connectionLimit: Number(env.DATABASE_POOL_SIZE || 20),
    timezone: "Z",
    prepareCacheLength: 0,
  });
}

// lib/settings/settings.ts DEFAULT_SETTINGS: no self-voting, tallies hidden until a first vote.
const ALLOW_SELF_VOTING = false;
const HIDE_TALLIES_UNTIL_VOTED = true;

export class Refused extends Error {
  constructor(status, code, message) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

/**
 * The statements of lib/voting/votes.ts setVote, pipelined as it pipelines them: isolation level and
 * START TRANSACTION together; the image lock, its day and the voter's row together; the vote, the
 * counters and the event together; then COMMIT.
 */
export async function setVote(pool, userId, imageId, next, position) {
  const conn = await pool.getConnection();
  try {
    await Promise.all([conn.query("SET TRANSACTION ISOLATION LEVEL READ COMMITTED"), conn.beginTransaction()]);
    try {
      const [[image], [day], [voter]] = await Promise.all([
        conn.query(
          "SELECT creatorId, dayId, status, hiddenAt IS NOT NULL AS hidden, upvotes, downvotes FROM Image WHERE id = ? FOR UPDATE",
          [imageId],
        ),
        conn.query("SELECT status FROM Day WHERE id = (SELECT dayId FROM Image WHERE id = ?) LOCK IN SHARE MODE", [imageId]),
        conn.query(
          "SELECT u.bannedAt, v.id AS voteId, v.value FROM User u LEFT JOIN Vote v ON v.userId = u.id AND v.imageId = ? WHERE u.id = ?",
          [imageId, userId],
        ),
      ]);
      if (!image || image.status !== "SUBMITTED" || image.dayId === null)
        throw new Refused(404, "NOT_FOUND", "That image is not in a vote.");
      if (Number(image.hidden)) throw new Refused(404, "HIDDEN", "That image has been removed from the vote.");
      if (!ALLOW_SELF_VOTING && image.creatorId === userId) throw new Refused(403, "OWN_IMAGE", "You cannot vote on your own image.");
      if (day?.status !== "OPEN") throw new Refused(409, "DAY_CLOSED", "Voting on this day has closed.");
      if (!voter || voter.bannedAt) throw new Refused(403, "BANNED", "This account has been suspended.");
      const old = voter.value ?? 0;
      let result = { imageId, value: next, upvotes: image.upvotes, downvotes: image.downvotes };
      if (old !== next) {
        const upvotes = image.upvotes + (next === 1 ? 1 : 0) - (old === 1 ? 1 : 0);
        const downvotes = image.downvotes + (next === -1 ? 1 : 0) - (old === -1 ? 1 : 0);
        const write =
          next === 0
            ? conn.query("DELETE FROM Vote WHERE id = ?", [voter.voteId])
            : voter.voteId !== null
              ? conn.query("UPDATE Vote SET value = ?, position = ?, talliesVisible = 1, updatedAt = NOW(3) WHERE id = ?", [
                  next,
                  position,
                  voter.voteId,
                ])
              : conn.query(
                  "INSERT INTO Vote (userId, imageId, value, position, talliesVisible, createdAt, updatedAt) VALUES (?, ?, ?, ?, ?, NOW(3), NOW(3))",
                  [userId, imageId, next, position, HIDE_TALLIES_UNTIL_VOTED ? 0 : 1],
                );
        const talliesVisible = old !== 0 || !HIDE_TALLIES_UNTIL_VOTED;
        await Promise.all([
          write,
          conn.query("UPDATE Image SET upvotes = ?, downvotes = ? WHERE id = ?", [upvotes, downvotes, imageId]),
          conn.query(
            "INSERT INTO VoteEvent (userId, imageId, dayId, previous, value, position, talliesVisible, locale, createdAt) VALUES (?, ?, ?, ?, ?, ?, ?, NULL, NOW(3))",
            [userId, imageId, image.dayId, old, next, position, talliesVisible ? 1 : 0],
          ),
        ]);
        result = { imageId, value: next, upvotes, downvotes };
      }
      await conn.commit();
      return result;
    } catch (err) {
      await conn.rollback().catch(() => {});
      throw err;
    }
  } finally {
    conn.release();
  }
}

/** The voter from an x-user-id header and { imageId, value, position? } from the body, or Refused. */
export function parseVote(userIdHeader, body) {
  const userId = Number(userIdHeader);
  if (!Number.isInteger(userId) || userId <= 0) throw new Refused(401, "UNAUTHENTICATED", "x-user-id is required.");
  const imageId = Number(body?.imageId);
  const value = Number(body?.value);
  const position = body?.position === undefined ? null : Number(body.position);
  if (!Number.isInteger(imageId) || imageId <= 0 || ![1, -1, 0].includes(value) || (position !== null && !Number.isInteger(position))) {
    throw new Refused(400, "INVALID", "Expected { imageId, value: 1 | -1 | 0, position? }.");
  }
  return { userId, imageId, value, position };
}
