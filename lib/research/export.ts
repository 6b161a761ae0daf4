import "server-only";
import { db } from "@/lib/server/db";
import { detail } from "@/lib/server/error-codes";
import { ActionError } from "@/lib/server/errors";
import { participantHasher } from "@/lib/server/secrets";
import { keysetBatches } from "@/lib/research/batches";
import { csvLine } from "@/lib/research/csv";
import {
  EXPORT_TABLES,
  exportColumns,
  type DayScope,
  type ExportContext,
  type ExportRows,
  type ExportTable,
} from "@/lib/research/export-columns";
import { conditionLabel, getWorldSettings } from "@/lib/worlds/conditions";
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
  /** Only what belongs to this study (its worlds' days and everything on them); the audit log is always whole. */
  studyId?: number;
};

const BATCH_SIZE = 2000;

/** Which rows an export holds: all of them, or those of one interface language and one study. */
type Scope = { locale?: string; studyId?: number };
type Fetch<R> = (afterId: number, take: number, scope: Scope) => Promise<R[]>;
/** The exports computed from the database when asked for, rather than read from one table. */
type ComputedTable = "skill" | "dayInequality";
type StoredTable = Exclude<ExportTable, ComputedTable>;
/** The next keyset page of the rows `where` matches. */
const page = <W extends object>(after: number, take: number, where: W = {} as W) => ({
  where: { id: { gt: after }, ...where },
  orderBy: { id: "asc" as const },
  take,
});
const inLocale = ({ locale }: Scope) => (locale ? { locale } : {});
/** Rows on a day of the study's worlds (every row with a dayId). */
const onStudyDay = ({ studyId }: Scope) => (studyId ? { day: { world: { studyId } } } : {});
/** Rows about an image of one of those days (votes, flags). */
const onStudyImage = (scope: Scope) => (scope.studyId ? { image: onStudyDay(scope) } : {});

const FETCHERS: { [T in StoredTable]: Fetch<ExportRows[T]> } = {
  users: (after, take, { studyId }) =>
    db.user.findMany({
      ...page(after, take, studyId ? { assignments: { some: { studyId } } } : {}),
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
  days: (after, take, { studyId }) =>
    db.day.findMany({
      ...page(after, take, studyId ? { world: { studyId } } : {}),
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
  images: (after, take, scope) =>
    db.image.findMany({
      // A study's images: those of its days, and the first seed its worlds started from.
      ...page(after, take, {
        ...inLocale(scope),
        ...(scope.studyId ? { OR: [onStudyDay(scope), { firstSeedOf: { some: { studyId: scope.studyId } } }] } : {}),
      }),
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
        engineParams: true,
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
  votes: (after, take, scope) =>
    db.vote.findMany({
      ...page(after, take, { ...inLocale(scope), ...onStudyImage(scope) }),
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
  voteEvents: (after, take, scope) =>
    db.voteEvent.findMany({
      ...page(after, take, { ...inLocale(scope), ...onStudyDay(scope) }),
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
  submissionEvents: (after, take, scope) =>
    db.submissionEvent.findMany({
      ...page(after, take, onStudyDay(scope)),
      select: { id: true, imageId: true, userId: true, dayId: true, action: true, createdAt: true },
    }),
  exposures: (after, take, scope) =>
    db.exposure.findMany({
      ...page(after, take, onStudyDay(scope)),
      select: { id: true, userId: true, imageId: true, dayId: true, position: true, sampled: true, createdAt: true },
    }),
  studies: (after, take, { studyId }) =>
    db.study.findMany({
      ...page(after, take, studyId ? { id: studyId } : {}),
      select: { id: true, name: true, status: true, startedAt: true, endedAt: true },
    }),
  worlds: (after, take, { studyId }) =>
    db.world.findMany({
      ...page(after, take, studyId ? { studyId } : {}),
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
  assignments: (after, take, { studyId }) =>
    db.assignment.findMany({
      ...page(after, take, studyId ? { studyId } : {}),
      select: { id: true, userId: true, studyId: true, worldId: true, method: true, createdAt: true },
    }),
  flags: (after, take, scope) =>
    db.flag.findMany({
      ...page(after, take, onStudyImage(scope)),
      select: { id: true, imageId: true, userId: true, reason: true, createdAt: true, image: { select: { dayId: true } } },
    }),
  audit: (after, take) =>
    db.auditLog.findMany({
      ...page(after, take),
      select: auditEntryFields,
    }),
};

// The computed exports: every row at once (one per participant or closed day: thousands, not
// millions), ordered by id so they page like the tables.
const COMPUTED: { [T in ComputedTable]: (scope: Scope) => Promise<ExportRows[T][]> } = {
  skill: async ({ locale, studyId }) => {
    const table = await skillTable({ locale, studyId });
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
  dayInequality: async ({ studyId }) =>
    (await inequalityByDay({ studyId })).days.map(({ dayId, ...d }) => ({ id: dayId, ...d })).sort((a, b) => a.id - b.id),
};

const isComputed = (table: ExportTable): table is ComputedTable => Object.hasOwn(COMPUTED, table);

/** One export's reader: a table's keyset pages, or slices of a computed export, computed once on its first page. */
function sourceOf<T extends ExportTable>(table: T, scope: Scope): (after: number, take: number) => Promise<ExportRows[T][]> {
  if (!isComputed(table)) {
    const fetch = FETCHERS[table as StoredTable] as unknown as Fetch<ExportRows[T]>;
    return (after, take) => fetch(after, take, scope);
  }
  let all: Promise<ExportRows[T][]> | undefined;
  return async (after, take) => {
    all ??= COMPUTED[table](scope) as Promise<ExportRows[T][]>;
    return (await all).filter((r) => r.id > after).slice(0, take);
  };
}

/**
 * Every day's study, world and condition, read once per export (a row per day: thousands at
 * most). A closed day has the condition the rollover recorded; an open day, its world's now.
 */
async function dayScopes(): Promise<Map<number, DayScope>> {
  const days = await db.day.findMany({
    select: { id: true, worldId: true, status: true, condition: true, world: { select: { studyId: true } } },
  });
  const openWorlds = [...new Set(days.filter((d) => d.status === "OPEN").map((d) => d.worldId))];
  const now = new Map(await Promise.all(openWorlds.map(async (w) => [w, conditionLabel(await getWorldSettings(w))] as const)));
  return new Map(
    days.map((d) => [
      d.id,
      { studyId: d.world.studyId, worldId: d.worldId, condition: d.status === "OPEN" ? (now.get(d.worldId) ?? null) : d.condition },
    ]),
  );
}

/**
 * Secrets are read on first use only: exporting votes must not need the hashing key. The days'
 * scopes are read only for a table with a column that needs them.
 */
async function exportContext(readsDays: boolean): Promise<ExportContext> {
  let hash: ((participantId: string) => string) | undefined;
  const days = readsDays ? await dayScopes() : new Map<number, DayScope>();
  return {
    hashParticipant: (participantId) => (hash ??= participantHasher())(participantId),
    dayScope: (dayId) => (dayId === null ? null : (days.get(dayId) ?? null)),
  };
}

async function* rows<T extends ExportTable>(table: T, format: ExportFormat, opts: ExportOptions): AsyncGenerator<string, void, undefined> {
  const columns = exportColumns(table, opts.raw === true);
  const fetch = sourceOf(table, { locale: opts.locale, studyId: opts.studyId });
  const ctx = await exportContext(columns.some((c) => c.readsDays));
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
export async function exportTable(
  table: ExportTable,
  format: ExportFormat,
  opts: ExportOptions = {},
): Promise<AsyncGenerator<string, void, undefined>> {
  if (!Object.hasOwn(EXPORT_TABLES, table)) throw new ActionError("NOT_FOUND", { detail: "UNKNOWN_TABLE" });
  if (format !== "csv" && format !== "json")
    throw new ActionError("INVALID", { detail: detail("FIELD_ONE_OF", { field: "format", options: "csv, json" }) });
  if (opts.studyId !== undefined && !(await db.study.findUnique({ where: { id: opts.studyId }, select: { id: true } })))
    throw new ActionError("NOT_FOUND", { detail: "UNKNOWN_STUDY" });
  return rows(table, format, opts);
}
