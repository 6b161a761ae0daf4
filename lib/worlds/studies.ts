import "server-only";
import { db } from "@/lib/server/db";
import { ActionError } from "@/lib/server/errors";

/** A world as the rest of the app needs it: which study, where it starts, its share of newcomers. */
export type WorldInfo = {
  id: number;
  studyId: number;
  position: number;
  name: string;
  weight: number;
  firstSeedImageId: number | null;
  /** Its conditions as stored (JSON; lib/worlds/conditions.ts reads them). */
  conditions: string | null;
};
export type RunningStudy = { id: number; name: string; worlds: WorldInfo[] };

// Every page asks which study runs; a one-second cache keeps that off the database while a new
// study still reaches every instance within a second (as the settings do).
const TTL_MS = 1000;
let cache: { at: number; value: RunningStudy } | undefined;

const worldFields = {
  id: true,
  studyId: true,
  position: true,
  name: true,
  weight: true,
  firstSeedImageId: true,
  conditions: true,
} as const;

/**
 * The study that runs now, with its worlds in order. There is always one: the migration that
 * introduced studies made study 1 from the timeline that existed, and a study is only ever ended
 * by starting the next. Refuses with UNAVAILABLE if a hand edit left none running.
 */
export async function getRunningStudy(): Promise<RunningStudy> {
  if (cache && performance.now() - cache.at < TTL_MS) return cache.value;
  const study = await db.study.findFirst({
    where: { status: "RUNNING" },
    orderBy: { id: "desc" },
    select: { id: true, name: true, worlds: { orderBy: { position: "asc" }, select: worldFields } },
  });
  if (!study || study.worlds.length === 0) throw new ActionError("UNAVAILABLE");
  cache = { at: performance.now(), value: study };
  return study;
}

/** The running study's world `worldId` names, or its first when it names none of them (the admin pages' picker). */
export function worldOrFirst(study: RunningStudy, worldId: number | undefined): WorldInfo {
  return study.worlds.find((w) => w.id === worldId) ?? study.worlds[0]!;
}

/** What a study is, apart from its worlds. */
const studyFields = { id: true, name: true, status: true, startedAt: true, endedAt: true } as const;

/** Any study, running or ended, with its worlds in order; NOT_FOUND for none. */
export async function getStudy(id: number) {
  const study = await db.study.findUnique({
    where: { id },
    select: { ...studyFields, worlds: { orderBy: { position: "asc" }, select: worldFields } },
  });
  if (!study) throw new ActionError("NOT_FOUND", { detail: "UNKNOWN_STUDY" });
  return study;
}

/** Forgets the cached copy (tests, and after the admin starts a study). */
export function invalidateStudyCache(): void {
  cache = undefined;
}

/** Every study, newest first, with its worlds and how many participants it assigned: the studies page. */
export function listStudies() {
  return db.study.findMany({
    orderBy: { id: "desc" },
    select: {
      ...studyFields,
      worlds: { orderBy: { position: "asc" }, select: { id: true, name: true } },
      _count: { select: { assignments: true } },
    },
  });
}
