import { getCurrentUser } from "@/lib/auth/auth";
import { getCurrentDay } from "@/lib/days/days";
import { dateFromKey } from "@/lib/server/clock";
import { ActionError } from "@/lib/server/errors";
import { errorResponse } from "@/lib/server/http";
import { fieldErrorsOf } from "@/lib/validations/field-errors";
import { feedQuerySchema } from "@/lib/validations/feed";
import { findFeedDay, getVoteFeed } from "@/lib/voting/feed";
import { viewerWorldId } from "@/lib/worlds/assignment";

export const dynamic = "force-dynamic";

/**
 * One page of a day's submitted images as the signed-in viewer (or an anonymous one) sees them on
 * /vote or /days/<date>: `?day=YYYY-MM-DD` (today's open day when absent), `&cursor=` the previous
 * page's nextCursor (the first page when absent). The pages share lib/voting/feed.ts with the
 * pages' own first page, so they continue the same order with the same global positions.
 */
export async function GET(req: Request) {
  try {
    const query = feedQuerySchema.safeParse(Object.fromEntries(new URL(req.url).searchParams));
    if (!query.success) throw new ActionError("INVALID", { fieldErrors: fieldErrorsOf(query.error) });
    const { day: dateKey, cursor } = query.data;
    const user = await getCurrentUser();
    const worldId = await viewerWorldId(user);
    const day = dateKey ? await findFeedDay({ worldId_date: { worldId, date: dateFromKey(dateKey) } }) : await getCurrentDay(worldId);
    if (dateKey && !day) throw new ActionError("NOT_FOUND", { detail: "DAY_NOT_FOUND" });
    const feed = day ? await getVoteFeed(day, user?.id ?? null, { cursor }) : null;
    return Response.json(feed ?? { day: null, items: [], total: 0, nextCursor: null }, { headers: { "Cache-Control": "no-store" } });
  } catch (err) {
    return errorResponse(err, req, "GET /api/vote/images");
  }
}
