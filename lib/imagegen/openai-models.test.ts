// Which snapshot a configured model id resolves to, from a Models API listing.
import { describe, expect, it } from "vitest";
import { createModelResolver, pickModel, readModelEntries } from "./openai-models";
import { EngineError } from "./types";

const NOW = new Date("2026-12-02T12:00:00Z");
const listing = (entries: { id: string; shutdown_date?: unknown }[]) =>
  readModelEntries(entries.map((e) => ({ object: "model", created: 0, owned_by: "system", ...e })));

function refusal(fn: () => unknown): EngineError {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(EngineError);
    return err as EngineError;
  }
  throw new Error("expected a refusal");
}

describe("pickModel", () => {
  const models = listing([
    { id: "gpt-image-2", shutdown_date: null },
    { id: "gpt-image-2-2026-04-21", shutdown_date: null },
    { id: "gpt-image-2-2026-08-01" }, // no shutdown_date at all: not announced
    { id: "gpt-image-2-2026-10-15", shutdown_date: "2026-12-01" }, // newest, but already shut down
    { id: "gpt-image-2-mini-2026-11-30", shutdown_date: null }, // another model, not a snapshot of the alias
    { id: "gpt-image-2.5-flare-2026-11-20", shutdown_date: null },
    { id: "gpt-image-1.5", shutdown_date: "2026-12-01" },
  ]);

  it("resolves an alias to its newest snapshot that is not shut down, keeping the alias", () => {
    expect(pickModel(models, "gpt-image-2", NOW)).toEqual({ id: "gpt-image-2-2026-08-01", requested: "gpt-image-2", shutdownAt: null });
  });

  it("takes a configured snapshot as is", () => {
    expect(pickModel(models, "gpt-image-2-2026-04-21", NOW)).toMatchObject({
      id: "gpt-image-2-2026-04-21",
      requested: "gpt-image-2-2026-04-21",
    });
  });

  it("refuses a model the listing lacks, or one past its shutdown date (from that day on, UTC)", () => {
    const missing = refusal(() => pickModel(models, "gpt-image-3", NOW));
    expect([missing.code, missing.operator?.code]).toEqual(["MISCONFIGURED", "model_not_found"]);
    const gone = refusal(() => pickModel(models, "gpt-image-1.5", NOW));
    expect([gone.code, gone.operator?.code]).toEqual(["MISCONFIGURED", "model_shut_down"]);
    expect(gone.operator?.detail).toContain("2026-12-01");
    expect(refusal(() => pickModel(models, "gpt-image-2-2026-10-15", new Date("2026-12-01T00:00:00Z"))).operator?.code).toBe(
      "model_shut_down",
    );
    expect(pickModel(models, "gpt-image-2-2026-10-15", new Date("2026-11-30T23:59:59Z")).id).toBe("gpt-image-2-2026-10-15");
  });

  it("keeps an alias that has no listed snapshot (OpenAI-compatible servers)", () => {
    expect(pickModel(listing([{ id: "local-inpaint" }]), "local-inpaint", NOW)).toEqual({
      id: "local-inpaint",
      requested: "local-inpaint",
      shutdownAt: null,
    });
  });
});

describe("readModelEntries", () => {
  it("reads shutdown_date defensively: dates, Unix seconds, or nothing", () => {
    const read = readModelEntries([
      { id: "a", shutdown_date: "2027-01-14" },
      { id: "b", shutdown_date: 1_800_000_000 },
      { id: "c", shutdown_date: "soon" },
      { id: "d", shutdown_date: { when: "later" } },
      { id: "" },
      { name: "no id" },
      null,
    ]);
    expect(read).toEqual([
      { id: "a", shutdownAt: new Date("2027-01-14T00:00:00Z") },
      { id: "b", shutdownAt: new Date(1_800_000_000_000) },
      { id: "c", shutdownAt: null },
      { id: "d", shutdownAt: null },
    ]);
  });
});

describe("createModelResolver", () => {
  const signal = new AbortController().signal;

  it("looks up once, shares a lookup in flight, and looks up again after a failure or past the snapshot's shutdown", async () => {
    let now = new Date("2026-12-02T00:00:00Z");
    let calls = 0;
    let fail = true;
    let entries: unknown[] = [{ id: "gpt-image-2" }, { id: "gpt-image-2-2026-04-21", shutdown_date: "2027-01-01" }];
    const resolver = createModelResolver(
      async () => {
        calls++;
        if (fail) throw new Error("network down");
        return entries;
      },
      "gpt-image-2",
      () => now,
    );
    await expect(resolver.resolve(signal, 1000)).rejects.toThrow("network down");
    fail = false;
    const [a, b] = await Promise.all([resolver.resolve(signal, 1000), resolver.resolve(signal, 1000)]);
    expect([a.id, b.id, calls]).toEqual(["gpt-image-2-2026-04-21", "gpt-image-2-2026-04-21", 2]);
    await resolver.resolve(signal, 1000);
    expect(calls).toBe(2);
    // A newer snapshot appearing changes nothing until the one in use shuts down.
    entries = [...entries, { id: "gpt-image-2-2026-12-20" }];
    await resolver.resolve(signal, 1000);
    expect(calls).toBe(2);
    now = new Date("2027-01-01T00:00:00Z");
    expect((await resolver.resolve(signal, 1000)).id).toBe("gpt-image-2-2026-12-20");
    expect(calls).toBe(3);
  });
});
