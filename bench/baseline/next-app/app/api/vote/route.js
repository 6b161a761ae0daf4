// POST /api/vote on a bare Next.js route handler: the voter from x-user-id, the same transaction
// as the app's, nothing else (no session, no rate limit, no validation library).
import { Refused, createBaselinePool, parseVote, setVote } from "../../../../vote-tx.mjs";

export const dynamic = "force-dynamic";

// Made on the first request: `next build` loads this module with no database configured.
let pool;

export async function POST(req) {
  try {
    let body;
    try {
      body = await req.json();
    } catch {
      throw new Refused(400, "INVALID", "The request body must be JSON.");
    }
    const { userId, imageId, value, position } = parseVote(req.headers.get("x-user-id"), body);
    return Response.json(await setVote((pool ??= createBaselinePool(process.env)), userId, imageId, value, position), {
      headers: { "Cache-Control": "no-store" },
    });
  } catch (err) {
    if (err instanceof Refused) return Response.json({ error: { code: err.code, message: err.message } }, { status: err.status });
    console.error(err);
    return Response.json({ error: { code: "INTERNAL" } }, { status: 500 });
  }
}
