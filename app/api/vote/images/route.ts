import { getCurrentUser } from "@/lib/auth/auth";
import { getCurrentDay } from "@/lib/days/days";
import { errorResponse } from "@/lib/server/http";
import { getVoteFeed } from "@/lib/voting/feed";

export const dynamic = "force-dynamic";

/** Today's submitted images as the signed-in viewer (or an anonymous one) sees them on /vote. */
export async function GET(req: Request) {
  try {
    const [user, day] = await Promise.all([getCurrentUser(), getCurrentDay()]);
    const feed = day ? await getVoteFeed(day.id, user?.id ?? null) : null;
    return Response.json(feed ?? { day: null, items: [] }, { headers: { "Cache-Control": "no-store" } });
  } catch (err) {
    return errorResponse(err, req, "GET /api/vote/images");
  }
}
