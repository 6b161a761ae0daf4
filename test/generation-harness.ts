// What generation tests share: a fake OpenAI server and a throwaway storage folder for the file,
// started before its tests and removed after them, and a moderator that flags nothing.
import { rm } from "node:fs/promises";
import { afterAll, beforeAll } from "vitest";
import { startFakeOpenAI, type FakeOpenAI } from "./fake-openai";
import { tempStorage } from "./fixtures";

export type GenerationHarness = { fake: FakeOpenAI; store: Awaited<ReturnType<typeof tempStorage>> };

/** Registers the file's set-up and tear-down; the fields are filled once beforeAll has run. */
export function generationHarness(): GenerationHarness {
  const h = {} as GenerationHarness;
  beforeAll(async () => {
    h.fake = await startFakeOpenAI();
    h.store = await tempStorage();
  });
  afterAll(async () => {
    await h.fake?.close();
    if (h.store) await rm(h.store.dir, { recursive: true, force: true });
  });
  return h;
}

/** A prompt moderator that passes everything. */
export const notFlagged = async () => ({ flagged: false, categories: [] as string[] });
