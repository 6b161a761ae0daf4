import "server-only";
import { randomInt } from "node:crypto";
import { cache } from "react";
import { db, type Tx } from "@/lib/server/db";
import { isUniqueViolation } from "@/lib/server/db-errors";
import { getRunningStudy, type RunningStudy } from "@/lib/worlds/studies";
import { z } from "@/lib/validations/zod";

export type AssignmentMethod = "RANDOM" | "LINK" | "MIGRATED";

const remainingSchema = z.array(z.number().int().positive());

/**
 * A new block for the study: each world `weight` times, in a random order (Fisher–Yates with the
 * system's CSPRNG, so nobody can predict the next place from the last ones).
 */
export function drawBlock(worlds: readonly { id: number; weight: number }[], random: (n: number) => number = randomInt): number[] {
  const block = worlds.flatMap((w) => Array.from({ length: w.weight }, () => w.id));
  for (let i = block.length - 1; i > 0; i--) {
    const j = random(i + 1);
    [block[i], block[j]] = [block[j]!, block[i]!];
  }
  return block;
}

/**
 * The next place from the study's current block, under the block row's lock: the first sign-ins
 * of a study line up here one at a time, so every block hands out each of its places exactly once
 * and world sizes never differ by more than one block's share (block randomisation). An emptied
 * block is replaced by a freshly drawn one.
 */
async function takePlace(tx: Tx, study: RunningStudy): Promise<number> {
  const live = new Set(study.worlds.map((w) => w.id));
  const [row] = await tx.$queryRaw<{ number: number; remaining: string }[]>`
    SELECT number, remaining FROM AssignmentBlock WHERE studyId = ${study.id} FOR UPDATE`;
  const parsed = row ? remainingSchema.safeParse(JSON.parse(row.remaining)) : null;
  // Places of a world no longer in the study (never the case today) are dropped.
  let remaining = parsed?.success ? parsed.data.filter((id) => live.has(id)) : [];
  let number = row ? Number(row.number) : 0;
  if (remaining.length === 0) {
    remaining = drawBlock(study.worlds);
    number++;
  }
  const [worldId, ...rest] = remaining;
  const data = { number, remaining: JSON.stringify(rest) };
  await tx.assignmentBlock.upsert({ where: { studyId: study.id }, create: { studyId: study.id, ...data }, update: data });
  return worldId!;
}

/**
 * The world `userId` is in for the running study, assigning one at their first sign-in in it:
 * `worldId` when a signed link names one (method LINK), else the next place of the study's
 * block (RANDOM). Decided once and kept for the study: concurrent first sign-ins of the same
 * participant race on (userId, studyId) and the loser reads the winner's assignment, whose
 * block place alone is spent (the loser's transaction rolls back, returning its place).
 */
export async function assignWorld(userId: number, opts: { worldId?: number } = {}): Promise<number> {
  const study = await getRunningStudy();
  const existing = await db.assignment.findUnique({ where: { userId_studyId: { userId, studyId: study.id } }, select: { worldId: true } });
  if (existing) return existing.worldId;
  const linked = opts.worldId !== undefined && study.worlds.some((w) => w.id === opts.worldId) ? opts.worldId : undefined;
  // The block row exists before anyone locks it: two first sign-ins locking a row not there yet
  // would each hold only a gap lock, and their inserts would deadlock.
  if (!linked) await db.assignmentBlock.createMany({ data: [{ studyId: study.id, number: 0, remaining: "[]" }], skipDuplicates: true });
  try {
    return await db.$transaction(async (tx) => {
      const worldId = linked ?? (await takePlace(tx, study));
      await tx.assignment.create({ data: { userId, studyId: study.id, worldId, method: linked ? "LINK" : "RANDOM" } });
      return worldId;
    });
  } catch (err) {
    if (!isUniqueViolation(err)) throw err;
    const winner = await db.assignment.findUniqueOrThrow({
      where: { userId_studyId: { userId, studyId: study.id } },
      select: { worldId: true },
    });
    return winner.worldId;
  }
}

/**
 * A participant's world for the running study, read once per request: the layout's progress panel
 * and the page both ask, and a request outside a render (an action, a route) simply reads it.
 */
export const worldOf = cache((userId: number) => assignWorld(userId));

/** The world a viewer sees: a signed-in participant's own (assigned now if this is their first visit in the study), else the public one. */
export async function viewerWorldId(user: { id: number } | null): Promise<number> {
  return user ? worldOf(user.id) : (await getRunningStudy()).worlds[0]!.id;
}
