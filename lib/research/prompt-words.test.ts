// Its own database: both functions read every prompt / the latest days of the whole database.
import "@/test/isolated-db";
import { describe, expect, it } from "vitest";
import { closeDayAs, makeImage } from "@/test/admin";
import { makeDay } from "@/test/rollover";
import { db } from "@/lib/server/db";
import { topWords, wordsOverTime } from "./prompt-words";

async function prompt(day: { id: number; seedImageId: number; date: Date }, text: string, o: { draft?: boolean } = {}) {
  const image = await makeImage(day, o);
  return db.image.update({ where: { id: image.id }, data: { prompt: text } });
}

describe("prompt words", () => {
  it("compare all submitted prompts with the winning ones, and follow words day by day", async () => {
    const { day: d1 } = await makeDay(new Date("2026-02-01T00:00:00Z"));
    const { day: d2 } = await makeDay(new Date("2026-02-02T00:00:00Z"));
    const w1 = await prompt(d1, "A red dragon, a red sky");
    await prompt(d1, "A blue lake with a boat");
    await prompt(d1, "the dragon sleeps", { draft: true }); // drafts are not counted
    await prompt(d2, "Red boat at dawn");
    await prompt(d2, "Dragons! And a castle");
    await closeDayAs(d1.id, w1.id);

    const { all, winners } = await topWords(3);
    expect(all.prompts).toBe(4);
    // "red" counts once for the prompt that says it twice.
    expect(all.words).toEqual([
      { word: "boat", prompts: 2, share: 0.5 },
      { word: "red", prompts: 2, share: 0.5 },
      { word: "blue", prompts: 1, share: 0.25 },
    ]);
    expect(winners).toEqual({
      prompts: 1,
      words: [
        { word: "dragon", prompts: 1, share: 1 },
        { word: "red", prompts: 1, share: 1 },
        { word: "sky", prompts: 1, share: 1 },
      ],
    });

    expect(await wordsOverTime(["Red!", "dragon", "the", "boat"], 2)).toEqual({
      words: ["red", "dragon", "boat"],
      days: [
        { date: "2026-02-01", prompts: 2, counts: { red: 1, dragon: 1, boat: 1 } },
        { date: "2026-02-02", prompts: 2, counts: { red: 1, dragon: 0, boat: 1 } },
      ],
    });
    expect((await wordsOverTime(["red"], 1)).days.map((d) => d.date)).toEqual(["2026-02-02"]);
  });
});
