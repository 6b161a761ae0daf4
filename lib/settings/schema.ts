// The one definition of the researchers' settings: types, bounds and defaults. The server stores
// and reads them through ./settings.ts; the admin form's schema is derived from this one
// (lib/validations/admin.ts), and the form component takes its type from here. No "server-only":
// the browser needs the type and the bounds.
import { issue } from "@/lib/validations/field-errors";
import { z } from "@/lib/validations/zod";

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
    /**
     * Research: show each voter a sample of this many of the day's submissions, chosen to balance
     * exposure (fewest views first, ties at random but stable for the voter; lib/voting/vote-sample.ts),
     * recorded as sampled in the exposures export. 0 shows everyone every submission.
     */
    voteSampleSize: z.number().int().min(0).max(1000),
    /** Crowd platforms: what a participant must have done, in total, to get a completion code. */
    completionSubmissions: z.number().int().min(0).max(100),
    completionVotes: z.number().int().min(0).max(10_000),
    /** Where a finished Prolific participant is sent back to (the code is appended as cc=). */
    prolificCompletionUrl: z
      .url({ protocol: /^https?$/, ...issue("COMPLETION_URL") })
      .max(500, issue("TEXT_TOO_LONG"))
      .nullable(),
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
  .refine((s) => s.minMaskCoverage < s.maxMaskCoverage, { ...issue("MASK_BOUNDS_ORDER"), path: ["minMaskCoverage"] });

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
  voteSampleSize: 0,
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
