// Its own database: an export is the whole table, so no other file's rows may appear in it.
import "@/test/isolated-db";
import { createHmac } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestStudy } from "@/test/worlds";
import { castVote, closeDayAs, makeAdmin, makeImage, makeOldDay, oldDate } from "@/test/admin";
import { makeDay } from "@/test/rollover";
import { collect, parseCsv } from "@/test/csv";
import { makeUser } from "@/test/fixtures";
import { keyFromDate } from "@/lib/server/clock";
import { db } from "@/lib/server/db";
import { resetEnvForTests } from "@/lib/server/env";
import { getSettings } from "@/lib/settings/settings";
import { recordAudit } from "../admin/audit";
import { exportTable, type ExportTable } from "./export";
import { EXPORT_TABLE_NAMES } from "./export-columns";
import { inequalityByDay } from "./inequality";
import { skillTable } from "./skill";
import { flagImage } from "../moderation/flags";
import { hideImage } from "../moderation/moderation";

const SALT = "export-test-salt-0123456789";
const hmac = (pid: string) => createHmac("sha256", Buffer.from(SALT, "utf8")).update(pid).digest("hex");
type Value = string | number | boolean | Date | null;

/** What the CSV should hold for a value (docs/data-dictionary.md, "Formats"). */
function cell(v: Value): string {
  if (v === null) return "";
  if (v instanceof Date) return v.toISOString();
  if (typeof v === "string") return /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
  return String(v);
}

/**
 * Each day's study, world and condition, computed here: a closed day's condition as recorded, an
 * open day's from its world's stored conditions over the settings (each key left out is the setting).
 */
async function scopes() {
  const s = await getSettings();
  const days = await db.day.findMany({ include: { world: true } });
  const byDay = new Map(
    days.map((d) => {
      const c = JSON.parse(d.world.conditions ?? "{}") as Record<string, string | boolean | undefined>;
      const open =
        `tallies=${c.tallies ?? (s.hideTalliesUntilVoted ? "afterVote" : "always")};order=${c.order ?? (s.randomizeOrder ? "random" : "newest")};` +
        `hideAuthors=${c.hideAuthors ?? s.hideAuthors};allowSelfVoting=${c.allowSelfVoting ?? s.allowSelfVoting};` +
        `generationQuota=${c.generationQuota ?? s.generationQuota};submissionsPerDay=${c.submissionsPerDay ?? s.submissionsPerDay};` +
        `minMaskCoverage=${c.minMaskCoverage ?? s.minMaskCoverage};maxMaskCoverage=${c.maxMaskCoverage ?? s.maxMaskCoverage}`;
      return [d.id, { studyId: d.world.studyId, worldId: d.worldId, condition: d.status === "OPEN" ? open : d.condition }];
    }),
  );
  return (dayId: number | null) => byDay.get(dayId ?? 0) ?? { studyId: null, worldId: null, condition: null };
}

/** The engine columns of an image, read from its recorded parameters here (lib/imagegen/params.ts). */
function engineColumns(text: string | null): Record<string, Value> {
  const p = text ? (JSON.parse(text) as Record<string, string | number | boolean | null>) : {};
  const sd = p.engine === "sdwebui";
  const of = (key: string) => (sd ? (p[key] ?? null) : null);
  return {
    engineParams: text,
    engineCheckpoint: of("checkpoint"),
    engineCheckpointHash: of("checkpointHash"),
    engineSeed: of("seed"),
    engineSampler: of("sampler"),
    engineScheduler: of("scheduler"),
    engineSteps: of("steps"),
    engineCfgScale: of("cfgScale"),
    engineDenoisingStrength: of("denoisingStrength"),
    engineInpaintingFill: of("inpaintingFill"),
    engineInpaintFullRes: of("inpaintFullRes"),
    engineInpaintPadding: of("inpaintPadding"),
    engineMaskBlur: of("maskBlur"),
    engineSize: sd ? `${String(p.width)}x${String(p.height)}` : p.engine === "openai" ? (p.size as string) : null,
    engineServerVersion: of("serverVersion"),
  };
}

/** `row` with the scope's columns put right after `key`, where the export has them. */
function withScope<R extends object>(row: R, key: keyof R, scope: object): Record<string, Value> {
  return Object.fromEntries(Object.entries(row).flatMap(([k, v]) => (k === key ? [[k, v], ...Object.entries(scope)] : [[k, v]])));
}

/** Every table as the database holds it, id order, in the export's columns (computed independently). */
async function expected(table: ExportTable, raw = false, studyId?: number): Promise<Record<string, Value>[]> {
  const scope = await scopes();
  switch (table) {
    case "users":
      return (await db.user.findMany({ orderBy: { id: "asc" }, include: { accounts: true, participation: true } })).map((u) => ({
        id: u.id,
        ...(raw ? { participantId: u.participantId } : { participantHash: u.participantId && hmac(u.participantId) }),
        signIn: u.participantId
          ? "participant-id"
          : u.accounts
              .map((a) => a.provider)
              .sort()
              .join("+") || null,
        role: u.role,
        createdAt: u.createdAt,
        bannedAt: u.bannedAt,
        banReason: u.banReason,
        platform: u.participation?.platform ?? null,
        ...(raw
          ? {
              studyId: u.participation?.studyId ?? null,
              sessionId: u.participation?.sessionId ?? null,
              hitId: u.participation?.hitId ?? null,
              assignmentId: u.participation?.assignmentId ?? null,
            }
          : {}),
        completedAt: u.participation?.completedAt ?? null,
        // Only an issued code, never one derived for someone who did not finish.
        completionCode: u.participation?.completedAt ? u.participation.completionCode : null,
      }));
    case "days":
      return (await db.day.findMany({ orderBy: { id: "asc" } })).map((d) => ({
        id: d.id,
        studyId: scope(d.id).studyId,
        worldId: d.worldId,
        condition: scope(d.id).condition,
        date: keyFromDate(d.date),
        status: d.status,
        seedImageId: d.seedImageId,
        winnerImageId: d.winnerImageId,
        openedAt: d.openedAt,
        closedAt: d.closedAt,
        totalParticipants: d.totalParticipants,
        totalSubmissions: d.totalSubmissions,
        totalVotes: d.totalVotes,
      }));
    case "images":
      return (await db.image.findMany({ orderBy: { id: "asc" } })).map((i) => ({
        id: i.id,
        dayId: i.dayId,
        ...scope(i.dayId),
        parentId: i.parentId,
        creatorId: i.creatorId,
        status: i.status,
        prompt: i.prompt,
        provider: i.provider,
        model: i.model,
        modelRequested: i.modelRequested,
        width: i.width,
        height: i.height,
        maskCoverage: i.maskCoverage,
        ...engineColumns(i.engineParams),
        engineMs: i.engineMs,
        totalMs: i.totalMs,
        locale: i.locale,
        upvotes: i.upvotes,
        downvotes: i.downvotes,
        createdAt: i.createdAt,
        submittedAt: i.submittedAt,
        hidden: i.hiddenAt !== null,
        hiddenAt: i.hiddenAt,
        hiddenReason: i.hiddenReason,
      }));
    case "votes":
      return (await db.vote.findMany({ orderBy: { id: "asc" }, include: { image: true } })).map((v) => ({
        id: v.id,
        userId: v.userId,
        imageId: v.imageId,
        dayId: v.image.dayId,
        ...scope(v.image.dayId),
        value: v.value,
        position: v.position,
        talliesVisible: v.talliesVisible,
        locale: v.locale,
        createdAt: v.createdAt,
        updatedAt: v.updatedAt,
      }));
    case "voteEvents":
      return (await db.voteEvent.findMany({ orderBy: { id: "asc" } })).map((e) => withScope(e, "dayId", scope(e.dayId)));
    // The computed exports: what the analyses (tested against hand-computed values in their own
    // files) give, one row per participant or day, by id.
    case "skill": {
      const t = await skillTable({ studyId });
      return t.rows
        .map((r) => ({
          id: r.userId,
          days: r.days,
          submissions: r.submissions,
          values: r.values.join(" "),
          skill: r.skill,
          ciLow: r.ci?.low ?? null,
          ciHigh: r.ci?.high ?? null,
          seed: t.seed,
          resamples: t.resamples,
        }))
        .sort((a, b) => a.id - b.id);
    }
    case "dayInequality":
      return (await inequalityByDay()).days.map(({ dayId, ...d }) => ({ id: dayId, ...scope(dayId), ...d })).sort((a, b) => a.id - b.id);
    case "studies":
      return db.study.findMany({ orderBy: { id: "asc" } });
    case "worlds":
      return db.world.findMany({ orderBy: { id: "asc" } });
    case "assignments":
      return db.assignment.findMany({ orderBy: { id: "asc" } });
    case "submissionEvents":
      return (await db.submissionEvent.findMany({ orderBy: { id: "asc" } })).map((e) => withScope(e, "dayId", scope(e.dayId)));
    case "exposures":
      return (await db.exposure.findMany({ orderBy: { id: "asc" } })).map((e) => withScope(e, "dayId", scope(e.dayId)));
    case "flags":
      return (await db.flag.findMany({ orderBy: { id: "asc" }, include: { image: { select: { dayId: true } } } })).map(({ image, ...f }) =>
        withScope(f, "imageId", scope(image.dayId)),
      );
    case "audit":
      return db.auditLog.findMany({
        orderBy: { id: "asc" },
        select: {
          id: true,
          createdAt: true,
          adminId: true,
          action: true,
          targetType: true,
          targetId: true,
          reason: true,
          before: true,
          after: true,
        },
      });
  }
}

const TABLES: readonly ExportTable[] = EXPORT_TABLE_NAMES;

beforeAll(() => {
  process.env.EXPORT_HASH_SALT = SALT;
  resetEnvForTests();
});
afterAll(() => {
  delete process.env.EXPORT_HASH_SALT;
  resetEnvForTests();
});

describe("exportTable", () => {
  it("writes a header only, or an empty array, for an empty table", async () => {
    expect(await collect(await exportTable("flags", "csv"))).toBe("id,imageId,studyId,worldId,condition,userId,reason,createdAt\r\n");
    expect(JSON.parse(await collect(await exportTable("flags", "json")))).toEqual([]);
  });

  it("matches the database row for row, in CSV and JSON, across batch boundaries", async () => {
    const admin = await makeAdmin();
    await db.account.createMany({
      data: [
        { userId: admin.id, provider: "google", providerAccountId: "g1" },
        { userId: admin.id, provider: "github", providerAccountId: "h1" },
      ],
    });
    await db.user.update({ where: { id: admin.id }, data: { participantId: null } });
    const rude = await makeUser();
    const voter = await makeUser();
    const { day } = await makeOldDay();
    const { day: open } = await makeOldDay();
    const tricky = await makeImage(day, { creatorId: rude.id });
    await db.image.update({
      where: { id: tricky.id },
      data: {
        prompt: '=HYPERLINK("http://evil.example","click"), then a "quote"\r\nand a new line',
        maskCoverage: 0.25,
        engineMs: 812,
        totalMs: 1500,
      },
    });
    const cafe = await makeImage(day);
    // Made by a self-hosted engine, with what determined it recorded (lib/imagegen/params.ts).
    const sdParams = {
      engine: "sdwebui",
      checkpoint: "sd-v1-5-inpainting",
      checkpointHash: "1a2b3c4d5e",
      seed: 4_000_000_001,
      sampler: "DPM++ 2M",
      scheduler: "Karras",
      steps: 30,
      cfgScale: 7.5,
      denoisingStrength: 0.75,
      inpaintingFill: "original",
      inpaintFullRes: false,
      inpaintPadding: 32,
      maskBlur: 4,
      width: 1024,
      height: 704,
      serverVersion: "v1.10.1",
    };
    await db.image.update({
      where: { id: cafe.id },
      data: { prompt: "Café 東京, -minus at start? no: here", maskCoverage: 0.5, engineParams: JSON.stringify(sdParams) },
    });
    // A second eligible submission on the closed day, so it is ranked (the skill export has rows).
    await makeImage(day, { creatorId: voter.id, up: 1 });
    const withdrawn = await makeImage(open, { draft: true, creatorId: voter.id });
    await db.submissionEvent.createMany({
      data: [
        { imageId: withdrawn.id, userId: voter.id, dayId: open.id, action: "SUBMIT" },
        { imageId: withdrawn.id, userId: voter.id, dayId: open.id, action: "WITHDRAW" },
      ],
    });
    await castVote(voter.id, tricky.id, -1);
    await castVote(voter.id, cafe.id, 1);
    await castVote(admin.id, cafe.id, 1);
    await db.vote.updateMany({ where: { userId: voter.id }, data: { position: 3, talliesVisible: true } });
    await db.exposure.createMany({
      data: [
        { userId: voter.id, imageId: tricky.id, dayId: day.id, position: 3 },
        { userId: voter.id, imageId: cafe.id, dayId: day.id, position: 0, sampled: true },
        { userId: admin.id, imageId: cafe.id, dayId: day.id, position: 1 },
      ],
    });
    await flagImage(voter.id, tricky.id, '-looks like spam, "clearly"');
    await hideImage(admin.id, tricky.id, "@everyone, formula-looking reason");
    await closeDayAs(day.id, cafe.id, { totalParticipants: 3, totalSubmissions: 2, totalVotes: 3 });
    await recordAudit(db, {
      adminId: admin.id,
      action: "settings",
      targetType: "settings",
      targetId: null,
      before: { a: "x,y" },
      after: { a: '"z"' },
    });
    await db.user.update({ where: { id: rude.id }, data: { bannedAt: new Date(), banReason: "+spam, again\nand again" } });
    // A participant placed in study 1's world by a link (the assignments export has a row of its own).
    await db.assignment.create({ data: { userId: (await makeUser()).id, studyId: 1, worldId: 1, method: "LINK" } });
    // One finished Prolific participant, one MTurk worker who arrived and did not finish.
    await db.participation.create({
      data: {
        userId: voter.id,
        platform: "PROLIFIC",
        studyId: "s1",
        sessionId: "x1",
        completedAt: new Date(),
        completionCode: "ABCDEFGHJK",
      },
    });
    await db.participation.create({
      data: { userId: rude.id, platform: "MTURK", hitId: "H1", assignmentId: "A1", submitTo: "https://www.mturk.com" },
    });

    for (const table of TABLES) {
      const want = await expected(table);
      for (const batchSize of [1, 2, 2000]) {
        const chunks: string[] = [];
        for await (const c of await exportTable(table, "csv", { batchSize })) chunks.push(c);
        for (const c of chunks) expect(c.endsWith("\r\n")).toBe(true); // whole records per chunk
        const [header, ...records] = parseCsv(chunks.join(""));
        expect(header).toEqual(Object.keys(want[0]!));
        expect(records).toEqual(want.map((row) => Object.values(row).map(cell)));
        const json = JSON.parse(await collect(await exportTable(table, "json", { batchSize })));
        expect(json).toEqual(JSON.parse(JSON.stringify(want)));
      }
    }
    const wantRaw = await expected("users", true);
    const [rawHeader, ...rawUsers] = parseCsv(await collect(await exportTable("users", "csv", { raw: true })));
    expect(rawHeader).toEqual(Object.keys(wantRaw[0]!));
    expect(rawUsers).toEqual(wantRaw.map((row) => Object.values(row).map(cell)));
    expect(rawUsers.filter((r) => r.at(-1) !== "").map((r) => r[0])).toEqual([String(voter.id)]);
    // The tricky cells really were tricky.
    const [imageHeader, ...images] = parseCsv(await collect(await exportTable("images", "csv")));
    expect(images.find((r) => r[0] === String(tricky.id))?.[imageHeader!.indexOf("prompt")]).toMatch(
      /^'=HYPERLINK\("http:\/\/evil.example","click"\), then a "quote"\r\nand/,
    );
  });

  it("replaces participant ids with a keyed hash unless raw, and keys it from NEXTAUTH_SECRET without a salt", async () => {
    const user = await makeUser();
    const row = async (raw: boolean) => {
      const [header, ...rows] = parseCsv(await collect(await exportTable("users", "csv", { raw })));
      const found = rows.find((r) => r[0] === String(user.id));
      return Object.fromEntries(header!.map((h, i) => [h, found?.[i]]));
    };
    expect(await row(false)).toMatchObject({ participantHash: hmac(user.participantId!) });
    expect(await row(false)).not.toHaveProperty("participantId");
    expect(await row(true)).toMatchObject({ participantId: user.participantId });
    expect(await row(true)).not.toHaveProperty("participantHash");
    expect(await collect(await exportTable("users", "csv"))).not.toContain(user.participantId!);

    delete process.env.EXPORT_HASH_SALT;
    resetEnvForTests();
    const derived = (await row(false)).participantHash;
    expect(derived).toMatch(/^[0-9a-f]{64}$/);
    expect(derived).not.toBe(hmac(user.participantId!));
    expect((await row(false)).participantHash).toBe(derived);
    process.env.EXPORT_HASH_SALT = SALT;
    resetEnvForTests();
  });

  it("records the interface language of votes and images, and exports one language on request", async () => {
    const { day } = await makeOldDay();
    await db.day.update({ where: { id: day.id }, data: { status: "OPEN" } });
    const creator = await makeUser();
    const es = await makeImage(day);
    await db.image.update({ where: { id: es.id }, data: { locale: "es", creatorId: creator.id } });
    const ar = await makeImage(day);
    await db.image.update({ where: { id: ar.id }, data: { locale: "ar" } });
    const voter = await makeUser();
    const { setVote } = await import("@/lib/voting/votes");
    await setVote({ userId: voter.id, imageId: es.id, value: 1, locale: "ar" });
    await setVote({ userId: voter.id, imageId: ar.id, value: -1, locale: "es" });
    const records = async (table: ExportTable, locale: string) => {
      const [header, ...rows] = parseCsv(await collect(await exportTable(table, "csv", { locale })));
      return rows.map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i]])));
    };
    expect((await records("votes", "ar")).map((r) => [r.imageId, r.locale])).toEqual([[String(es.id), "ar"]]);
    expect((await records("images", "es")).map((r) => [r.id, r.locale])).toEqual([[String(es.id), "es"]]);
    // Tables without a language are not filtered.
    expect((await records("days", "es")).length).toBe(await db.day.count());
  });

  it("limits every table but the audit log to one study, each row carrying its study, world and condition", async () => {
    const { day: before } = await makeOldDay();
    const firstSeed = before.seedImageId;
    const { studyId, worldIds } = await startTestStudy(
      [
        { name: "A", firstSeedImageId: firstSeed, conditions: { tallies: "never", order: "score" } },
        { name: "B", firstSeedImageId: firstSeed, conditions: { tallies: "always", hideAuthors: false } },
      ],
      "two worlds",
    );
    const study = { id: studyId };
    const [a, b] = worldIds as [number, number];
    const voter = await makeUser();
    await db.assignment.create({ data: { userId: voter.id, studyId: study.id, worldId: a, method: "RANDOM" } });
    const { day: closedA } = await makeDay(oldDate(), a);
    const { day: openA } = await makeDay(oldDate(), a);
    const { day: openB } = await makeDay(oldDate(), b);
    const [x, y, z] = [await makeImage(closedA, { up: 1 }), await makeImage(openA), await makeImage(openB)];
    const old = await makeImage(before);
    for (const image of [x, y, z, old]) await castVote(voter.id, image.id, 1);
    await closeDayAs(closedA.id, x.id);
    await db.day.update({
      where: { id: closedA.id },
      data: {
        condition:
          "tallies=never;order=score;hideAuthors=true;allowSelfVoting=false;generationQuota=10;submissionsPerDay=1;minMaskCoverage=0.01;maxMaskCoverage=0.9",
      },
    });
    await db.exposure.createMany({ data: [y, z, old].map((i) => ({ userId: voter.id, imageId: i.id, dayId: i.dayId!, position: 0 })) });
    await db.submissionEvent.createMany({
      data: [y, old].map((i) => ({ imageId: i.id, userId: i.creatorId!, dayId: i.dayId!, action: "SUBMIT" as const })),
    });
    await db.flag.createMany({ data: [z, old].map((i) => ({ imageId: i.id, userId: voter.id, reason: "spam" })) });

    const assigned = new Set((await db.assignment.findMany({ where: { studyId: study.id } })).map((x) => x.userId));
    const belongs: Record<ExportTable, (row: Record<string, Value>) => boolean> = {
      users: (r) => assigned.has(r.id as number),
      studies: (r) => r.id === study.id,
      worlds: (r) => r.studyId === study.id,
      assignments: (r) => r.studyId === study.id,
      audit: () => true,
      skill: () => true,
      // A study's images are its days' and the first seed its worlds start from.
      images: (r) => r.studyId === study.id || r.id === firstSeed,
      days: (r) => r.studyId === study.id,
      votes: (r) => r.studyId === study.id,
      voteEvents: (r) => r.studyId === study.id,
      submissionEvents: (r) => r.studyId === study.id,
      exposures: (r) => r.studyId === study.id,
      flags: (r) => r.studyId === study.id,
      dayInequality: (r) => r.studyId === study.id,
    };
    for (const table of TABLES) {
      const all = await expected(table, false, table === "skill" ? study.id : undefined);
      const want = all.filter(belongs[table]);
      const got = JSON.parse(await collect(await exportTable(table, "json", { studyId: study.id, batchSize: 2 })));
      expect(got, table).toEqual(JSON.parse(JSON.stringify(want)));
      if (!["audit", "skill"].includes(table)) expect(want.length, table).toBeLessThan(all.length);
    }
    // Each row says its world and the condition: recorded for the closed day, the world's own for an open one.
    const votes = JSON.parse(await collect(await exportTable("votes", "json", { studyId: study.id }))) as Record<string, Value>[];
    expect(votes.map((v) => [v.imageId, v.worldId, v.condition])).toEqual([
      [
        x.id,
        a,
        "tallies=never;order=score;hideAuthors=true;allowSelfVoting=false;generationQuota=10;submissionsPerDay=1;minMaskCoverage=0.01;maxMaskCoverage=0.9",
      ],
      [
        y.id,
        a,
        "tallies=never;order=score;hideAuthors=true;allowSelfVoting=false;generationQuota=10;submissionsPerDay=1;minMaskCoverage=0.01;maxMaskCoverage=0.9",
      ],
      [
        z.id,
        b,
        "tallies=always;order=random;hideAuthors=false;allowSelfVoting=false;generationQuota=10;submissionsPerDay=1;minMaskCoverage=0.01;maxMaskCoverage=0.9",
      ],
    ]);
  });

  it("refuses an unknown table, format or study", async () => {
    await expect(exportTable("passwords" as ExportTable, "csv")).rejects.toMatchObject({
      code: "NOT_FOUND",
      detail: { code: "UNKNOWN_TABLE" },
    });
    await expect(exportTable("votes", "xml" as "csv")).rejects.toMatchObject({ code: "INVALID" });
    await expect(exportTable("votes", "csv", { studyId: 999_999 })).rejects.toMatchObject({
      code: "NOT_FOUND",
      detail: { code: "UNKNOWN_STUDY" },
    });
  });
});
