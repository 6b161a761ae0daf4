import "server-only";
import { db } from "@/lib/server/db";
import { detail } from "@/lib/server/error-codes";
import { ActionError } from "@/lib/server/errors";
import { participantHasher } from "@/lib/server/secrets";
import { keysetBatches } from "@/lib/research/batches";
import { csvLine } from "@/lib/research/csv";
import { EXPORT_TABLES, exportColumns, type ExportContext, type ExportRows, type ExportTable } from "@/lib/research/export-columns";
import { auditEntryFields } from "@/lib/admin/audit";
import { inequalityByDay } from "@/lib/research/inequality";
import { skillTable } from "@/lib/research/skill";

export type { ExportTable } from "@/lib/research/export-columns";
export type ExportFormat = "csv" | "json";
export type ExportOptions = {
  /** Participant ids as they are instead of their keyed hash (personal data). */
  raw?: boolean;
  /** Rows per database read; tests make it small to cross batch boundaries. */
  batchSize?: number;
  /** Only images, votes and vote events made in this interface language (other tables ignore it). */
  locale?: string;
};

const BATCH_SIZE = 2000;

type Fetch<R> = (afterId: number, take: number, locale?: string) => Promise<R[]>;
/** The exports computed from the database when asked for, rather than read from one table. */
type ComputedTable = "skill" | "dayInequality";
type StoredTable = Exclude<ExportTable, ComputedTable>;
const page = (after: number, take: number) => ({ where: { id: { gt: after } }, orderBy: { id: "asc" as const }, take });
/** The same page, limited to one interface language when one is asked for. */
const pageIn = (after: number, take: number, locale?: string) => ({
  ...page(after, take),
  where: { id: { gt: after }, ...(locale ? { locale } : {}) },
});

// One keyset-paginated read per table, selecting exactly the fields export-columns.ts describes.
const FETCHERS: { [T in StoredTable]: Fetch<ExportRows[T]> } = {
  users: (after, take) =>
    db.user.findMany({
      ...page(after, take),
      select: {
        id: true,
        participantId: true,
        role: true,
        createdAt: true,
        bannedAt: true,
        banReason: true,
        accounts: { select: { provider: true } },
        participation: {
          select: {
            platform: true,
            studyId: true,
            sessionId: true,
            hitId: true,
            assignmentId: true,
            completedAt: true,
            completionCode: true,
          },
        },
      },
    }),
  days: (after, take) =>
    db.day.findMany({
      ...page(after, take),
      select: {
        id: true,
        worldId: true,
        date: true,
        status: true,
        seedImageId: true,
        winnerImageId: true,
        openedAt: true,
        closedAt: true,
        totalParticipants: true,
        totalSubmissions: true,
        totalVotes: true,
      },
    }),
  images: (after, take, locale) =>
    db.image.findMany({
      ...pageIn(after, take, locale),
      select: {
        id: true,
        dayId: true,
        parentId: true,
        creatorId: true,
        status: true,
        prompt: true,
        provider: true,
        model: true,
        modelRequested: true,
        width: true,
        height: true,
        maskCoverage: true,
        engineMs: true,
        totalMs: true,
        locale: true,
        upvotes: true,
        downvotes: true,
        createdAt: true,
        submittedAt: true,
        hiddenAt: true,
        hiddenReason: true,
      },
    }),
  votes: (after, take, locale) =>
    db.vote.findMany({
      ...pageIn(after, take, locale),
      select: {
        id: true,
        userId: true,
        imageId: true,
        value: true,
        position: true,
        talliesVisible: true,
        locale: true,
        createdAt: true,
        updatedAt: true,
        image: { select: { dayId: true } },
      },
    }),
  voteEvents: (after, take, locale) =>
    db.voteEvent.findMany({
      ...pageIn(after, take, locale),
      select: {
        id: true,
        userId: true,
        imageId: true,
        dayId: true,
        previous: true,
        value: true,
        position: true,
        talliesVisible: true,
        locale: true,
        createdAt: true,
      },
    }),
  submissionEvents: (after, take) =>
    db.submissionEvent.findMany({
      ...page(after, take),
      select: { id: true, imageId: true, userId: true, dayId: true, action: true, createdAt: true },
    }),
  exposures: (after, take) =>
    db.exposure.findMany({
      ...page(after, take),
      select: { id: true, userId: true, imageId: true, dayId: true, position: true, sampled: true, createdAt: true },
    }),
  studies: (after, take) =>
    db.study.findMany({ ...page(after, take), select: { id: true, name: true, status: true, startedAt: true, endedAt: true } }),
  worlds: (after, take) =>
    db.world.findMany({
      ...page(after, take),
      select: {
        id: true,
        studyId: true,
        position: true,
        name: true,
        weight: true,
        firstSeedImageId: true,
        conditions: true,
        createdAt: true,
      },
    }),
  assignments: (after, take) =>
    db.assignment.findMany({
      ...page(after, take),
      select: { id: true, userId: true, studyId: true, worldId: true, method: true, createdAt: true },
    }),
  flags: (after, take) =>
    db.flag.findMany({ ...page(after, take), select: { id: true, imageId: true, userId: true, reason: true, createdAt: true } }),
  audit: (after, take) =>
    db.auditLog.findMany({
      ...page(after, take),
      select: auditEntryFields,
    }),
};

// The computed exports: every row at once (one per participant or closed day: thousands, not
// millions), ordered by id so they page like the tables.
const COMPUTED: { [T in ComputedTable]: (locale?: string) => Promise<ExportRows[T][]> } = {
  skill: async (locale) => {
    const table = await skillTable({ locale });
    return table.rows
      .map((r) => ({
        id: r.userId,
        days: r.days,
        submissions: r.submissions,
        values: r.values,
        skill: r.skill,
        ciLow: r.ci?.low ?? null,
        ciHigh: r.ci?.high ?? null,
        seed: table.seed,
        resamples: table.resamples,
      }))
      .sort((a, b) => a.id - b.id);
  },
  dayInequality: async () => (await inequalityByDay()).days.map(({ dayId, ...d }) => ({ id: dayId, ...d })).sort((a, b) => a.id - b.id),
};

const isComputed = (table: ExportTable): table is ComputedTable => Object.hasOwn(COMPUTED, table);

/** One export's reader: a table's keyset pages, or slices of a computed export, computed once on its first page. */
function sourceOf<T extends ExportTable>(table: T, locale?: string): (after: number, take: number) => Promise<ExportRows[T][]> {
  if (!isComputed(table)) {
    const fetch = FETCHERS[table as StoredTable] as unknown as Fetch<ExportRows[T]>;
    return (after, take) => fetch(after, take, locale);
  }
  let all: Promise<ExportRows[T][]> | undefined;
  return async (after, take) => {
    all ??= COMPUTED[table](locale) as Promise<ExportRows[T][]>;
    return (await all).filter((r) => r.id > after).slice(0, take);
  };
}

/** Secrets are read on first use only: exporting votes must not need the hashing key. */
function exportContext(): ExportContext {
  let hash: ((participantId: string) => string) | undefined;
  return {
    hashParticipant: (participantId) => (hash ??= participantHasher())(participantId),
  };
}

async function* rows<T extends ExportTable>(table: T, format: ExportFormat, opts: ExportOptions): AsyncGenerator<string, void, undefined> {
  const columns = exportColumns(table, opts.raw === true);
  const fetch = sourceOf(table, opts.locale);
  const ctx = exportContext();
  yield format === "csv" ? csvLine(columns.map((c) => c.name)) : "[";
  let written = 0;
  for await (const batch of keysetBatches(fetch, opts.batchSize ?? BATCH_SIZE)) {
    // One chunk per batch: a few hundred kilobytes, rather than a million tiny writes.
    if (format === "csv") {
      yield batch.map((row) => csvLine(columns.map((c) => c.get(row, ctx)))).join("");
    } else {
      yield batch
        .map(
          (row) => `${written++ === 0 ? "\n" : ",\n"}${JSON.stringify(Object.fromEntries(columns.map((c) => [c.name, c.get(row, ctx)])))}`,
        )
        .join("");
    }
  }
  if (format === "json") yield written === 0 ? "]\n" : "\n]\n";
}

/**
 * Streams one table for research, as CSV (RFC 4180, header first, formula guard: see
 * docs/data-dictionary.md) or as one JSON array, in chunks of whole lines. Rows are read in
 * keyset batches of about 2,000 by id, and the next batch only when the consumer asks for more,
 * so a million votes never sit in memory and a slow download holds no transaction open.
 */
export function exportTable(table: ExportTable, format: ExportFormat, opts: ExportOptions = {}): AsyncGenerator<string, void, undefined> {
  if (!Object.hasOwn(EXPORT_TABLES, table)) throw new ActionError("NOT_FOUND", { detail: "UNKNOWN_TABLE" });
  if (format !== "csv" && format !== "json")
    throw new ActionError("INVALID", { detail: detail("FIELD_ONE_OF", { field: "format", options: "csv, json" }) });
  return rows(table, format, opts);
}
