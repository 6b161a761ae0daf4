// Streaks, badges, the personal summary and the leaderboards on hand-made histories, on a database
// of this file's own (leaderboards rank everybody).
import "@/test/isolated-db";
import { describe, expect, it } from "vitest";
import { castVote } from "@/test/admin";
import { makeUser, TEST_WORLD_ID } from "@/test/fixtures";
import { makeDay, makeImage } from "@/test/rollover";
import { db } from "@/lib/server/db";
import { creatorsLeaderboard, personalRanking } from "./leaderboards";
import { personalSummary } from "./personal";
import { badgesEarnedByVote } from "./vote-badges";

const DAY_MS = 86_400_000;
/** Consecutive days from a random start in the 1600s, so files never share a date. */
function calendar(n: number) {
  const start = Date.UTC(1600, 0, 1) + Math.floor(Math.random() * 90 * 365) * DAY_MS;
  return Array.from({ length: n }, (_, i) => new Date(start + i * DAY_MS));
}
const key = (d: Date) => d.toISOString().slice(0, 10);

async function closedDay(date: Date) {
  const made = await makeDay(date);
  await db.day.update({ where: { id: made.day.id }, data: { status: "CLOSED" } });
  return made.day;
}

describe("streaks and badges", () => {
  it("follow the days of the images, with gaps, thresholds and a late-night vote on the day it belongs to", async () => {
    const me = await makeUser();
    const dates = calendar(9);
    const days = [];
    for (const d of dates) days.push(await closedDay(d));
    // Day 1: a submission ranked 12th of 12 (no top 10). Day 2: a submission that wins.
    for (let i = 0; i < 11; i++) await makeImage(days[0]!, { up: 20 + i });
    await makeImage(days[0]!, { creatorId: me.id, up: 0, down: 5 });
    const winner = await makeImage(days[1]!, { creatorId: me.id, up: 9 });
    await makeImage(days[1]!, { up: 1 });
    await db.day.update({ where: { id: days[1]!.id }, data: { winnerImageId: winner.id } });
    // Days 3, 4 and 6-9: two votes each (enough with streakMinVotes 2); day 5: only one.
    for (const [i, day] of days.entries()) {
      if (i < 2) continue;
      const votes = i === 4 ? 1 : 2;
      for (let v = 0; v < votes; v++) {
        const image = await makeImage(day);
        // Cast just after midnight UTC of the next calendar day: it still counts for the image's day.
        await castVote(me.id, image.id, 1, new Date(dates[i]!.getTime() + DAY_MS + 30_000));
      }
    }
    const before = await personalSummary(me.id, { streakMinVotes: 2 });
    expect(before.streaks.best).toBe(4); // days 1-4; day 5 falls short, days 6-9 make four again
    expect(before.streaks.current).toBe(0); // long ago
    expect(before.badges).toEqual([
      { id: "firstSubmission", earnedOn: key(dates[0]!) },
      { id: "firstTop10", earnedOn: key(dates[1]!) },
      { id: "firstWinner", earnedOn: key(dates[1]!) },
    ]);
    expect(before.images.map((i) => [i.rank, i.of, i.won])).toEqual([
      [12, 12, false],
      [1, 2, true],
    ]);
    expect([before.submissions, before.votesCast, before.daysTakenPart]).toEqual([2, 13, 9]);

    // With a threshold of one vote, day 5 counts: nine days in a row, seven reached on day 7.
    const after = await personalSummary(me.id, { streakMinVotes: 1 });
    expect(after.streaks.best).toBe(9);
    expect(after.badges.find((b) => b.id === "streak7")).toEqual({ id: "streak7", earnedOn: key(dates[6]!) });
  });

  it("measure agreement with each closed day's final ranking over up/down pairs", async () => {
    const me = await makeUser();
    const [date] = calendar(1);
    const day = await closedDay(date!);
    const best = await makeImage(day, { up: 10 });
    const mid = await makeImage(day, { up: 5, down: 5 });
    const worst = await makeImage(day, { down: 10 });
    await castVote(me.id, best.id, 1);
    await castVote(me.id, worst.id, -1);
    await castVote(me.id, mid.id, -1);
    // Pairs: (best over worst) agrees, (best over mid) agrees.
    expect((await personalSummary(me.id, { streakMinVotes: 5 })).agreement).toEqual({ days: 1, pairs: 2, share: 1 });
  });
});

describe("badges earned by a vote", () => {
  it("announce a seven-day streak exactly when the seventh day's votes reach the threshold", async () => {
    const me = await makeUser();
    const dates = calendar(7);
    for (const [i, date] of dates.entries()) {
      const { day } = i < 6 ? { day: await closedDay(date) } : await makeDay(date);
      const first = await makeImage(day);
      const second = await makeImage(day);
      await castVote(me.id, first.id, 1);
      if (i < 6) {
        await castVote(me.id, second.id, -1);
        expect(await badgesEarnedByVote(me.id, second.id, 2)).toEqual([]);
        continue;
      }
      // The seventh day: its first vote is not enough, its second completes the week.
      expect(await badgesEarnedByVote(me.id, first.id, 2)).toEqual([]);
      await castVote(me.id, second.id, 1);
      expect(await badgesEarnedByVote(me.id, second.id, 2)).toEqual([{ id: "streak7", earnedOn: key(date) }]);
      // A third vote that day earns nothing new.
      const third = await makeImage(day);
      await castVote(me.id, third.id, 1);
      expect(await badgesEarnedByVote(me.id, third.id, 2)).toEqual([]);
    }
  });
});

describe("leaderboards", () => {
  it("rank creators by the Wilson bound, leaving out hidden images, banned creators and banned voters", async () => {
    const [date] = calendar(1);
    const { day } = await makeDay(date!);
    const steady = await makeUser();
    const lucky = await makeUser();
    const banned = await makeUser({ bannedAt: new Date() });
    const hiddenCreator = await makeUser();
    const voters = await Promise.all(Array.from({ length: 12 }, () => makeUser()));
    const bannedVoters = await Promise.all(Array.from({ length: 20 }, () => makeUser({ bannedAt: new Date() })));
    const steadyImage = await makeImage(day, { creatorId: steady.id });
    for (const v of voters.slice(0, 10)) await castVote(v.id, steadyImage.id, 1);
    await castVote(voters[10]!.id, steadyImage.id, -1);
    const luckyImage = await makeImage(day, { creatorId: lucky.id });
    await castVote(voters[0]!.id, luckyImage.id, 1);
    // Twenty up-votes from banned accounts would put `lucky` first if they counted.
    for (const v of bannedVoters) await castVote(v.id, luckyImage.id, 1);
    const bannedImage = await makeImage(day, { creatorId: banned.id });
    for (const v of voters) await castVote(v.id, bannedImage.id, 1);
    const hiddenImage = await makeImage(day, { creatorId: hiddenCreator.id, hidden: true });
    for (const v of voters) await castVote(v.id, hiddenImage.id, 1);

    const board = await creatorsLeaderboard({ worldId: TEST_WORLD_ID, sinceDays: null, take: 100 });
    const ids = board.map((r) => r.creatorId);
    expect(ids).not.toContain(banned.id);
    expect(ids).not.toContain(hiddenCreator.id);
    expect(ids.indexOf(steady.id)).toBeLessThan(ids.indexOf(lucky.id));
    expect(board.find((r) => r.creatorId === lucky.id)).toMatchObject({ upvotes: 1, downvotes: 0 });
    expect(board.find((r) => r.creatorId === steady.id)).toMatchObject({ upvotes: 10, downvotes: 1, images: 1 });
    // This week's board only holds this week's days: a day in the 1600s is not in it.
    expect((await creatorsLeaderboard({ worldId: TEST_WORLD_ID, sinceDays: 7, take: 100 })).map((r) => r.creatorId)).not.toContain(
      steady.id,
    );
  });

  it("show a voter's own ranking beside the crowd's only after enough votes", async () => {
    const me = await makeUser();
    const [date] = calendar(1);
    const { day } = await makeDay(date!);
    const a = await makeImage(day, { up: 1 });
    const b = await makeImage(day, { up: 30 });
    const c = await makeImage(day, { up: 5 });
    await makeImage(day, { up: 50, hidden: true });
    await castVote(me.id, c.id, 1);
    expect(await personalRanking(me.id, day.id, 2)).toEqual({ unlocked: false, votes: 1, needed: 2 });
    await castVote(me.id, b.id, -1);
    const ranking = await personalRanking(me.id, day.id, 2);
    if (!ranking.unlocked) throw new Error("should be unlocked");
    // Mine: my up-vote (c), the unvoted (a), my down-vote (b). The crowd: b, c, a (hidden left out).
    expect(ranking.mine.map((i) => i.id)).toEqual([c.id, a.id, b.id]);
    expect(ranking.crowd.map((i) => i.id)).toEqual([b.id, c.id, a.id]);
  });
});
