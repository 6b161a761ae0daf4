// Fixtures for the admin data-layer tests (lib/admin). Days are on random dates between 1100 and
// 1900 like test/fixtures.ts, so files running in parallel on the shared database never meet.
import { randomInt } from "node:crypto";
import { db } from "@/lib/server/db";
import { makeUser } from "@/test/fixtures";
import { makeDay, makeImage } from "@/test/rollover";

export { makeImage };

/** A random UTC-midnight date between the years 1100 and 1900. */
export function oldDate(): Date {
  return new Date(Date.UTC(1100, 0, 1) + randomInt(0, 800 * 365) * 86_400_000);
}

/** An open day on a random old date, with its own seed. */
export async function makeOldDay() {
  return makeDay(oldDate());
}

export async function makeAdmin() {
  return makeUser({ role: "ADMIN" });
}

/**
 * A vote as setVote would leave it (the Vote row, the image's counters and the cast's event),
 * written directly so tests can vote on closed days, as banned users, at chosen times.
 */
export async function castVote(userId: number, imageId: number, value: 1 | -1, at?: Date) {
  const vote = await db.vote.create({ data: { userId, imageId, value, ...(at ? { createdAt: at, updatedAt: at } : {}) } });
  const { dayId } = await db.image.update({
    where: { id: imageId },
    data: value === 1 ? { upvotes: { increment: 1 } } : { downvotes: { increment: 1 } },
    select: { dayId: true },
  });
  await db.voteEvent.create({ data: { userId, imageId, dayId: dayId!, previous: 0, value, talliesVisible: false, createdAt: at } });
  return vote;
}

/** Closes a day by hand with the given winner (the rollover's own tests cover closing for real). */
export async function closeDayAs(
  dayId: number,
  winnerImageId: number | null,
  totals = { totalParticipants: 0, totalSubmissions: 0, totalVotes: 0 },
) {
  return db.day.update({ where: { id: dayId }, data: { status: "CLOSED", closedAt: new Date(), winnerImageId, ...totals } });
}
