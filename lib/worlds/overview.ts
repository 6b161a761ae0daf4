import "server-only";
import { keyFromDate } from "@/lib/server/clock";
import { db } from "@/lib/server/db";
import { getRunningStudy, getStudy } from "@/lib/worlds/studies";

/** How many of a world's latest pictures its strip shows (its first seed always leads). */
const STRIP = 12;

const stripFields = { id: true, thumbKey: true, width: true, height: true, prompt: true } as const;

/**
 * A study's worlds side by side (the running study's unless `studyId` names another), for the
 * researchers: each world's participants, its open day's figures, the conditions its days were
 * played under, and its lineage as a strip of pictures from the first seed through each day's
 * winner, so how far the worlds' pictures have drifted apart can be seen at a glance.
 */
export async function worldsOverview(studyId?: number) {
  const study = studyId === undefined ? await getRunningStudy() : await getStudy(studyId);
  const worlds = await Promise.all(
    study.worlds.map(async (w) => {
      const [participants, open, first, winners, played] = await Promise.all([
        db.assignment.count({ where: { worldId: w.id } }),
        db.day.findFirst({ where: { worldId: w.id, status: "OPEN" }, orderBy: { date: "desc" }, select: { id: true, date: true } }),
        db.day.findFirst({
          where: { worldId: w.id },
          orderBy: { date: "asc" },
          select: { date: true, seedImage: { select: stripFields } },
        }),
        db.day.findMany({
          where: { worldId: w.id, status: "CLOSED", winnerImageId: { not: null } },
          orderBy: { date: "desc" },
          take: STRIP - 1,
          select: { date: true, winnerImage: { select: stripFields } },
        }),
        db.day.findMany({
          where: { worldId: w.id, status: "CLOSED", condition: { not: null } },
          distinct: ["condition"],
          orderBy: { date: "asc" },
          select: { condition: true },
        }),
      ]);
      const [submissions, votes] = open
        ? await Promise.all([
            db.image.count({ where: { dayId: open.id, status: "SUBMITTED" } }),
            db.vote.count({ where: { image: { dayId: open.id } } }),
          ])
        : [0, 0];
      const strip = [
        ...(first ? [{ dateKey: keyFromDate(first.date), firstSeed: true, image: first.seedImage }] : []),
        ...winners
          .reverse()
          .flatMap((d) => (d.winnerImage ? [{ dateKey: keyFromDate(d.date), firstSeed: false, image: d.winnerImage }] : [])),
      ];
      return {
        id: w.id,
        position: w.position,
        name: w.name,
        weight: w.weight,
        participants,
        today: open ? { dateKey: keyFromDate(open.date), submissions, votes } : null,
        /** The conditions its closed days were played under, as recorded, in the order first played. */
        played: played.map((d) => d.condition!),
        strip,
      };
    }),
  );
  return { studyId: study.id, studyName: study.name, worlds };
}

export type WorldsOverview = Awaited<ReturnType<typeof worldsOverview>>;
