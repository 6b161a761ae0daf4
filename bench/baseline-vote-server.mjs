#!/usr/bin/env node
// The baseline for bench/vote-throughput.ts: the vote transaction of lib/voting/votes.ts with nothing
// around it. A bare node:http server and the mariadb driver, a pool of DATABASE_POOL_SIZE (20),
// the same READ COMMITTED transaction and statements (image row FOR UPDATE, day in share mode,
// user + existing vote, write the vote, update the counters), the default settings hard-coded.
// The voter is a plain `x-user-id` header: no session, no framework, no validation library, so
// the gap between this and POST /api/vote is what the app adds around the same database work.
// Env: PORT, DATABASE_URL, DATABASE_POOL_SIZE. GET /health answers once the pool can connect.
import http from "node:http";
import { Refused, createBaselinePool, parseVote, setVote } from "./baseline/vote-tx.mjs";

const pool = createBaselinePool(process.env);

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
  let body;
  try {
    body = JSON.parse(await readBody(req));
  } catch (err) {
    if (err instanceof Refused) throw err;
    throw new Refused(400, "INVALID", "The request body must be JSON.");
  }
  const { userId, imageId, value, position } = parseVote(req.headers["x-user-id"], body);
  send(res, 200, await setVote(pool, userId, imageId, value, position));
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
