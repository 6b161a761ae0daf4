import { issue } from "./field-errors";
import { participantIdSchema } from "./participant";
import { MTURK_PREVIEW_ASSIGNMENT } from "./constants";
import { z } from "./zod";

// Prolific's ids are 24 hex digits and MTurk's 30 upper-case letters and digits; both are read
// here as up to 64 letters, digits, _ or -, so a platform's change of format does not lock
// people out, while nothing else (spaces, markup, URLs) gets through.
// A refinement rather than .regex, so the message names the parameter as the platform spells it.
const platformId = (param: string) =>
  z
    .string()
    .refine((v) => /^[A-Za-z0-9_-]{1,64}$/.test(v), issue("CROWD_LINK_FIELD", { field: param }))
    .optional();

/**
 * What a crowd platform's link carries besides the worker id, as the sign-in sends it on
 * (components/auth/crowd-sign-in.tsx): the platform it names, Prolific's STUDY_ID and SESSION_ID,
 * MTurk's hitId, assignmentId and turkSubmitTo. An MTurk arrival needs all three of its own
 * parameters (MTurk adds them to every ExternalQuestion URL), and a preview's placeholder
 * assignment cannot start the task. Which hosts turkSubmitTo may name is the server's to check
 * (lib/study/arrival.ts): it depends on the configuration.
 */
export const crowdArrivalSchema = z
  .object({
    participantId: participantIdSchema,
    platform: z.enum(["PROLIFIC", "MTURK"]).optional(),
    studyId: platformId("STUDY_ID"),
    sessionId: platformId("SESSION_ID"),
    hitId: platformId("hitId"),
    assignmentId: platformId("assignmentId"),
    turkSubmitTo: z
      .string()
      .max(255, issue("CROWD_LINK_FIELD", { field: "turkSubmitTo" }))
      .optional(),
    /** A signed `assign` parameter placing the participant in one world (lib/worlds/world-link.ts). */
    worldLink: z.string().max(100, issue("WORLD_LINK")).optional(),
  })
  .strict()
  .superRefine((a, ctx) => {
    const mturk = { hitId: a.hitId, assignmentId: a.assignmentId, turkSubmitTo: a.turkSubmitTo };
    const prolific = { STUDY_ID: a.studyId, SESSION_ID: a.sessionId };
    const given = (o: object) => Object.values(o).some((v) => v !== undefined);
    if (a.assignmentId === MTURK_PREVIEW_ASSIGNMENT) {
      ctx.addIssue({ code: "custom", path: ["assignmentId"], ...issue("MTURK_PREVIEW") });
      return;
    }
    if (a.platform === "MTURK") {
      for (const [field, value] of Object.entries(mturk))
        if (value === undefined) ctx.addIssue({ code: "custom", path: [field], ...issue("CROWD_LINK_MISSING", { field }) });
      if (given(prolific)) ctx.addIssue({ code: "custom", path: ["platform"], ...issue("CROWD_LINK_MIXED") });
    } else if (given(mturk)) {
      ctx.addIssue({ code: "custom", path: ["platform"], ...issue("CROWD_LINK_MIXED") });
    } else if (a.platform === undefined && given(prolific)) {
      ctx.addIssue({ code: "custom", path: ["platform"], ...issue("CROWD_LINK_MIXED") });
    }
  });

export type CrowdArrival = z.infer<typeof crowdArrivalSchema>;

/** Finishing the study takes no input: who finishes is the session, what they did is the database. */
export const finishStudySchema = z.object({}).strict();
