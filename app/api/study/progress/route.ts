import { getCurrentUser } from "@/lib/auth/auth";
import { ActionError } from "@/lib/server/errors";
import { errorResponse } from "@/lib/server/http";
import { progressFor } from "@/lib/study/completion";
import { fieldErrorsOf } from "@/lib/validations/field-errors";
import { z } from "@/lib/validations/zod";

export const dynamic = "force-dynamic";

// The endpoint takes nothing: who asks is the session.
const noQuery = z.object({}).strict();

/**
 * The signed-in participant's progress towards completing the study, as the panel on every page
 * shows it (components/study/study-progress.tsx): `{ progress }`, null when there is nothing to
 * show. 401 when not signed in.
 */
export async function GET(req: Request) {
  try {
    const query = noQuery.safeParse(Object.fromEntries(new URL(req.url).searchParams));
    if (!query.success) throw new ActionError("INVALID", { fieldErrors: fieldErrorsOf(query.error) });
    const user = await getCurrentUser();
    if (!user) throw new ActionError("UNAUTHENTICATED");
    return Response.json({ progress: await progressFor(user) }, { headers: { "Cache-Control": "no-store" } });
  } catch (err) {
    return errorResponse(err, req, "GET /api/study/progress");
  }
}
