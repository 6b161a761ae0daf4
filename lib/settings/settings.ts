import "server-only";
import { z } from "zod";
import { db, type Tx } from "@/lib/server/db";
import { ActionError } from "@/lib/server/errors";

/**
 * The rules participants play by. They are experimental conditions for the researchers, so they
 * live in the database (table Setting, one JSON value per changed key) and every reader goes
 * through getSettings(). Unknown or invalid stored values fall back to the default.
 */
export const settingsSchema = z
  .object({
    /** Generations per user per day. */
    generationQuota: z.number().int().min(0).max(1000),
    /** Attempts a user may submit to the day's vote. */
    submissionsPerDay: z.number().int().min(0).max(100),
    /** Allowed share of the picture a mask may cover (fractions). */
    minMaskCoverage: z.number().min(0).max(1),
    maxMaskCoverage: z.number().min(0).max(1),
    /** Whether people may vote on their own images. */
    allowSelfVoting: z.boolean(),
    /** Herding controls (see PRODUCT.md: Salganik 2006, Muchnik 2013). */
    hideTalliesUntilVoted: z.boolean(),
    hideAuthors: z.boolean(),
    randomizeOrder: z.boolean(),
    /**
     * Moderation: leave out the votes of banned users when the winner is picked (the rollover and
     * the veto recount them, lib/voting/effective-counts.ts). Off by default: the stored tallies.
     */
    excludeBannedVoters: z.boolean(),
    /** Crowd platforms: what a participant must have done, in total, to get a completion code. */
    completionSubmissions: z.number().int().min(0).max(100),
    completionVotes: z.number().int().min(0).max(10_000),
    /** Where a finished Prolific participant is sent back to (the code is appended as cc=). */
    prolificCompletionUrl: z.url({ protocol: /^https?$/, message: "Enter a full http(s):// URL." }).max(500).nullable(),
    /**
     * Participation rewards (lib/rewards), each its own switch and all off by default: they
     * change who takes part and how people vote, so a study turns on only what it studies.
     */
    personalPage: z.boolean(),
    streaksAndBadges: z.boolean(),
    personalLeaderboard: z.boolean(),
    creatorsLeaderboard: z.boolean(),
    /** Votes in a day that count the day towards a streak (a submission always does). */
    streakMinVotes: z.number().int().min(1).max(1000),
    /** Votes in a day after which a participant sees their ranking beside the crowd's. */
    leaderboardAfterVotes: z.number().int().min(1).max(1000),
  })
  .refine((s) => s.minMaskCoverage < s.maxMaskCoverage, { message: "The minimum mask coverage must be below the maximum.", path: ["minMaskCoverage"] });

export type Settings = z.infer<typeof settingsSchema>;

export const DEFAULT_SETTINGS: Settings = {
  generationQuota: 10,
  submissionsPerDay: 1,
  minMaskCoverage: 0.01,
  maxMaskCoverage: 0.9,
  allowSelfVoting: false,
  hideTalliesUntilVoted: true,
  hideAuthors: true,
  randomizeOrder: true,
  excludeBannedVoters: false,
  completionSubmissions: 1,
  completionVotes: 5,
  prolificCompletionUrl: null,
  personalPage: false,
  streaksAndBadges: false,
  personalLeaderboard: false,
  creatorsLeaderboard: false,
  streakMinVotes: 5,
  leaderboardAfterVotes: 10,
};

// Votes read the settings on every request; a one-second cache keeps that off the database
// while a change still reaches every instance within a second.
const TTL_MS = 1000;
let cache: { at: number; value: Settings } | undefined;

export async function getSettings(): Promise<Settings> {
  if (cache && performance.now() - cache.at < TTL_MS) return cache.value;
  const value = await readSettings(db);
  cache = { at: performance.now(), value };
  return value;
}

/** The stored settings merged over the defaults, read through `client` (a transaction or db). */
async function readSettings(client: Pick<Tx, "setting">): Promise<Settings> {
  const rows = await client.setting.findMany({ select: { key: true, value: true } });
  const merged: Record<string, unknown> = { ...DEFAULT_SETTINGS };
  const shape = settingsSchema.def.shape ?? {};
  for (const row of rows) {
    const field = (shape as Record<string, z.ZodType>)[row.key];
    if (!field) continue;
    try {
      const parsed = field.safeParse(JSON.parse(row.value));
      if (parsed.success) merged[row.key] = parsed.data;
    } catch {
      // A hand-edited, unreadable value keeps the default rather than breaking every page.
    }
  }
  const checked = settingsSchema.safeParse(merged);
  return checked.success ? checked.data : DEFAULT_SETTINGS;
}

/**
 * Validates and stores a change inside `tx` (all keys together must still be consistent) and
 * returns the settings before and after, so the caller can audit the change in the same
 * transaction. The rows are read under a lock so two admins' changes cannot interleave.
 */
export async function writeSettings(tx: Tx, patch: Partial<Settings>, updatedById: number | null): Promise<{ before: Settings; after: Settings }> {
  await tx.$queryRaw`SELECT \`key\` FROM \`Setting\` FOR UPDATE`;
  const before = await readSettings(tx);
  const parsed = settingsSchema.safeParse({ ...before, ...patch });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ActionError(issue?.message ?? "Those settings are not valid.", "INVALID", issue ? { [String(issue.path[0] ?? "form")]: [issue.message] } : undefined);
  }
  const after = parsed.data;
  for (const [key, value] of Object.entries(patch)) {
    const json = JSON.stringify(value);
    await tx.setting.upsert({ where: { key }, create: { key, value: json, updatedById }, update: { value: json, updatedById } });
  }
  cache = undefined;
  return { before, after };
}

/** Stores a change on its own (scripts and tests); admin changes go through lib/settings/change.ts. */
export async function updateSettings(patch: Partial<Settings>, updatedById: number | null): Promise<Settings> {
  const { after } = await db.$transaction((tx) => writeSettings(tx, patch, updatedById));
  return after;
}

/** Forgets the cached copy (tests, and after a change made by another instance in the same test). */
export function invalidateSettingsCache(): void {
  cache = undefined;
}
