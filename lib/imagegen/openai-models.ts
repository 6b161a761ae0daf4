// Which exact model serves the edits. The Images API response names no model (the SDK's
// ImagesResponse has no `model` field), so the snapshot has to be known before the request: an
// alias such as "gpt-image-2" is resolved through the Models API to its newest dated snapshot
// that is not shut down, and that snapshot is what every edit asks for and records.
import { z } from "zod";
import { misconfigured } from "./openai-retry";

export interface ResolvedModel {
  /** The dated snapshot (or the configured id when the server lists no snapshot of it). */
  id: string;
  /** The id as configured (OPENAI_IMAGE_MODEL). */
  requested: string;
  /** When `id` shuts down, if announced; past it the model is resolved again. */
  shutdownAt: Date | null;
}

export interface ListedModel {
  id: string;
  shutdownAt: Date | null;
}

const SNAPSHOT_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * `shutdown_date` is documented as "optional string or null, format: date" (YYYY-MM-DD; API
 * reference, Models > List models), but the SDK's Model type does not declare it and compatible
 * servers may send anything, so it is read defensively: a date string, or Unix seconds; anything
 * else counts as "not announced".
 */
const shutdownSchema = z.unknown().transform((v): Date | null => {
  if (typeof v === "number" && Number.isFinite(v)) return new Date(v * 1000);
  if (typeof v !== "string") return null;
  const at = Date.parse(SNAPSHOT_DATE.test(v) ? `${v}T00:00:00Z` : v);
  return Number.isNaN(at) ? null : new Date(at);
});

const modelEntrySchema = z.object({ id: z.string().min(1), shutdown_date: shutdownSchema.optional() });

/** The entries of a Models API listing that have an id; others are skipped. */
export function readModelEntries(entries: Iterable<unknown>): ListedModel[] {
  const out: ListedModel[] = [];
  for (const entry of entries) {
    const parsed = modelEntrySchema.safeParse(entry);
    if (parsed.success) out.push({ id: parsed.data.id, shutdownAt: parsed.data.shutdown_date ?? null });
  }
  return out;
}

/** A model is gone from the start of its shutdown date (UTC): "no longer accessible" from then. */
export const isLive = (m: { shutdownAt: Date | null }, now: Date) => m.shutdownAt === null || now < m.shutdownAt;

const snapshotDate = (alias: string, id: string): string | null => {
  if (!id.startsWith(`${alias}-`)) return null;
  const rest = id.slice(alias.length + 1);
  return SNAPSHOT_DATE.test(rest) ? rest : null;
};

/**
 * Picks the model to use for `configured` from the server's listing. A dated snapshot is used as
 * is; an alias becomes its newest listed snapshot `<alias>-YYYY-MM-DD` that is not shut down.
 * Throws MISCONFIGURED (model_not_found, model_shut_down) when the configured id is not listed or
 * is past its shutdown date: generation must stop rather than record a model that did not run.
 */
export function pickModel(models: ListedModel[], configured: string, now: Date): ResolvedModel {
  const self = models.find((m) => m.id === configured);
  if (!self) {
    throw misconfigured("model_not_found", `The model ${configured} (OPENAI_IMAGE_MODEL) is not among the models this API key can use.`);
  }
  if (!isLive(self, now)) {
    const day = self.shutdownAt!.toISOString().slice(0, 10);
    throw misconfigured("model_shut_down", `The model ${configured} (OPENAI_IMAGE_MODEL) was shut down on ${day}.`);
  }
  if (/-\d{4}-\d{2}-\d{2}$/.test(configured)) return { id: configured, requested: configured, shutdownAt: self.shutdownAt };
  const snapshots = models
    .map((m) => ({ ...m, date: snapshotDate(configured, m.id) }))
    .filter((m): m is ListedModel & { date: string } => m.date !== null && isLive(m, now))
    .sort((a, b) => b.date.localeCompare(a.date));
  const newest = snapshots[0];
  // A server that lists no snapshot of the alias (some OpenAI-compatible ones) leaves the alias as
  // the most exact id there is.
  if (!newest) return { id: configured, requested: configured, shutdownAt: self.shutdownAt };
  return { id: newest.id, requested: configured, shutdownAt: newest.shutdownAt };
}

/**
 * Resolves the configured model once and keeps the answer until the snapshot's own shutdown date
 * passes. Concurrent first edits share one lookup; a failed lookup is not kept, so a fixed key or
 * a restored network is picked up by the next edit.
 */
export function createModelResolver(
  list: (signal: AbortSignal, timeoutMs: number) => Promise<unknown[]>,
  configured: string,
  now: () => Date,
) {
  let cached: ResolvedModel | undefined;
  let pending: Promise<ResolvedModel> | undefined;
  return {
    async resolve(signal: AbortSignal, timeoutMs: number): Promise<ResolvedModel> {
      if (cached && isLive(cached, now())) return cached;
      pending ??= list(signal, timeoutMs)
        .then((entries) => (cached = pickModel(readModelEntries(entries), configured, now())))
        .finally(() => (pending = undefined));
      return pending;
    },
  };
}
