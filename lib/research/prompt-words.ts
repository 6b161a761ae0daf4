import "server-only";
import { keyFromDate } from "@/lib/server/clock";
import { db } from "@/lib/server/db";
import { keysetBatches } from "@/lib/research/batches";
import { distinctWords, tokenize } from "@/lib/research/tokenize";

/** A word and in how many prompts it appears (share = of all prompts counted). */
export type WordCount = { word: string; prompts: number; share: number };
export type WordTable = { prompts: number; words: WordCount[] };

// Counts are document frequencies: in how many prompts a word appears, once per prompt, so one
// prompt repeating "cat cat cat" cannot outweigh three people asking for a cat.

function countInto(counts: Map<string, number>, prompt: string): void {
  for (const w of distinctWords(prompt)) counts.set(w, (counts.get(w) ?? 0) + 1);
}

function top(counts: Map<string, number>, prompts: number, limit: number): WordTable {
  const words = [...counts]
    .sort(([a, x], [b, y]) => y - x || (a < b ? -1 : a > b ? 1 : 0))
    .slice(0, Math.max(0, Math.trunc(limit)))
    .map(([word, n]) => ({ word, prompts: n, share: prompts ? n / prompts : 0 }));
  return { prompts, words };
}

/** Submitted prompts, read in id batches so a long study's prompts never sit in memory at once. */
function submittedPrompts(dayIds?: number[], locale?: string) {
  return keysetBatches((after, take) =>
    db.image.findMany({
      where: { id: { gt: after }, status: "SUBMITTED", ...(dayIds ? { dayId: { in: dayIds } } : {}), ...(locale ? { locale } : {}) },
      orderBy: { id: "asc" },
      take,
      select: { id: true, dayId: true, prompt: true },
    }),
  );
}

/**
 * The most frequent words (lib/research/tokenize.ts) of every submitted prompt, and of the winning
 * prompts only (the images closed days crowned): compare the shares to see what the crowd rewards.
 */
export async function topWords(limit: number, locale?: string): Promise<{ all: WordTable; winners: WordTable }> {
  const all = new Map<string, number>();
  let allPrompts = 0;
  for await (const batch of submittedPrompts(undefined, locale)) {
    for (const image of batch) countInto(all, image.prompt);
    allPrompts += batch.length;
  }
  const days = await db.day.findMany({
    where: { status: "CLOSED", winnerImageId: { not: null }, ...(locale ? { winnerImage: { is: { locale } } } : {}) },
    select: { winnerImage: { select: { prompt: true } } },
  });
  const winners = new Map<string, number>();
  let winnerPrompts = 0;
  for (const d of days) {
    if (!d.winnerImage) continue;
    countInto(winners, d.winnerImage.prompt);
    winnerPrompts++;
  }
  return { all: top(all, allPrompts, limit), winners: top(winners, winnerPrompts, limit) };
}

/** Per day, oldest first: how many submitted prompts there were and how many used each word. */
export type WordsOverTime = { words: string[]; days: { date: string; prompts: number; counts: Record<string, number> }[] };

/**
 * How often the given words appear in each of the latest `take` days' submitted prompts. The
 * words go through the same tokenizer ("Cats!" is "cats"; stop words and short words drop out),
 * and the normalised list is returned as the keys of `counts`.
 */
export async function wordsOverTime(words: string[], take: number, locale?: string): Promise<WordsOverTime> {
  const wanted = [...new Set(words.flatMap(tokenize))];
  const days = await db.day.findMany({
    orderBy: { date: "desc" },
    take: Math.min(Math.max(Math.trunc(take) || 1, 1), 3660),
    select: { id: true, date: true },
  });
  const rows = new Map(
    days.map((d) => [
      d.id,
      { date: keyFromDate(d.date), prompts: 0, counts: Object.fromEntries(wanted.map((w) => [w, 0])) as Record<string, number> },
    ]),
  );
  if (days.length > 0) {
    for await (const batch of submittedPrompts(
      days.map((d) => d.id),
      locale,
    )) {
      for (const image of batch) {
        const row = image.dayId === null ? undefined : rows.get(image.dayId);
        if (!row) continue;
        row.prompts++;
        const present = distinctWords(image.prompt);
        for (const w of wanted) if (present.has(w)) row.counts[w] = (row.counts[w] ?? 0) + 1;
      }
    }
  }
  return { words: wanted, days: [...rows.values()].reverse() };
}
