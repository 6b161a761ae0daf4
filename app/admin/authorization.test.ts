import "@/test/isolated-db";
import { randomInt } from "node:crypto";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { makeUser, testImageFields, TEST_WORLD_ID } from "@/test/fixtures";

// The session is the only thing faked: next-auth's getServerSession returns the persona's id,
// and everything after it (the user row, role and ban checks, the actions) is the real code.
const session = vi.hoisted(() => ({ userId: null as number | null }));
vi.mock("next-auth", async (importOriginal) => ({
  ...(await importOriginal<typeof import("next-auth")>()),
  getServerSession: async () => (session.userId ? { user: { id: session.userId }, expires: "2999-01-01" } : null),
}));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));

const { db } = await import("@/lib/server/db");
const actions = await import("../../lib/admin/actions");
const { GET: exportRoute } = await import("./export/[table]/route");
const { adminOrNotFound } = await import("@/lib/auth/admin-guard");

type Persona = "anonymous" | "participant" | "banned participant" | "admin" | "banned admin";
const personas: Record<Persona, number | null> = { anonymous: null, participant: 0, "banned participant": 0, admin: 0, "banned admin": 0 };

let imageId = 0;
let victimId = 0;
let dayId = 0;

beforeAll(async () => {
  personas.participant = (await makeUser()).id;
  personas["banned participant"] = (await makeUser({ bannedAt: new Date() })).id;
  personas.admin = (await makeUser({ role: "ADMIN" })).id;
  personas["banned admin"] = (await makeUser({ role: "ADMIN", bannedAt: new Date() })).id;
  victimId = (await makeUser()).id;
  const seed = await db.image.create({
    data: { prompt: "seed", status: "SEED", resultKey: "s.png", thumbKey: "s.png", width: 30, height: 20, provider: "bundled", model: "t" },
  });
  const day = await db.day.create({
    data: { worldId: TEST_WORLD_ID, date: new Date(Date.UTC(1100, 0, 1) + randomInt(0, 800 * 365) * 86_400_000), seedImageId: seed.id },
  });
  dayId = day.id;
  imageId = (
    await db.image.create({
      data: {
        dayId,
        parentId: seed.id,
        creatorId: victimId,
        prompt: "p",
        status: "SUBMITTED",
        ...testImageFields,
      },
    })
  ).id;
});

beforeEach(async () => {
  // Every case starts from the same state.
  await db.image.update({ where: { id: imageId }, data: { hiddenAt: null, hiddenReason: null } });
  await db.user.update({ where: { id: victimId }, data: { bannedAt: null, banReason: null } });
});

type Snap = () => Promise<void>;

function form(fields: Record<string, string | number>) {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) f.set(k, String(v));
  return f;
}

const hideFirst = () => db.image.update({ where: { id: imageId }, data: { hiddenAt: new Date(), hiddenReason: "set up" } });
const banFirst = () => db.user.update({ where: { id: victimId }, data: { bannedAt: new Date(), banReason: "set up" } });

const cases = () =>
  [
    ["hide an image", async (snap: Snap) => (await snap(), actions.hideImageAction(form({ imageId, reason: "spam spam" })))],
    ["unhide an image", async (snap: Snap) => (await hideFirst(), await snap(), actions.unhideImageAction(form({ imageId })))],
    ["ban a user", async (snap: Snap) => (await snap(), actions.banUserAction(form({ userId: victimId, reason: "abuse" })))],
    ["unban a user", async (snap: Snap) => (await banFirst(), await snap(), actions.unbanUserAction(form({ userId: victimId })))],
    ["veto the leader", async (snap: Snap) => (await snap(), actions.vetoLeaderAction(form({ dayId, reason: "off topic" })))],
    ["run the rollover", async (snap: Snap) => (await snap(), actions.runRolloverAction(form({})))],
    [
      "change settings",
      async (snap: Snap) => (
        await snap(),
        actions.updateSettingsAction(
          form({
            generationQuota: 5,
            submissionsPerDay: 1,
            minMaskCoverage: 1,
            maxMaskCoverage: 90,
            completionSubmissions: 1,
            completionVotes: 5,
            streakMinVotes: 5,
            leaderboardAfterVotes: 10,
            voteSampleSize: 0,
            hideTalliesUntilVoted: "on",
            hideAuthors: "on",
            randomizeOrder: "on",
          }),
        )
      ),
    ],
  ] as const;

describe("admin authorisation matrix", () => {
  for (const persona of Object.keys(personas) as Persona[]) {
    describe(persona, () => {
      beforeEach(() => {
        session.userId = personas[persona];
      });

      it.each(cases().map(([name, run]) => [name, run] as const))(
        `%s: ${persona === "admin" ? "allowed" : "refused as not found, changing nothing"}`,
        async (_name, run) => {
          const auditBefore = await db.auditLog.count();
          const state = async () => [
            (await db.image.findUniqueOrThrow({ where: { id: imageId } })).hiddenAt?.getTime() ?? null,
            (await db.user.findUniqueOrThrow({ where: { id: victimId } })).bannedAt?.getTime() ?? null,
            await db.setting.count(),
          ];
          let before: unknown[] = [];
          const res = await run(async () => {
            before = await state();
          });
          if (persona === "admin") {
            expect(res, JSON.stringify(res)).toMatchObject({ ok: true });
            expect(await db.auditLog.count()).toBeGreaterThan(auditBefore);
          } else {
            expect(res).toEqual({ ok: false, code: "FORBIDDEN", message: "Not found." });
            expect(await db.auditLog.count()).toBe(auditBefore);
            expect(await state()).toEqual(before);
          }
        },
      );

      it(`the export route ${persona === "admin" ? "streams" : "answers 404"}`, async () => {
        const res = await exportRoute(new Request("http://x/admin/export/votes?format=csv"), {
          params: Promise.resolve({ table: "votes" }),
        });
        expect(res.status).toBe(persona === "admin" ? 200 : 404);
        await res.body?.cancel();
      });

      it(`the admin pages ${persona === "admin" ? "open" : "are not found"}`, async () => {
        if (persona === "admin") await expect(adminOrNotFound()).resolves.toMatchObject({ id: personas.admin });
        else await expect(adminOrNotFound()).rejects.toThrow();
      });
    });
  }
});
