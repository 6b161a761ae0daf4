import { describe, expect, it } from "vitest";
import { closeDayAs, makeAdmin, makeImage, makeOldDay } from "@/test/admin";
import { makeUser } from "@/test/fixtures";
import { englishOf } from "@/test/error-text";
import { db } from "@/lib/server/db";
import { flagImage, listFlagged } from "./flags";
import { hideImage } from "./moderation";

describe("flagImage", () => {
  it("records one flag per person and image, on open and closed days alike", async () => {
    const { day } = await makeOldDay();
    const image = await makeImage(day);
    const user = await makeUser();
    await flagImage(user.id, image.id, "  not appropriate  ");
    await closeDayAs(day.id, null);
    await flagImage((await makeUser()).id, image.id, "still here after the close");
    const rows = await db.flag.findMany({ where: { imageId: image.id }, orderBy: { id: "asc" } });
    expect(rows.map((r) => r.reason)).toEqual(["not appropriate", "still here after the close"]);
    await expect(flagImage(user.id, image.id, "once more")).rejects.toMatchObject({ code: "ALREADY_FLAGGED" });
    expect(await db.flag.count({ where: { imageId: image.id } })).toBe(2);
  });

  it("settles a double submit to one flag", async () => {
    const { day } = await makeOldDay();
    const image = await makeImage(day);
    const user = await makeUser();
    const results = await Promise.allSettled(Array.from({ length: 5 }, () => flagImage(user.id, image.id, "double click")));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(results.filter((r) => r.status === "rejected").map((r) => (r as PromiseRejectedResult).reason.code)).toEqual(
      Array(4).fill("ALREADY_FLAGGED"),
    );
  });

  it("refuses bad reasons, drafts, seeds, unknown images, one's own image and banned accounts", async () => {
    const { day, seed } = await makeOldDay();
    const creator = await makeUser();
    const image = await makeImage(day, { creatorId: creator.id });
    const draft = await makeImage(day, { draft: true });
    const user = await makeUser();
    const banned = await makeUser({ bannedAt: new Date() });
    const tooShort = await flagImage(user.id, image.id, "no").catch((e: unknown) => e);
    expect(tooShort).toMatchObject({ code: "INVALID", fieldErrors: { reason: [{ code: "REASON_TOO_SHORT", values: { min: 3 } }] } });
    expect(englishOf(tooShort)).toBe("Give a reason of at least 3 characters.");
    const tooLong = await flagImage(user.id, image.id, "x".repeat(501)).catch((e: unknown) => e);
    expect(tooLong).toMatchObject({ code: "INVALID", detail: { code: "REASON_TOO_LONG", values: { max: 500 } } });
    expect(englishOf(tooLong)).toBe("A reason has at most 500 characters.");
    await expect(flagImage(user.id, draft.id, "a draft")).rejects.toMatchObject({
      code: "NOT_FOUND",
      detail: { code: "FLAG_NOT_IN_VOTE" },
    });
    await expect(flagImage(user.id, seed.id, "the seed")).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(flagImage(user.id, 2_000_000_000, "nothing")).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(flagImage(creator.id, image.id, "my own")).rejects.toMatchObject({
      code: "OWN_IMAGE",
      detail: { code: "FLAG_OWN_IMAGE" },
    });
    await expect(flagImage(banned.id, image.id, "banned me")).rejects.toMatchObject({ code: "BANNED" });
    expect(await db.flag.count({ where: { imageId: { in: [image.id, draft.id, seed.id] } } })).toBe(0);
  });
});

describe("listFlagged", () => {
  it("lists the most-flagged first, with counts, the latest reasons first and the hidden state", async () => {
    const { day } = await makeOldDay();
    const [once, thrice, fourTimes] = [await makeImage(day), await makeImage(day), await makeImage(day)];
    const users = await Promise.all([1, 2, 3, 4].map(() => makeUser()));
    await flagImage(users[0]!.id, once.id, "only one");
    for (const [i, u] of users.slice(0, 3).entries()) await flagImage(u.id, thrice.id, `reason ${i}`);
    for (const [i, u] of users.entries()) await flagImage(u.id, fourTimes.id, `other ${i}`);
    await hideImage((await makeAdmin()).id, thrice.id, "agreed with the flags");

    const mine = (await listFlagged({ take: 500 })).filter((f) => [once.id, thrice.id, fourTimes.id].includes(f.imageId));
    expect(mine.map((f) => [f.imageId, f.count, f.hidden])).toEqual([
      [fourTimes.id, 4, false],
      [thrice.id, 3, true],
      [once.id, 1, false],
    ]);
    expect(mine[0]!.reasons).toEqual(["other 3", "other 2", "other 1"]);
    expect(mine[1]).toMatchObject({ hiddenReason: "agreed with the flags", dayId: day.id, reasons: ["reason 2", "reason 1", "reason 0"] });

    const visible = await listFlagged({ take: 500, includeHidden: false });
    expect(visible.map((f) => f.imageId)).not.toContain(thrice.id);
    expect(visible.map((f) => f.imageId)).toContain(fourTimes.id);
  });
});
