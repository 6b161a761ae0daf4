// A study of the tests' own: the running one ends and this one runs, with its worlds in order.
// Tests that start studies need a database of their own (test/isolated-db.ts).
import { db } from "@/lib/server/db";
import { invalidateStudyCache } from "@/lib/worlds/studies";

/** One world of a test study: its name (W1, W2 … by default), weight, first seed and conditions (as objects). */
export type TestWorld = { name?: string; weight?: number; firstSeedImageId?: number; conditions?: object | null };

/** Ends the running study and starts one with these worlds; returns its id and its worlds' ids in order. */
export async function startTestStudy(worlds: TestWorld[], name = "test study"): Promise<{ studyId: number; worldIds: number[] }> {
  await db.study.updateMany({ where: { status: "RUNNING" }, data: { status: "ENDED", endedAt: new Date() } });
  const study = await db.study.create({
    data: {
      name,
      worlds: {
        create: worlds.map((w, i) => ({
          position: i + 1,
          name: w.name ?? `W${i + 1}`,
          weight: w.weight ?? 1,
          firstSeedImageId: w.firstSeedImageId ?? null,
          conditions: w.conditions ? JSON.stringify(w.conditions) : null,
        })),
      },
    },
    select: { id: true, worlds: { orderBy: { position: "asc" }, select: { id: true } } },
  });
  invalidateStudyCache();
  return { studyId: study.id, worldIds: study.worlds.map((w) => w.id) };
}
