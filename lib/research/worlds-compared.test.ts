// Its own database: a study of two worlds with closed days of known tallies and prompts.
import "@/test/isolated-db";
import { describe, expect, it } from "vitest";
import { startTestStudy } from "@/test/worlds";
import { closeDayAs } from "@/test/admin";
import { makeDay, makeImage } from "@/test/rollover";
import { db } from "../server/db";
import { compareWorlds } from "./worlds-compared";

async function closedDay(worldId: number, date: Date, images: [number, number, string][], participants: number, condition?: string) {
  const { day } = await makeDay(date, worldId);
  const made = [];
  for (const [up, down, prompt] of images) {
    const image = await makeImage(day, { up, down });
    await db.image.update({ where: { id: image.id }, data: { prompt } });
    made.push(image);
  }
  await closeDayAs(day.id, made[0]!.id, { totalParticipants: participants, totalSubmissions: images.length, totalVotes: 0 });
  if (condition) await db.day.update({ where: { id: day.id }, data: { condition } });
}

const INDEPENDENT =
  "tallies=never;order=random;hideAuthors=true;allowSelfVoting=false;generationQuota=10;submissionsPerDay=1;minMaskCoverage=0.01;maxMaskCoverage=0.9";
const SOCIAL =
  "tallies=always;order=score;hideAuthors=true;allowSelfVoting=false;generationQuota=10;submissionsPerDay=1;minMaskCoverage=0.01;maxMaskCoverage=0.9";
const NEWEST =
  "tallies=always;order=newest;hideAuthors=true;allowSelfVoting=false;generationQuota=10;submissionsPerDay=1;minMaskCoverage=0.01;maxMaskCoverage=0.9";

describe("compareWorlds", () => {
  it("measures each world over its days: Gini of net scores, the winner's share, participation and prompt diversity", async () => {
    const { worldIds } = await startTestStudy(
      [
        { name: "Independent", conditions: { tallies: "never", order: "random" } },
        { name: "Social", conditions: { tallies: "always", order: "score" } },
        { name: "Social too", conditions: { tallies: "always", order: "score" } },
        { name: "Changed", conditions: { tallies: "never", order: "random" } },
      ],
      "compare",
    );
    const [a, b, c, d] = worldIds as [number, number, number, number];
    // World A, day 1: nets 2 and 0 -> Gini of [0, 2] = 2·(1·0 + 2·2)/(2·2) − 3/2 = 0.5; winner 3 of 4 up-votes;
    // words red, kite, red, boat -> 3 distinct of 4 = 0.75. Day 2: nets 2, 2 -> shifted 0, 0 -> Gini 0;
    // winner 2 of 4 = 0.5; blue, sea, green, hill -> 1.
    await closedDay(
      a,
      new Date(Date.UTC(1600, 0, 1)),
      [
        [3, 1, "a red kite"],
        [1, 1, "the red boat"],
      ],
      5,
    );
    await closedDay(
      a,
      new Date(Date.UTC(1600, 0, 2)),
      [
        [2, 0, "blue sea"],
        [2, 0, "green hill"],
      ],
      3,
    );
    // World B, one day: one image -> Gini 0, share 1; red, red, red -> 1/3.
    await closedDay(b, new Date(Date.UTC(1600, 0, 1)), [[1, 0, "red red red"]], 2);
    // World C, same condition as B, one day: nets 4, 0 -> Gini 0.5; share 4/4 = 1; tall, tower, tall, spire -> 0.75.
    await closedDay(
      c,
      new Date(Date.UTC(1600, 0, 1)),
      [
        [4, 0, "tall tower"],
        [0, 0, "tall spire"],
      ],
      4,
    );
    // World D plays A's condition now, but its one day was recorded under another (changed since):
    // Gini 0, share 1, participation 1, lone, cat -> 1.
    await closedDay(d, new Date(Date.UTC(1600, 0, 1)), [[1, 0, "lone cat"]], 1, NEWEST);

    const { worlds } = await compareWorlds();
    const [A, B] = worlds;
    expect([A!.name, A!.tallies, A!.order, B!.name, B!.tallies, B!.order]).toEqual([
      "Independent",
      "never",
      "random",
      "Social",
      "always",
      "score",
    ]);
    // Two days: the mean, and an interval from the lower day's value to the higher's.
    expect(A!.giniNet).toEqual({ days: 2, mean: 0.25, ci: { low: 0, high: 0.5 } });
    expect(A!.winnerShare).toEqual({ days: 2, mean: 0.625, ci: { low: 0.5, high: 0.75 } });
    expect(A!.participation).toEqual({ days: 2, mean: 4, ci: { low: 3, high: 5 } });
    expect(A!.promptDiversity).toEqual({ days: 2, mean: 0.875, ci: { low: 0.75, high: 1 } });
    // One day: a mean and no interval.
    expect(B!.giniNet).toEqual({ days: 1, mean: 0, ci: null });
    expect(B!.winnerShare).toEqual({ days: 1, mean: 1, ci: null });
    expect(B!.participation).toEqual({ days: 1, mean: 2, ci: null });
    expect(B!.promptDiversity.mean).toBeCloseTo(1 / 3, 12);

    // Conditions pool their worlds' days, each day under the condition it was played under; world
    // 1's condition is the reference.
    const { conditions } = await compareWorlds();
    expect(conditions.map((x) => [x.label, x.reference, x.worlds, x.giniNet.days])).toEqual([
      [INDEPENDENT, true, ["Independent"], 2],
      [SOCIAL, false, ["Social", "Social too"], 2],
      [NEWEST, false, ["Changed"], 1],
    ]);
    const [, social, newest] = conditions;
    expect(social).toMatchObject({ tallies: "always", order: "score", hideAuthors: true, allowSelfVoting: false });
    // Social: Gini over [0, 0.5], share [1, 1], participation [2, 4], diversity [1/3, 0.75].
    expect(social!.giniNet).toEqual({ days: 2, mean: 0.25, ci: { low: 0, high: 0.5 } });
    expect(social!.winnerShare).toEqual({ days: 2, mean: 1, ci: { low: 1, high: 1 } });
    expect(social!.participation).toEqual({ days: 2, mean: 3, ci: { low: 2, high: 4 } });
    // Its differences from the reference (share 0.75, 0.5; participation 5, 3): 1 − 0.625, with every
    // resampled reference mean (0.5, 0.625, 0.75) giving 0.25 to 0.5; 3 − 4, from 2 − 5 to 4 − 3.
    expect(social!.versusReference.giniNet.diff).toBe(0);
    expect(social!.versusReference.winnerShare).toEqual({ diff: 0.375, ci: { low: 0.25, high: 0.5 } });
    expect(social!.versusReference.participation).toEqual({ diff: -1, ci: { low: -3, high: 1 } });
    expect(social!.versusReference.promptDiversity.diff).toBeCloseTo((1 / 3 + 0.75) / 2 - 0.875, 12);
    // One day: a difference and no interval; the reference has none of its own.
    expect(newest!.versusReference.winnerShare).toEqual({ diff: 0.375, ci: null });
    expect(newest!.versusReference.participation).toEqual({ diff: -3, ci: null });
    expect(conditions[0]!.versusReference.giniNet).toEqual({ diff: null, ci: null });
  });
});
