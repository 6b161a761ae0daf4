// The researchers' charts limited to one interface language: images made in it, votes cast in it.
import "@/test/isolated-db";
import { describe, expect, it } from "vitest";
import { castVote, closeDayAs, makeOldDay } from "@/test/admin";
import { makeUser } from "@/test/fixtures";
import { makeImage } from "@/test/rollover";
import { db } from "@/lib/server/db";
import { agreementForDay } from "./agreement";
import { netScores, perDaySeries, votesPerImage } from "./distributions";
import { topWords } from "./prompt-words";

async function vote(userId: number, imageId: number, value: 1 | -1, locale: string) {
  const v = await castVote(userId, imageId, value);
  await db.vote.update({ where: { id: v.id }, data: { locale } });
}

describe("charts by interface language", () => {
  it("count only the images made and the votes cast in the chosen language", async () => {
    const { day } = await makeOldDay();
    const es1 = await makeImage(day);
    const es2 = await makeImage(day);
    const ar1 = await makeImage(day);
    await db.image.updateMany({ where: { id: { in: [es1.id, es2.id] } }, data: { locale: "es" } });
    await db.image.update({ where: { id: es1.id }, data: { prompt: "un gato rojo" } });
    await db.image.update({ where: { id: es2.id }, data: { prompt: "un perro rojo" } });
    await db.image.update({ where: { id: ar1.id }, data: { locale: "ar", prompt: "قطة حمراء" } });
    const [a, b, c] = await Promise.all([makeUser(), makeUser(), makeUser()]);
    // a and b vote in Spanish, c in Arabic.
    await vote(a.id, es1.id, 1, "es");
    await vote(a.id, ar1.id, -1, "es");
    await vote(b.id, es1.id, 1, "es");
    await vote(b.id, es2.id, -1, "es");
    await vote(c.id, ar1.id, 1, "ar");
    await vote(c.id, es2.id, -1, "ar");
    await closeDayAs(day.id, es1.id);

    // es1: +2, es2: -2, ar1: +1/-1.
    expect(await votesPerImage(day.id, "es")).toEqual([{ value: 2, count: 2 }]);
    expect(await netScores(day.id, "es")).toEqual([
      { value: -2, count: 1 },
      { value: 2, count: 1 },
    ]);
    expect(await votesPerImage(day.id, "ar")).toEqual([{ value: 2, count: 1 }]);
    expect(await votesPerImage(day.id)).toEqual([{ value: 2, count: 3 }]);

    // Agreement: only voters with votes in the language (a and b in Spanish; c in Arabic).
    expect((await agreementForDay(day.id, "es")).voters).toBe(2);
    expect((await agreementForDay(day.id, "ar")).voters).toBe(1);
    expect((await agreementForDay(day.id)).voters).toBe(3);

    // Per day: Spanish submissions and votes.
    const series = await perDaySeries(10, "es");
    expect(series.find((d) => d.date === day.date.toISOString().slice(0, 10))).toMatchObject({ submissions: 2, votes: 4 });

    // Words: Spanish prompts only; the Arabic prompt is tokenised in its own script.
    const es = await topWords(10, "es");
    expect(es.all.prompts).toBe(2);
    expect(es.all.words.find((w) => w.word === "rojo")?.prompts).toBe(2);
    expect(es.winners.prompts).toBe(1);
    const ar = await topWords(10, "ar");
    expect(ar.all.words.map((w) => w.word)).toEqual(expect.arrayContaining(["قطة", "حمراء"]));
    expect(ar.winners.prompts).toBe(0);
  });
});
