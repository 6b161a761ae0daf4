import { describe, expect, it } from "vitest";
import { castVote, closeDayAs, makeImage, makeOldDay } from "@/test/admin";
import { makeUser } from "@/test/fixtures";
import { db } from "@/lib/server/db";
import { agreementForDay } from "./agreement";

const t = (minute: number) => new Date(Date.UTC(2026, 0, 1, 12, minute));

describe("agreementForDay", () => {
  it("compares each voter with the crowd's final order and their favourite with the winner", async () => {
    const { day } = await makeOldDay();
    // Crowd order by tallies (set directly, plus the votes below): a > b > c > d; one hidden image.
    const a = await makeImage(day, { up: 20 });
    const b = await makeImage(day, { up: 10, down: 2 });
    const c = await makeImage(day, { up: 3, down: 3 });
    const d = await makeImage(day, { down: 9 });
    const hidden = await makeImage(day, { up: 50, hidden: true });
    const [v1, v2, v3, v4, v5] = await Promise.all([1, 2, 3, 4, 5].map(() => makeUser()));
    // v1: up a, down c -> 1 pair, agrees; favourite a = winner.
    await castVote(v1!.id, c.id, -1, t(1));
    await castVote(v1!.id, a.id, 1, t(2));
    // v2: up b, d and down a, c -> 0.25; favourite d (earliest up), not the winner.
    await castVote(v2!.id, d.id, 1, t(1));
    await castVote(v2!.id, b.id, 1, t(2));
    await castVote(v2!.id, a.id, -1, t(3));
    await castVote(v2!.id, c.id, -1, t(4));
    // v3: only downs -> no pair, no up-vote.
    await castVote(v3!.id, c.id, -1, t(1));
    await castVote(v3!.id, d.id, -1, t(2));
    // v4: one vote only (the hidden image does not count) -> not a voter here.
    await castVote(v4!.id, a.id, 1, t(1));
    await castVote(v4!.id, hidden.id, -1, t(2));
    // v5: two ups, the winner second -> no pair; favourite b, but did up-vote the winner.
    await castVote(v5!.id, b.id, 1, t(1));
    await castVote(v5!.id, a.id, 1, t(2));
    await closeDayAs(day.id, a.id);

    expect(await agreementForDay(day.id)).toEqual({
      dayId: day.id,
      winnerImageId: a.id,
      voters: 4,
      shares: [0.25, 1],
      withoutPairs: 2,
      meanShare: 0.625,
      meanTau: 0.25,
      favourite: { sameAsWinner: 1, different: 2, noUpvote: 1 },
      upvotedWinner: 2,
      // Every vote here is a single cast, so first and final votes are the votes themselves.
      events: { first: { voters: 2, meanShare: 0.625 }, final: { voters: 2, meanShare: 0.625 } },
    });
  });

  it("reads the vote events twice: each voter's first votes and their final ones", async () => {
    const { day } = await makeOldDay();
    // Crowd order a > b > c.
    const a = await makeImage(day, { up: 9 });
    const b = await makeImage(day, { up: 5 });
    const c = await makeImage(day, { down: 5 });
    const [u, v, w] = await Promise.all([1, 2, 3].map(() => makeUser()));
    const event = (userId: number, imageId: number, previous: number, value: number, minute: number) =>
      db.voteEvent.create({ data: { userId, imageId, dayId: day.id, previous, value, talliesVisible: true, createdAt: t(minute) } });
    // u first orders c over a (share 0), then switches both after seeing tallies (share 1).
    await event(u!.id, c.id, 0, 1, 1);
    await event(u!.id, a.id, 0, -1, 2);
    await event(u!.id, c.id, 1, -1, 3);
    await event(u!.id, a.id, -1, 1, 4);
    // v: up b, down c (agrees), then retracts c: no final pair.
    await event(v!.id, b.id, 0, 1, 1);
    await event(v!.id, c.id, 0, -1, 2);
    await event(v!.id, c.id, -1, 0, 3);
    // w: their history on a began before events were kept (first event a switch): no first vote on a.
    await event(w!.id, a.id, -1, 1, 1);
    await event(w!.id, b.id, 0, -1, 2);
    await closeDayAs(day.id, a.id);
    // first: u 0 (c up, a down), v 1 (b up, c down); w has one first vote only.
    // final: u 1 (a up, c down), v none (b only), w 1 (a up, b down).
    expect((await agreementForDay(day.id)).events).toEqual({ first: { voters: 2, meanShare: 0.5 }, final: { voters: 2, meanShare: 1 } });
  });

  it("needs a closed day", async () => {
    const { day } = await makeOldDay();
    await expect(agreementForDay(day.id)).rejects.toMatchObject({ code: "NOT_CLOSED" });
    await expect(agreementForDay(2_000_000_000)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
