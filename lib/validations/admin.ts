import { z } from "./zod";
import { reasonSchema } from "@/lib/validations/reason";

const id = (what: string) => z.coerce.number({ message: `Missing ${what}.` }).int(`Invalid ${what}.`).positive(`Invalid ${what}.`);
const reason = reasonSchema;

export const imageModerationSchema = z.object({ imageId: id("image"), reason });
export const unhideSchema = z.object({ imageId: id("image"), reason: reason.optional() });
export const banSchema = z.object({ userId: id("user"), reason });
export const unbanSchema = z.object({ userId: id("user") });
export const vetoSchema = z.object({ dayId: id("day"), reason, expectedImageId: id("image").optional() });
export const emptySchema = z.object({}).passthrough();

/** Checkbox fields arrive as "on" or are absent; percentages are typed, fractions stored. */
const checkbox = z.preprocess((v) => v === "on" || v === "true" || v === true, z.boolean());
const percent = z.coerce.number({ message: "Enter a percentage." }).min(0, "At least 0%.").max(100, "At most 100%.").transform((v) => v / 100);
const count = (max: number) => z.coerce.number({ message: "Enter a whole number." }).int("Enter a whole number.").min(0, "At least 0.").max(max, `At most ${max}.`);

export const settingsFormSchema = z
  .object({
    generationQuota: count(1000),
    submissionsPerDay: count(100),
    minMaskCoverage: percent,
    maxMaskCoverage: percent,
    allowSelfVoting: checkbox,
    hideTalliesUntilVoted: checkbox,
    hideAuthors: checkbox,
    randomizeOrder: checkbox,
    excludeBannedVoters: checkbox,
    completionSubmissions: count(100),
    completionVotes: count(1000),
    personalPage: checkbox,
    streaksAndBadges: checkbox,
    personalLeaderboard: checkbox,
    creatorsLeaderboard: checkbox,
    streakMinVotes: count(1000).pipe(z.number().min(1, "At least 1.")),
    leaderboardAfterVotes: count(1000).pipe(z.number().min(1, "At least 1.")),
    prolificCompletionUrl: z.preprocess(
      (v) => (typeof v === "string" && v.trim() === "" ? null : v),
      z.url({ protocol: /^https?$/, message: "Enter a full https:// URL, or leave it empty." }).max(500, "A URL has at most 500 characters.").nullable().default(null),
    ),
    /**
     * The settings as the form showed them (JSON), so only what this admin changed is saved and a
     * change another admin made meanwhile to another field is kept (lib/settings/change.ts).
     */
    loaded: z.string().max(10_000).optional(),
  })
  .refine((s) => s.minMaskCoverage < s.maxMaskCoverage, { message: "The minimum coverage must be below the maximum.", path: ["minMaskCoverage"] });
