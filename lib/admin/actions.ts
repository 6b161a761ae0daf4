"use server";

import { revalidatePath } from "next/cache";
import { recordAudit } from "@/lib/admin/audit";
import { changeSettings, changedSettings } from "@/lib/settings/change";
import { banUser, hideImage, unbanUser, unhideImage, vetoLeader } from "@/lib/moderation/moderation";
import { db } from "@/lib/server/db";
import { type RolloverIdle, runRollover } from "@/lib/rollover/rollover";
import { defineAction } from "@/lib/server/safe-action";
import {
  banSchema,
  emptySchema,
  imageModerationSchema,
  settingsFormSchema,
  unbanSchema,
  replaySchema,
  unhideSchema,
  vetoSchema,
} from "@/lib/validations/admin";
import { replayAudited } from "@/lib/creating/replay";
import { getImageEngine } from "@/lib/imagegen";
import { getStorage } from "@/lib/storage";
import { seedUploadSchema, startStudySchema, worldConditionsChangeSchema } from "@/lib/validations/study";
import { changeWorldConditions } from "@/lib/worlds/change-conditions";
import { startStudy } from "@/lib/worlds/start-study";
import { uploadSeed } from "@/lib/worlds/upload-seed";

// Every action here is admin-only through defineAction({ access: "admin" }): the role is checked
// on the server for each call, whatever the page or layout did. Each change is audited by the
// lib function that makes it, in the same transaction.

function refresh() {
  revalidatePath("/admin", "layout");
  revalidatePath("/vote");
}

export const hideImageAction = defineAction({ access: "admin", schema: imageModerationSchema }, async ({ imageId, reason }, { user }) => {
  await hideImage(user.id, imageId, reason);
  refresh();
  return { imageId };
});

export const unhideImageAction = defineAction({ access: "admin", schema: unhideSchema }, async ({ imageId, reason }, { user }) => {
  await unhideImage(user.id, imageId, reason);
  refresh();
  return { imageId };
});

export const banUserAction = defineAction({ access: "admin", schema: banSchema }, async ({ userId, reason }, { user }) => {
  await banUser(user.id, userId, reason);
  refresh();
  return { userId };
});

export const unbanUserAction = defineAction({ access: "admin", schema: unbanSchema }, async ({ userId }, { user }) => {
  await unbanUser(user.id, userId);
  refresh();
  return { userId };
});

export const vetoLeaderAction = defineAction(
  { access: "admin", schema: vetoSchema },
  async ({ dayId, reason, expectedImageId }, { user }) => {
    const res = await vetoLeader(user.id, dayId, reason, expectedImageId);
    refresh();
    return res;
  },
);

/** What the admin is told of a rollover run: the dates it closed, or why it closed none. */
export type RolloverReport = { closed: string[]; idle: RolloverIdle | null };

/** The same rollover as the cron route, with the same idempotence; audited. */
export const runRolloverAction = defineAction(
  { access: "admin", schema: emptySchema },
  async (_input, { user }): Promise<RolloverReport> => {
    const res = await runRollover();
    await recordAudit(db, { adminId: user.id, action: "rollover", targetType: "day", targetId: null, after: res });
    refresh();
    return { closed: res.closed.map((d) => d.date), idle: res.idle };
  },
);

export const updateSettingsAction = defineAction(
  { access: "admin", schema: settingsFormSchema },
  async ({ loaded, ...input }, { user }) => {
    // Only the fields this admin changed: two admins saving at once never undo each other.
    const after = await changeSettings(user.id, changedSettings(input, loaded));
    refresh();
    return after;
  },
);

/** Ends the running study and starts the next with its worlds (lib/worlds/start-study.ts); audited there. */
export const startStudyAction = defineAction({ access: "admin", schema: startStudySchema }, async (input, { user }) => {
  const res = await startStudy(user.id, input);
  refresh();
  revalidatePath("/", "layout");
  return res;
});

/** Regenerates a recorded image on the configured engine and compares it (lib/creating/replay.ts); audited there. */
export const replayImageAction = defineAction({ access: "admin", schema: replaySchema }, async ({ imageId }, { user }) =>
  replayAudited(user.id, imageId, { engine: getImageEngine(), storage: getStorage() }),
);

/** Stores an uploaded picture as a seed a study can start from (lib/worlds/upload-seed.ts); audited there. */
export const uploadSeedAction = defineAction({ access: "admin", schema: seedUploadSchema }, async (input, { user }) =>
  uploadSeed(user.id, input),
);

/** Changes a running world's conditions (lib/worlds/change-conditions.ts); audited there with the day it took effect. */
export const changeWorldConditionsAction = defineAction(
  { access: "admin", schema: worldConditionsChangeSchema },
  async (input, { user }) => {
    const res = await changeWorldConditions(user.id, input);
    refresh();
    return res;
  },
);
