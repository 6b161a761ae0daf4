// Its own database: this starts and ends studies.
import "@/test/isolated-db";
import { describe, expect, it } from "vitest";
import { makeUser, testImageFields } from "@/test/fixtures";
import { makeDay, makeImage } from "@/test/rollover";
import { db } from "../server/db";
import { assignWorld } from "./assignment";
import { getWorldSettings } from "./conditions";
import { startStudy } from "./start-study";
import { worldsOverview } from "./overview";
import { getRunningStudy, getStudy, invalidateStudyCache } from "./studies";
import { changeWorldConditions } from "./change-conditions";

const worlds = [
  { name: "Independent", weight: 1, tallies: "never" as const, order: "random" as const },
  { name: "Social", weight: 2, tallies: "always" as const, order: "score" as const },
];
const refused = (p: Promise<unknown>) => p.then(() => null).catch((e: unknown) => e);

describe("changeWorldConditions", () => {
  it("changes a running world's tallies and order, keeps its other conditions, and records the day it took effect", async () => {
    const admin = await makeUser({ role: "ADMIN" });
    const { seed } = await makeDay(new Date(Date.UTC(1502, 0, 1)));
    const { worldIds } = await startStudy(admin.id, { name: "mid-study", firstSeedImageId: seed.id, worlds });
    const target = worldIds[0]!;
    await db.world.update({
      where: { id: target },
      data: { conditions: JSON.stringify({ tallies: "never", order: "random", allowSelfVoting: true }) },
    });
    const open = await makeDay(new Date(Date.UTC(1502, 5, 7)), target);
    invalidateStudyCache();

    expect(await changeWorldConditions(admin.id, { worldId: target, tallies: "always", order: "score" })).toEqual({
      effectiveDay: "1502-06-07",
    });
    expect(await getWorldSettings(target)).toMatchObject({ tallies: "always", order: "score", allowSelfVoting: true });
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "world.conditions" }, orderBy: { id: "desc" } });
    expect(audit).toMatchObject({ adminId: admin.id, targetType: "world", targetId: String(target) });
    expect(JSON.parse(audit.before!)).toEqual({ tallies: "never", order: "random", allowSelfVoting: true });
    expect(JSON.parse(audit.after!)).toEqual({ tallies: "always", order: "score", allowSelfVoting: true, effectiveDay: "1502-06-07" });
    expect(open.day.status).toBe("OPEN");

    // Only a running study's world, and only by an admin; nothing changes otherwise.
    const refusedChange = (adminId: number, worldId: number) =>
      refused(changeWorldConditions(adminId, { worldId, tallies: "never", order: "newest" }));
    expect(await refusedChange((await makeUser()).id, target)).toMatchObject({ code: "FORBIDDEN" });
    expect(await refusedChange(admin.id, 1)).toMatchObject({ code: "NOT_FOUND" }); // study 1's world: that study has ended
    expect(await refusedChange(admin.id, 2_000_000_000)).toMatchObject({ code: "NOT_FOUND" });
    expect(await getWorldSettings(target)).toMatchObject({ tallies: "always", order: "score" });
  });
});

describe("every condition through the forms", () => {
  it("starts a world with its own switches, quota and mask bounds, and changes them back to the settings with null", async () => {
    const admin = await makeUser({ role: "ADMIN" });
    const { seed } = await makeDay(new Date(Date.UTC(1503, 0, 1)));
    const own = { hideAuthors: false, allowSelfVoting: true, generationQuota: 3, minMaskCoverage: 0.1, maxMaskCoverage: 0.5 };
    const { worldIds } = await startStudy(admin.id, {
      name: "all conditions",
      firstSeedImageId: seed.id,
      worlds: [{ name: "Own", weight: 1, tallies: "always", order: "newest", ...own }, worlds[0]!],
    });
    const [target, plain] = worldIds as [number, number];
    expect(await getWorldSettings(target)).toMatchObject({ tallies: "always", order: "newest", submissionsPerDay: 1, ...own });
    // A world given only tallies and order plays by the settings for the rest.
    expect(await getWorldSettings(plain)).toMatchObject({ hideAuthors: true, allowSelfVoting: false, generationQuota: 10 });

    await changeWorldConditions(admin.id, {
      worldId: target,
      tallies: "never",
      order: "score",
      generationQuota: null,
      submissionsPerDay: 4,
    });
    expect(await getWorldSettings(target)).toMatchObject({
      tallies: "never",
      order: "score",
      generationQuota: 10,
      submissionsPerDay: 4,
      hideAuthors: false,
      minMaskCoverage: 0.1,
      maxMaskCoverage: 0.5,
    });
    const stored = JSON.parse((await db.world.findUniqueOrThrow({ where: { id: target } })).conditions!);
    expect(stored).not.toHaveProperty("generationQuota");
  });
});

describe("startStudy", () => {
  it("ends the running study (its open day closed with its figures) and starts the next with its worlds from one picture", async () => {
    const admin = await makeUser({ role: "ADMIN" });
    const before = await getRunningStudy();
    const { day, seed } = await makeDay(new Date(Date.UTC(1500, 0, 1)), before.worlds[0]!.id);
    await makeImage(day, { up: 2 });

    const { studyId, worldIds } = await startStudy(admin.id, { name: "Herding, wave 2", firstSeedImageId: seed.id, worlds });
    // The condition the old world played under: its own conditions over the default settings.
    const c = JSON.parse((await db.world.findUniqueOrThrow({ where: { id: before.worlds[0]!.id } })).conditions ?? "{}");
    const played =
      `tallies=${c.tallies ?? "afterVote"};order=${c.order ?? "random"};hideAuthors=${c.hideAuthors ?? true};allowSelfVoting=${c.allowSelfVoting ?? false};` +
      `generationQuota=${c.generationQuota ?? 10};submissionsPerDay=${c.submissionsPerDay ?? 1};minMaskCoverage=${c.minMaskCoverage ?? 0.01};maxMaskCoverage=${c.maxMaskCoverage ?? 0.9}`;

    expect(await db.study.findUniqueOrThrow({ where: { id: before.id } })).toMatchObject({ status: "ENDED", endedAt: expect.any(Date) });
    expect(await db.day.findUniqueOrThrow({ where: { id: day.id } })).toMatchObject({
      status: "CLOSED",
      winnerImageId: null,
      totalSubmissions: 1,
      condition: played,
    });
    // The ended study stays browsable: its world, the condition it played under, its lineage from its seed.
    const past = await worldsOverview(before.id);
    expect(past.studyName).toBe(before.name);
    const earliest = await db.day.findFirstOrThrow({ where: { worldId: before.worlds[0]!.id }, orderBy: { date: "asc" } });
    // Its second world never opened a day: nothing played, no strip.
    expect(past.worlds.map((w) => [w.id, w.today, w.played, w.strip[0]?.image.id])).toEqual([
      [before.worlds[0]!.id, null, [played], earliest.seedImageId],
      [before.worlds[1]!.id, null, [], undefined],
    ]);
    await expect(getStudy(2_000_000_000)).rejects.toMatchObject({ code: "NOT_FOUND" });
    const running = await getRunningStudy();
    expect(running).toMatchObject({ id: studyId, name: "Herding, wave 2" });
    expect(running.worlds.map((w) => [w.id, w.position, w.name, w.weight, w.firstSeedImageId])).toEqual([
      [worldIds[0], 1, "Independent", 1, seed.id],
      [worldIds[1], 2, "Social", 2, seed.id],
    ]);
    expect(await getWorldSettings(worldIds[1]!)).toMatchObject({ tallies: "always", order: "score" });
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "study.start" }, orderBy: { id: "desc" } });
    expect(audit).toMatchObject({ adminId: admin.id, targetType: "study", targetId: String(studyId) });
    // Everyone is placed afresh in the new study.
    const p = await makeUser();
    expect(worldIds).toContain(await assignWorld(p.id));
  });

  it("refuses a participant, a picture that was never a day's seed or winner, or a hidden one, and changes nothing", async () => {
    const admin = await makeUser({ role: "ADMIN" });
    const { day, seed } = await makeDay(new Date(Date.UTC(1501, 0, 1)));
    const plain = await makeImage(day);
    const hiddenSeed = await db.image.create({ data: { prompt: "s", status: "SEED", hiddenAt: new Date(), ...testImageFields } });
    const running = await getRunningStudy();
    const input = (firstSeedImageId: number) => ({ name: "x", firstSeedImageId, worlds });
    expect(await refused(startStudy((await makeUser()).id, input(seed.id)))).toMatchObject({ code: "FORBIDDEN" });
    for (const id of [plain.id, hiddenSeed.id, 2_000_000_000])
      expect(await refused(startStudy(admin.id, input(id)))).toMatchObject({ code: "NOT_FOUND" });
    expect((await getRunningStudy()).id).toBe(running.id);
    expect(await db.study.count({ where: { status: "RUNNING" } })).toBe(1);
  });
});
