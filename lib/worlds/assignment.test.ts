// Its own database: these tests start studies, which every other file's pages would then see.
import "@/test/isolated-db";
import { beforeEach, describe, expect, it } from "vitest";
import { startTestStudy } from "@/test/worlds";
import { makeUser } from "@/test/fixtures";
import { db } from "../server/db";
import { assignWorld, drawBlock } from "./assignment";
import { invalidateStudyCache } from "./studies";

/** A running study with worlds of these weights (the one before it ended), and its world ids. */
async function startStudy(weights: number[]) {
  const { studyId, worldIds } = await startTestStudy(weights.map((weight) => ({ weight })));
  return { studyId, worlds: worldIds };
}

const sizes = async (studyId: number, worlds: number[]) =>
  Promise.all(worlds.map((worldId) => db.assignment.count({ where: { studyId, worldId } })));

beforeEach(() => invalidateStudyCache());

describe("drawBlock", () => {
  it("holds each world `weight` times, in the order the random source picks", () => {
    const block = drawBlock([
      { id: 7, weight: 1 },
      { id: 8, weight: 1 },
      { id: 9, weight: 2 },
    ]);
    expect([...block].sort()).toEqual([7, 8, 9, 9]);
    // With j = 0 at every step: i=3 swaps places 0 and 3 (9, 8, 9, 7), i=2 swaps the two 9s, i=1 swaps 0 and 1.
    expect(
      drawBlock(
        [
          { id: 7, weight: 1 },
          { id: 8, weight: 1 },
          { id: 9, weight: 2 },
        ],
        () => 0,
      ),
    ).toEqual([8, 9, 9, 7]);
  });
});

describe("assignWorld", () => {
  it("spreads 1,000 first sign-ins over worlds weighted 1:1:2 exactly as block randomisation allows", async () => {
    const { studyId, worlds } = await startStudy([1, 1, 2]);
    const users = [];
    for (let i = 0; i < 1000; i++) users.push((await makeUser()).id);
    // Eight at a time, as sign-ins arrive: each takes the block's lock in turn.
    for (let i = 0; i < users.length; i += 8) {
      await Promise.all(users.slice(i, i + 8).map((u) => assignWorld(u)));
      const n = i + 8;
      if (n % 100 === 0 || n === 1000) {
        // After n sign-ins, floor(n/4) whole blocks are spent: each world holds weight places of each,
        // and the block in progress adds at most weight more.
        const counts = await sizes(studyId, worlds);
        const whole = Math.floor(n / 4);
        counts.forEach((c, w) => {
          const weight = [1, 1, 2][w]!;
          expect(c).toBeGreaterThanOrEqual(whole * weight);
          expect(c).toBeLessThanOrEqual((whole + (n % 4 ? 1 : 0)) * weight);
        });
        expect(counts.reduce((a, b) => a + b, 0)).toBe(n);
      }
    }
    expect(await sizes(studyId, worlds)).toEqual([250, 250, 500]);
    expect(await db.assignmentBlock.findUniqueOrThrow({ where: { studyId } })).toMatchObject({ number: 250, remaining: "[]" });
    expect(await db.assignment.count({ where: { studyId, method: "RANDOM" } })).toBe(1000);
  }, 120_000);

  it("gives one assignment to concurrent first sign-ins of the same participant, spending one place", async () => {
    const { studyId } = await startStudy([1, 1, 1]);
    const user = await makeUser();
    const results = await Promise.all(Array.from({ length: 10 }, () => assignWorld(user.id)));
    expect(new Set(results).size).toBe(1);
    expect(await db.assignment.count({ where: { userId: user.id, studyId } })).toBe(1);
    const block = await db.assignmentBlock.findUniqueOrThrow({ where: { studyId } });
    expect(JSON.parse(block.remaining)).toHaveLength(2);
    // Later visits read the same world back.
    expect(await assignWorld(user.id)).toBe(results[0]);
  });

  it("keeps a world named by a signed link (method LINK) without spending a block place, and a study's assignment for that study only", async () => {
    const { studyId, worlds } = await startStudy([1, 3]);
    const user = await makeUser();
    expect(await assignWorld(user.id, { worldId: worlds[0] })).toBe(worlds[0]);
    expect(await db.assignment.findFirstOrThrow({ where: { userId: user.id, studyId } })).toMatchObject({ method: "LINK" });
    expect(await db.assignmentBlock.findUnique({ where: { studyId } })).toBeNull();
    // A world of another study is no place in this one: the participant is drawn as anyone else.
    const other = await makeUser();
    const drawn = await assignWorld(other.id, { worldId: 1 });
    expect(worlds).toContain(drawn);
    expect(await db.assignment.findFirstOrThrow({ where: { userId: other.id, studyId } })).toMatchObject({ method: "RANDOM" });
    // The next study assigns everyone afresh.
    const next = await startStudy([1]);
    expect(await assignWorld(user.id)).toBe(next.worlds[0]);
    expect(await db.assignment.count({ where: { userId: user.id } })).toBe(2);
  });
});
