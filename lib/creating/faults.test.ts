// Fault injection, end to end through the lib code the actions call: the image engine times out,
// answers 500 or 429 until we give up, refuses, or rejects the operator's account or key; storage
// fails on put and on get; the database drops every connection mid-request. In each case the
// user gets a clear error, the quota is refunded, no Image row and no file is left, and the very
// next request succeeds.
import "@/test/isolated-db";
import mariadb from "mariadb";
import { describe, expect, it } from "vitest";
import { makeOpenDay, makeUser, rectMask } from "@/test/fixtures";
import { db } from "../server/db";
import { connectionFromUrl } from "../server/db-url";
import { getEnv } from "../server/env";
import { generateAttempt } from "./generation";
import { createOfflineEngine } from "../imagegen/offline";
import { createOpenAIEngine } from "../imagegen/openai";
import type { ImageEngine } from "../imagegen/types";
import type { Storage } from "../storage";
import { setVote } from "../voting/votes";
import { englishOf } from "@/test/error-text";
import { generationHarness, notFlagged } from "@/test/generation-harness";

const W = 384;
const H = 256;
const h = generationHarness();

/** Kills every connection the app holds to this file's database, as a restart or failover would. */
async function killAppConnections(spare?: number | null): Promise<number> {
  const conn = await mariadb.createConnection({ ...connectionFromUrl(getEnv().DATABASE_URL), database: undefined });
  try {
    const name = new URL(getEnv().DATABASE_URL).pathname.slice(1);
    const rows = (await conn.query("SELECT ID FROM information_schema.PROCESSLIST WHERE DB = ? AND ID <> CONNECTION_ID() AND ID <> ?", [
      name,
      spare ?? 0,
    ])) as { ID: bigint | number }[];
    for (const r of rows) await conn.query(`KILL CONNECTION ${Number(r.ID)}`).catch(() => {});
    return rows.length;
  } finally {
    await conn.end();
  }
}

const openai = (timeoutMs = 2000) =>
  createOpenAIEngine({ apiKey: "sk-test", baseURL: h.fake.url, model: "gpt-image-2", timeoutMs, maxAttempts: 3, backoffMs: 5 });

type Fault = {
  name: string;
  code: string;
  message: RegExp;
  engine?: () => ImageEngine;
  storage?: (s: Storage) => Storage;
  before?: () => void;
};

const faults: Fault[] = [
  {
    name: "the engine times out",
    code: "TIMEOUT",
    message: /did not finish within/,
    engine: () => openai(300),
    before: () => h.fake.script([1, 2, 3].map(() => ({ status: 200 as const, delayMs: 3000 }))),
  },
  {
    name: "the engine answers 500 until we give up",
    code: "UNAVAILABLE",
    message: /unavailable|try again/i,
    engine: () => openai(),
    before: () => h.fake.script([1, 2, 3].map(() => ({ status: 500 as const }))),
  },
  {
    name: "the engine answers 429 until we give up",
    code: "RATE_LIMITED",
    message: /busy|try again|limit/i,
    engine: () => openai(),
    before: () => h.fake.script([1, 2, 3].map(() => ({ status: 429 as const, retryAfter: 0 }))),
  },
  {
    name: "the OpenAI account is out of credit",
    code: "MISCONFIGURED",
    message: /unavailable right now/,
    engine: () => openai(),
    before: () => h.fake.script([{ status: 429, code: "insufficient_quota" }]),
  },
  {
    name: "the OpenAI key is revoked",
    code: "MISCONFIGURED",
    message: /unavailable right now/,
    engine: () =>
      createOpenAIEngine({ apiKey: "sk-revoked-0000", baseURL: h.fake.url, model: "gpt-image-2", timeoutMs: 2000, backoffMs: 5 }),
  },
  {
    name: "the engine refuses the request",
    code: "REFUSED",
    message: /declined this request/,
    engine: () => openai(),
    before: () => h.fake.script([{ status: 400, code: "moderation_blocked" }]),
  },
  {
    name: "storage fails on put",
    code: "STORAGE",
    message: /could not save your picture/,
    storage: (s) => ({
      ...s,
      put: async (k, b, t) => (k.endsWith("raw.png") ? Promise.reject(new Error("EIO: disk failure")) : s.put(k, b, t)),
    }),
  },
  {
    name: "storage fails on get",
    code: "UNAVAILABLE",
    message: /could not be loaded/,
    storage: (s) => ({ ...s, get: async () => Promise.reject(new Error("ECONNRESET from the bucket")) }),
  },
  {
    name: "the database drops every connection mid-request",
    code: "UNAVAILABLE",
    message: /database is briefly unavailable/,
    // Idle connections that die are replaced by the pool unnoticed, so the kill must land while
    // a statement is in flight: another session holds the day's row, the generation's final
    // transaction waits for it, and then every connection of the app is killed.
    engine: () => {
      const offline = createOfflineEngine();
      return {
        ...offline,
        edit: async (req) => {
          const blocker = await mariadb.createConnection(connectionFromUrl(getEnv().DATABASE_URL));
          await blocker.beginTransaction();
          await blocker.query("SELECT id FROM Day FOR UPDATE");
          setTimeout(async () => {
            await killAppConnections(blocker.threadId);
            await blocker.rollback();
            await blocker.end();
          }, 700);
          return offline.edit(req);
        },
      };
    },
  },
];

async function generationsUsed(userId: number, dayId: number) {
  return (await db.userDayUsage.findUnique({ where: { userId_dayId: { userId, dayId } } }))?.generations ?? 0;
}

describe("a generation under a fault", () => {
  for (const fault of faults) {
    it(`${fault.name}: a clear error, quota refunded, nothing left behind, and the next request works`, async () => {
      const user = await makeUser();
      const { day } = await makeOpenDay(h.store.storage, { width: W, height: H });
      const mask = await rectMask(W, H, { x: 60, y: 40, w: 120, h: 90 });
      const filesBefore = (await h.store.files()).sort();
      const imagesBefore = await db.image.count();
      fault.before?.();
      const deps = {
        engine: fault.engine?.() ?? createOfflineEngine(),
        storage: fault.storage?.(h.store.storage) ?? h.store.storage,
        moderate: notFlagged,
      };
      const err = await generateAttempt({ userId: user.id, dayId: day.id, prompt: "a lighthouse", mask }, deps).catch((e: unknown) => e);
      expect(err).toMatchObject({ code: fault.code });
      expect(englishOf(err)).toMatch(fault.message);
      expect(await generationsUsed(user.id, day.id)).toBe(0);
      expect(await db.image.count()).toBe(imagesBefore);
      expect((await h.store.files()).sort()).toEqual(filesBefore);

      const image = await generateAttempt(
        { userId: user.id, dayId: day.id, prompt: "a lighthouse", mask },
        { engine: createOfflineEngine(), storage: h.store.storage, moderate: notFlagged },
      );
      expect(image.id).toBeGreaterThan(0);
      expect(await generationsUsed(user.id, day.id)).toBe(1);
    });
  }
});

describe("logs", () => {
  it("are one JSON line per event, with ids and timings, and never a prompt's text", async () => {
    const lines: string[] = [];
    const capture = (...args: unknown[]) => void lines.push(args.map(String).join(" "));
    const [log, error] = [console.log, console.error];
    console.log = capture;
    console.error = capture;
    const secretPrompt = "a private prompt about my neighbour's garden";
    try {
      const user = await makeUser();
      const { day } = await makeOpenDay(h.store.storage, { width: W, height: H });
      const mask = await rectMask(W, H, { x: 60, y: 40, w: 120, h: 90 });
      const ok = await generateAttempt(
        { userId: user.id, dayId: day.id, prompt: secretPrompt, mask },
        { engine: createOfflineEngine(), storage: h.store.storage, moderate: notFlagged },
      );
      const broken = { ...h.store.storage, put: async () => Promise.reject(new Error("EIO")) };
      await generateAttempt(
        { userId: user.id, dayId: day.id, prompt: secretPrompt, mask },
        { engine: createOfflineEngine(), storage: broken, moderate: notFlagged },
      ).catch(() => {});
      expect(lines.length).toBeGreaterThanOrEqual(2);
      for (const line of lines) {
        expect(line).not.toContain(secretPrompt);
        const entry = JSON.parse(line) as Record<string, unknown>;
        expect(entry).toHaveProperty("level");
        expect(entry).toHaveProperty("msg");
      }
      const generation = lines.map((l) => JSON.parse(l) as Record<string, unknown>).find((e) => e.msg === "generation");
      expect(generation).toMatchObject({ imageId: ok.id, userId: user.id, dayId: day.id, promptLength: secretPrompt.length });
      expect(typeof generation?.totalMs).toBe("number");
    } finally {
      console.log = log;
      console.error = error;
    }
  });
});

describe("votes when the database drops its connections", () => {
  it("go through on fresh connections, with exact counters", async () => {
    const { day } = await makeOpenDay(h.store.storage, { width: W, height: H });
    const creator = await makeUser();
    const image = await db.image.create({
      data: {
        dayId: day.id,
        parentId: day.seedImageId,
        creatorId: creator.id,
        prompt: "p",
        status: "SUBMITTED",
        submittedAt: new Date(),
        resultKey: "r.png",
        thumbKey: "t.webp",
        width: W,
        height: H,
        provider: "offline",
        model: "t",
      },
    });
    const voters = await Promise.all([1, 2, 3, 4, 5].map(() => makeUser()));
    for (const [i, voter] of voters.entries()) {
      // Warm the pool, then kill everything it holds: the next vote must not fail for it.
      await db.user.count();
      expect(await killAppConnections()).toBeGreaterThan(0);
      await setVote({ userId: voter.id, imageId: image.id, value: i % 2 === 0 ? 1 : -1 });
    }
    const row = await db.image.findUniqueOrThrow({ where: { id: image.id } });
    expect([row.upvotes, row.downvotes]).toEqual([3, 2]);
    expect(await db.vote.count({ where: { imageId: image.id } })).toBe(5);
  });
});
