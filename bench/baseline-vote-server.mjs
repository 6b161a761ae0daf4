#!/usr/bin/env node
// The baseline for bench/vote-throughput.ts: the vote transaction of lib/voting/votes.ts with nothing
// around it. A bare node:http server and the mariadb driver, a pool of DATABASE_POOL_SIZE (20),
// the same READ COMMITTED transaction and statements (image row FOR UPDATE, day in share mode,
// user + existing vote, write the vote, update the counters), the default settings hard-coded.
// The voter is a plain `x-user-id` header: no session, no framework, no validation library, so
// the gap between this and POST /api/vote is what the app adds around the same database work.
// Env: PORT, DATABASE_URL, DATABASE_POOL_SIZE. GET /health answers once the pool can connect.
import http from "node:http";
import mariadb from "mariadb";

const u = new URL(process.env.DATABASE_URL ?? "");
const pool = mariadb.createPool({
  host: u.hostname,
  port: Number(u.port || 3306),
  user: decodeURIComponent(u.username),
  password: decodeURIComponent(u.password),
  database: decodeURIComponent(u.pathname.slice(1)),
  connectionLimit: Number(process.env.DATABASE_POOL_SIZE || 20),
  // As lib/server/db.ts configures the app's pool.
  timezone: "Z",
  prepareCacheLength: 0,
});

// lib/settings/settings.ts DEFAULT_SETTINGS: no self-voting, tallies hidden until a first vote.
const ALLOW_SELF_VOTING = false;
const HIDE_TALLIES_UNTIL_VOTED = true;

class Refused extends Error {
  constructor(status, code, message) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

async function setVote(userId, imageId, next, position) {
  const conn = await pool.getConnection();
  try {
    await conn.query("SET TRANSACTION ISOLATION LEVEL READ COMMITTED");
    await conn.beginTransaction();
    try {
      const [image] = await conn.query(
        "SELECT creatorId, dayId, status, hiddenAt IS NOT NULL AS hidden, upvotes, downvotes FROM Image WHERE id = ? FOR UPDATE",
        [imageId],
      );
      if (!image || image.status !== "SUBMITTED" || image.dayId === null)
        throw new Refused(404, "NOT_FOUND", "That image is not in a vote.");
      if (Number(image.hidden)) throw new Refused(404, "HIDDEN", "That image has been removed from the vote.");
      if (!ALLOW_SELF_VOTING && image.creatorId === userId) throw new Refused(403, "OWN_IMAGE", "You cannot vote on your own image.");
      const [day] = await conn.query("SELECT status FROM Day WHERE id = ? LOCK IN SHARE MODE", [image.dayId]);
      if (day?.status !== "OPEN") throw new Refused(409, "DAY_CLOSED", "Voting on this day has closed.");
      const [voter] = await conn.query(
        "SELECT u.bannedAt, v.id AS voteId, v.value FROM User u LEFT JOIN Vote v ON v.userId = u.id AND v.imageId = ? WHERE u.id = ?",
        [imageId, userId],
      );
      if (!voter || voter.bannedAt) throw new Refused(403, "BANNED", "This account has been suspended.");
      const old = voter.value ?? 0;
      let result = { imageId, value: next, upvotes: image.upvotes, downvotes: image.downvotes };
      if (old !== next) {
        if (next === 0) {
          await conn.query("DELETE FROM Vote WHERE id = ?", [voter.voteId]);
        } else if (voter.voteId !== null) {
          await conn.query("UPDATE Vote SET value = ?, position = ?, talliesVisible = 1, updatedAt = NOW(3) WHERE id = ?", [
            next,
            position,
            voter.voteId,
          ]);
        } else {
          await conn.query(
            "INSERT INTO Vote (userId, imageId, value, position, talliesVisible, createdAt, updatedAt) VALUES (?, ?, ?, ?, ?, NOW(3), NOW(3))",
            [userId, imageId, next, position, HIDE_TALLIES_UNTIL_VOTED ? 0 : 1],
          );
        }
        const upvotes = image.upvotes + (next === 1 ? 1 : 0) - (old === 1 ? 1 : 0);
        const downvotes = image.downvotes + (next === -1 ? 1 : 0) - (old === -1 ? 1 : 0);
        await conn.query("UPDATE Image SET upvotes = ?, downvotes = ? WHERE id = ?", [upvotes, downvotes, imageId]);
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

function send(res, status, body) {
  const text = JSON.stringify(body);
  res.writeHead(status, { "Content-Type": "application/json", "Content-Length": Buffer.byteLength(text), "Cache-Control": "no-store" });
  res.end(text);
}

async function readBody(req) {
  const chunks = [];
  let size = 0;
  for await (const chunk of req) {
    size += chunk.length;
    if (size > 16 * 1024) throw new Refused(413, "TOO_LARGE", "The request body is too large.");
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString("utf8");
}

async function handleVote(req, res) {
  const userId = Number(req.headers["x-user-id"]);
  if (!Number.isInteger(userId) || userId <= 0) throw new Refused(401, "UNAUTHENTICATED", "x-user-id is required.");
  let body;
  try {
    body = JSON.parse(await readBody(req));
  } catch (err) {
    if (err instanceof Refused) throw err;
    throw new Refused(400, "INVALID", "The request body must be JSON.");
  }
  const imageId = Number(body?.imageId);
  const value = Number(body?.value);
  const position = body?.position === undefined ? null : Number(body.position);
  if (!Number.isInteger(imageId) || imageId <= 0 || ![1, -1, 0].includes(value) || (position !== null && !Number.isInteger(position))) {
    throw new Refused(400, "INVALID", "Expected { imageId, value: 1 | -1 | 0, position? }.");
  }
  send(res, 200, await setVote(userId, imageId, value, position));
}

const server = http.createServer((req, res) => {
  const route =
    req.method === "POST" && req.url === "/api/vote"
      ? handleVote(req, res)
      : req.method === "GET" && req.url === "/health"
        ? pool.query("SELECT 1").then(() => send(res, 200, { ok: true }))
        : Promise.resolve(send(res, 404, { error: { code: "NOT_FOUND" } }));
  route.catch((err) => {
    if (err instanceof Refused) return send(res, err.status, { error: { code: err.code, message: err.message } });
    console.error(err);
    send(res, 500, { error: { code: "INTERNAL" } });
  });
});

server.listen(Number(process.env.PORT || 3200));

for (const signal of ["SIGINT", "SIGTERM"]) {
  process.once(signal, () => {
    server.close();
    server.closeAllConnections();
    pool.end().finally(() => process.exit(0));
  });
}
