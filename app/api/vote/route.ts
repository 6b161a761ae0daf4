import { currentLocale } from "@/i18n/current";
import { requireUser } from "@/lib/auth";
import { errorResponse, readJson } from "@/lib/http";
import { clientAddress, takeRateLimit } from "@/lib/rate-limit";
import { voteSchema } from "@/lib/validations/vote";
import { setVote } from "@/lib/votes";

export const dynamic = "force-dynamic";

/**
 * POST { imageId, value: 1 | -1 | 0, position? } as the signed-in user (session cookie). The
 * same rules as the vote page's action: both call lib/votes.setVote.
 */
export async function POST(req: Request) {
  try {
    const user = await requireUser();
    await takeRateLimit("vote", { userKey: user.id, address: clientAddress(req.headers) });
    const input = await readJson(req, voteSchema);
    return Response.json(await setVote({ userId: user.id, ...input, locale: await currentLocale() }), { headers: { "Cache-Control": "no-store" } });
  } catch (err) {
    return errorResponse(err);
  }
}
