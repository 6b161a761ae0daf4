import { afterEach, describe, expect, it } from "vitest";
import { makeUser } from "@/test/fixtures";
import { englishOf } from "@/test/error-text";
import { db } from "@/lib/server/db";
import { resetEnvForTests } from "@/lib/server/env";
import { ActionError } from "@/lib/server/errors";
import { parseArrival, recordArrival } from "./arrival";
import { finishRoute, prolificReturnUrl } from "./finish";
import { worldLinkToken } from "../worlds/world-link";

const mturk = {
  participantId: "A1B2C3D4E5",
  platform: "MTURK",
  hitId: "3XMVN1BINNIXNJ3UYN7Z1T0XEXVGAT",
  assignmentId: "3TMFV4NEP8DPIPCI8H9VX4SJ6RGW8K",
};
const refusal = async (raw: Record<string, unknown>) => {
  const r = await parseArrival(raw);
  if (r.ok) throw new Error("accepted");
  return { code: r.detail.code, text: englishOf(new ActionError(r.detail)) };
};

afterEach(() => {
  delete process.env.MTURK_SUBMIT_ORIGINS;
  resetEnvForTests();
});

describe("parseArrival", () => {
  it("takes Prolific's study and session, and MTurk's HIT with its submit origin (trailing slash or not)", async () => {
    expect(await parseArrival({ participantId: "5f0c1a2b3c4d5e6f7a8b9c0d", platform: "PROLIFIC", studyId: "s1", sessionId: "x1" })).toEqual(
      {
        ok: true,
        arrival: { participantId: "5f0c1a2b3c4d5e6f7a8b9c0d", platform: "PROLIFIC", studyId: "s1", sessionId: "x1" },
      },
    );
    for (const [given, origin] of [
      ["https://www.mturk.com/", "https://www.mturk.com"],
      ["https://www.mturk.com", "https://www.mturk.com"],
      ["https://workersandbox.mturk.com/", "https://workersandbox.mturk.com"],
    ]) {
      const r = await parseArrival({ ...mturk, turkSubmitTo: given });
      expect(r).toMatchObject({ ok: true, arrival: { ...mturk, submitTo: origin } });
    }
    // Blank values are absent; a plain participant id needs nothing else.
    expect(await parseArrival({ participantId: "someone", platform: "", studyId: "" })).toEqual({
      ok: true,
      arrival: { participantId: "someone" },
    });
  });

  it("refuses a turkSubmitTo that is not exactly one of MTurk's origins", async () => {
    for (const bad of [
      "http://www.mturk.com/",
      "https://www.mturk.com.evil.example/",
      "https://evil.example/?https://www.mturk.com",
      "https://www.mturk.com/mturk/externalSubmit",
      "https://www.mturk.com/?x=1",
      "https://user:pw@www.mturk.com/",
      "https://mturk.com/",
      "javascript:alert(1)",
      "not a url",
      "http://127.0.0.1:3190",
    ]) {
      expect(await refusal({ ...mturk, turkSubmitTo: bad }), bad).toEqual({
        code: "MTURK_SUBMIT_HOST",
        text: "This HIT names an address that is not MTurk's for submitting the task (turkSubmitTo), so it cannot be started here. Please open it again from MTurk.",
      });
    }
    // A test's stand-in, only once configured, and only that origin.
    process.env.MTURK_SUBMIT_ORIGINS = "http://127.0.0.1:3190";
    resetEnvForTests();
    expect(await parseArrival({ ...mturk, turkSubmitTo: "http://127.0.0.1:3190/" })).toMatchObject({
      ok: true,
      arrival: { submitTo: "http://127.0.0.1:3190" },
    });
    expect(await (await refusal({ ...mturk, turkSubmitTo: "http://127.0.0.1:3191/" })).code).toBe("MTURK_SUBMIT_HOST");
  });

  it("refuses a preview, a missing or malformed MTurk parameter, and mixed platforms, saying which", async () => {
    expect(await refusal({ ...mturk, assignmentId: "ASSIGNMENT_ID_NOT_AVAILABLE", turkSubmitTo: "https://www.mturk.com" })).toEqual({
      code: "MTURK_PREVIEW",
      text: "You are previewing this HIT. Accept it on MTurk to start the task.",
    });
    expect(await refusal({ ...mturk })).toEqual({
      code: "CROWD_LINK_MISSING",
      text: "The link from MTurk is missing turkSubmitTo. Please open the HIT again from MTurk.",
    });
    expect(await refusal({ ...mturk, assignmentId: "3TMF V4NEP", turkSubmitTo: "https://www.mturk.com" })).toEqual({
      code: "CROWD_LINK_FIELD",
      text: "The link from the study platform has an invalid assignmentId. Please open the study again from the platform.",
    });
    expect((await refusal({ participantId: "p", platform: "PROLIFIC", studyId: "<script>" })).text).toContain("invalid STUDY_ID");
    expect((await refusal({ participantId: "p", platform: "PROLIFIC", hitId: "H" })).code).toBe("CROWD_LINK_MIXED");
    expect((await refusal({ participantId: "p", studyId: "s" })).code).toBe("CROWD_LINK_MIXED");
    expect((await refusal({ participantId: "p", platform: "AMAZON" })).code).toBe("FIELD_ONE_OF");
    expect((await refusal({ participantId: "p", extra: "x" })).code).toBe("INVALID_FIELD");
    expect((await refusal({ participantId: "bad id" })).code).toBe("PARTICIPANT_ID_CHARACTERS");
  });
});

describe("a world link", () => {
  it("places the participant in the world it names, only when this server signed it for the running study", async () => {
    const token = worldLinkToken(1, 1);
    expect(await parseArrival({ participantId: "p", worldLink: token })).toMatchObject({ ok: true, arrival: { worldId: 1 } });
    const text = "This study link has been altered, or belongs to a study that has ended. Please open the link you were given again.";
    // Another world's number with this world's MAC, a made-up MAC, another study's link, a bare number.
    for (const bad of [
      token.replace(/^1\.1\./, "1.2."),
      `1.1.${"A".repeat(22)}`,
      worldLinkToken(2, 1),
      worldLinkToken(1, 99),
      "1",
      "x".repeat(101),
    ]) {
      expect(await refusal({ participantId: "p", worldLink: bad }), bad).toEqual({ code: "WORLD_LINK", text });
    }
  });
});

describe("recordArrival", () => {
  it("keeps the latest arrival's ids and never touches an issued completion", async () => {
    const user = await makeUser();
    await recordArrival(user.id, { participantId: "x" }); // no platform: nothing to record
    expect(await db.participation.count({ where: { userId: user.id } })).toBe(0);
    await recordArrival(user.id, {
      ...mturk,
      platform: "MTURK",
      turkSubmitTo: "https://www.mturk.com/",
      submitTo: "https://www.mturk.com",
    });
    const completedAt = new Date("2026-12-01T10:00:00Z");
    await db.participation.update({ where: { userId: user.id }, data: { completedAt, completionCode: "ABCDEFGHJK" } });
    await recordArrival(user.id, { ...mturk, platform: "MTURK", assignmentId: "NEXT", submitTo: "https://workersandbox.mturk.com" });
    expect(await db.participation.findUniqueOrThrow({ where: { userId: user.id } })).toMatchObject({
      platform: "MTURK",
      assignmentId: "NEXT",
      submitTo: "https://workersandbox.mturk.com",
      completedAt,
      completionCode: "ABCDEFGHJK",
    });
  });
});

describe("finishing", () => {
  it("sends Prolific participants to the configured URL as it is when it carries Prolific's code, else with theirs", async () => {
    expect(prolificReturnUrl("https://app.prolific.com/submissions/complete?cc=C1234ABC", "XYZ")).toBe(
      "https://app.prolific.com/submissions/complete?cc=C1234ABC",
    );
    expect(prolificReturnUrl("https://example.org/done", "ABCDEFGHJK")).toBe("https://example.org/done?cc=ABCDEFGHJK");
    expect(prolificReturnUrl("https://example.org/done?study=1", "ABCDEFGHJK")).toBe("https://example.org/done?study=1&cc=ABCDEFGHJK");
  });

  it("posts an MTurk worker's assignment to their HIT's origin, checked again, and nowhere else", async () => {
    const worker = await makeUser();
    await db.participation.create({
      data: { userId: worker.id, platform: "MTURK", assignmentId: "A9", submitTo: "https://workersandbox.mturk.com" },
    });
    expect(await finishRoute(worker.id, "CODE", "https://app.prolific.com/submissions/complete?cc=C1")).toEqual({
      kind: "mturk",
      action: "https://workersandbox.mturk.com/mturk/externalSubmit",
      assignmentId: "A9",
    });
    // An origin no longer allowed (a stand-in's, once its setting is gone) gives no route at all.
    await db.participation.update({ where: { userId: worker.id }, data: { submitTo: "http://127.0.0.1:3190" } });
    expect(await finishRoute(worker.id, "CODE", null)).toBeNull();

    const other = await makeUser();
    expect(await finishRoute(other.id, "CODE", null)).toBeNull();
    expect(await finishRoute(other.id, "CODE", "https://example.org/done")).toEqual({
      kind: "prolific",
      url: "https://example.org/done?cc=CODE",
    });
  });
});
