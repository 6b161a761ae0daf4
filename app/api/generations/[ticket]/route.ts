// Where one of the signed-in participant's generations stands while the create page waits for it
// (lib/creating/progress.ts): GET for its place in line, DELETE to give the attempt up (the page
// does when the participant leaves while it is still in line).
import { AuthError } from "@/lib/auth/auth";
import { sessionUserId } from "@/lib/auth/session-token";
import { cancelGeneration, generationStatus } from "@/lib/creating/progress";
import { getEnv } from "@/lib/server/env";
import { ActionError } from "@/lib/server/errors";
import { errorResponse } from "@/lib/server/http";
import { assertSameOriginJson } from "@/lib/security/same-origin";
import { ticketSchema } from "@/lib/validations/generate";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ ticket: string }> };

/** The signed-in user and the ticket, or a refusal: only a participant's own tickets mean anything. */
async function owner(req: Request, ctx: Context): Promise<{ userId: number; ticket: string }> {
  const userId = await sessionUserId(req);
  if (!userId) throw new AuthError("UNAUTHENTICATED");
  const { ticket } = await ctx.params;
  // No ticket of that shape was ever handed out.
  if (!ticketSchema.safeParse(ticket).success) throw new ActionError("NOT_FOUND");
  return { userId, ticket };
}

/** GET: `{ state: "waiting", position } | { state: "working" } | { state: "unknown" }`, never cached. */
export async function GET(req: Request, ctx: Context): Promise<Response> {
  try {
    const { userId, ticket } = await owner(req, ctx);
    return Response.json(generationStatus(ticket, userId), { headers: { "Cache-Control": "no-store" } });
  } catch (err) {
    return errorResponse(err, req, "GET /api/generations/[ticket]");
  }
}

/** DELETE (JSON, from the app's own pages): `{ cancelled }`; the attempt's quota, if taken, is given back. */
export async function DELETE(req: Request, ctx: Context): Promise<Response> {
  try {
    assertSameOriginJson(getEnv(), req);
    const { userId, ticket } = await owner(req, ctx);
    return Response.json({ cancelled: cancelGeneration(ticket, userId) }, { headers: { "Cache-Control": "no-store" } });
  } catch (err) {
    return errorResponse(err, req, "DELETE /api/generations/[ticket]");
  }
}
