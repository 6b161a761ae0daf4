import { localeOfRequest } from "@/i18n/locales";
import { AuthError } from "@/lib/auth/auth";
import { sessionUserId } from "@/lib/auth/session-token";
import { getEnv } from "@/lib/server/env";
import { errorResponse, readJson } from "@/lib/server/http";
import { assertSameOriginJson } from "@/lib/security/same-origin";
import { clientAddress, countRequest } from "@/lib/server/rate-limit";
import { voteSchema } from "@/lib/validations/vote";
import { setVote } from "@/lib/voting/votes";

export const dynamic = "force-dynamic";

/**
 * POST { imageId, value: 1 | -1 | 0, position? } as the signed-in user (session cookie), from the
 * app's own pages only (lib/security/same-origin). The same rules as the vote page's action: both
 * call lib/voting/votes.setVote.
 */
export async function POST(req: Request) {
  try {
    // Before anything reads the cookie: a vote another site's page made the browser send is not one.
    assertSameOriginJson(getEnv(), req);
    // The cookie's signature is checked here; whether the account exists and is not banned is
    // checked by setVote, inside its transaction, so a ban still takes effect on the next vote.
    const userId = await sessionUserId(req);
    if (!userId) throw new AuthError("UNAUTHENTICATED");
    const input = await readJson(req, voteSchema);
    // The request is counted against the vote limit on the vote's own connection, just ahead of
    // its transaction and in the same round trip (shared by every instance, as ever).
    const who = { userKey: userId, address: clientAddress(req.headers) };
    const outcome = await setVote(
      { userId, ...input, locale: localeOfRequest(req) },
      { before: (conn) => countRequest(conn, "vote", who) },
    );
    return Response.json(outcome, { headers: { "Cache-Control": "no-store" } });
  } catch (err) {
    return errorResponse(err, req, "POST /api/vote");
  }
}
