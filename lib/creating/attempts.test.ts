import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { errorTextIn } from "@/i18n/error-translator";
import { englishOf } from "@/test/error-text";
import { makeUser, testImageFields, TEST_WORLD_ID } from "@/test/fixtures";
import { submitAttempt } from "./attempts";
import { db } from "../server/db";

async function dayWithDrafts(creatorId: number, n: number) {
  const seed = await db.image.create({
    data: { prompt: "seed", status: "SEED", resultKey: "s.png", thumbKey: "s.png", width: 30, height: 20, provider: "bundled", model: "t" },
  });
  const date = new Date(Date.UTC(1100, 0, 1) + (Number.parseInt(randomBytes(3).toString("hex"), 16) % (800 * 365)) * 86_400_000);
  const day = await db.day.create({ data: { worldId: TEST_WORLD_ID, date, seedImageId: seed.id } });
  const drafts = await Promise.all(
    Array.from({ length: n }, (_, i) =>
      db.image.create({
        data: {
          dayId: day.id,
          parentId: seed.id,
          creatorId,
          prompt: `d${i}`,
          ...testImageFields,
        },
      }),
    ),
  );
  return { day, drafts };
}

describe("submitAttempt", () => {
  it("submits one of the user's own attempts, once, within the daily submission quota", async () => {
    const user = await makeUser();
    const { day, drafts } = await dayWithDrafts(user.id, 2);
    await submitAttempt(user.id, drafts[0]!.id);
    const img = await db.image.findUniqueOrThrow({ where: { id: drafts[0]!.id } });
    expect(img.status).toBe("SUBMITTED");
    expect(img.submittedAt).not.toBeNull();
    await expect(submitAttempt(user.id, drafts[0]!.id)).rejects.toMatchObject({ code: "ALREADY_SUBMITTED" });
    const quota = await submitAttempt(user.id, drafts[1]!.id).catch((e: unknown) => e);
    expect(quota).toMatchObject({ code: "QUOTA", detail: { code: "SUBMISSION_QUOTA", values: { count: 1 } } });
    expect(englishOf(quota)).toBe("You have already submitted an attempt today.");
    expect(errorTextIn("es")({ code: "SUBMISSION_QUOTA", values: { count: 3 } })).toBe("Ya has enviado 3 intentos hoy.");
    expect((await db.image.findUniqueOrThrow({ where: { id: drafts[1]!.id } })).status).toBe("DRAFT");
    expect((await db.userDayUsage.findUniqueOrThrow({ where: { userId_dayId: { userId: user.id, dayId: day.id } } })).submissions).toBe(1);
  });

  it("lets only one of several parallel submissions through", async () => {
    const user = await makeUser();
    const { drafts } = await dayWithDrafts(user.id, 5);
    const results = await Promise.allSettled(drafts.map((d) => submitAttempt(user.id, d.id)));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await db.image.count({ where: { id: { in: drafts.map((d) => d.id) }, status: "SUBMITTED" } })).toBe(1);
  });

  it("refuses another user's attempt, a hidden attempt, a missing one and a closed day", async () => {
    const owner = await makeUser();
    const other = await makeUser();
    const { day, drafts } = await dayWithDrafts(owner.id, 3);
    await expect(submitAttempt(other.id, drafts[0]!.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(submitAttempt(owner.id, 2_000_000_000)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await db.image.update({ where: { id: drafts[1]!.id }, data: { hiddenAt: new Date() } });
    await expect(submitAttempt(owner.id, drafts[1]!.id)).rejects.toMatchObject({ code: "NOT_ALLOWED" });
    await db.day.update({ where: { id: day.id }, data: { status: "CLOSED" } });
    await expect(submitAttempt(owner.id, drafts[2]!.id)).rejects.toMatchObject({ code: "DAY_CLOSED" });
    expect(await db.image.count({ where: { dayId: day.id, status: "SUBMITTED" } })).toBe(0);
  });
});
