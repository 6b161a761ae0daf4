"use server";

import { defineAction } from "@/lib/safe-action";
import { voteSchema } from "@/lib/validations/vote";
import { setVote } from "@/lib/votes";

/** Votes (+1/-1) or clears (0) as the signed-in user; the same rules as POST /api/vote. */
export const voteAction = defineAction({ access: "user", schema: voteSchema }, (input, { user }) => setVote({ userId: user.id, ...input }));
