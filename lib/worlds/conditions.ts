import "server-only";
import { getSettings } from "@/lib/settings/settings";
import { settingsSchema, type Settings } from "@/lib/settings/schema";
import { z } from "@/lib/validations/zod";
import { getRunningStudy } from "@/lib/worlds/studies";

/** When voters see an image's tallies: always, once they have voted on it, or never (a closed day's always). */
export const TALLY_MODES = ["always", "afterVote", "never"] as const;
/** How an open day's submissions are ordered for a voter: their own random order, newest first, or by current score. */
export const FEED_ORDERS = ["random", "newest", "score"] as const;
export type TallyMode = (typeof TALLY_MODES)[number];
export type FeedOrderMode = (typeof FEED_ORDERS)[number];

const shape = settingsSchema.def.shape!;

/**
 * A world's experimental conditions, as World.conditions stores them (JSON). Each one left out
 * is the study's setting (lib/settings), so a world without conditions behaves exactly as the
 * settings say; `tallies` and `order` add what the global switches cannot express (never shown;
 * by score, the strongest social signal).
 */
export const worldConditionsSchema = z
  .object({
    tallies: z.enum(TALLY_MODES),
    order: z.enum(FEED_ORDERS),
    hideAuthors: shape.hideAuthors,
    allowSelfVoting: shape.allowSelfVoting,
    generationQuota: shape.generationQuota,
    submissionsPerDay: shape.submissionsPerDay,
    minMaskCoverage: shape.minMaskCoverage,
    maxMaskCoverage: shape.maxMaskCoverage,
  })
  .partial()
  .strict();

export type WorldConditions = z.infer<typeof worldConditionsSchema>;

/** The settings one world plays by: the study's, its conditions over them, and the two modes spelled out. */
export type WorldSettings = Settings & { tallies: TallyMode; order: FeedOrderMode };

/** Stored conditions read back; anything unreadable counts as none (the study's settings), as settings do. */
export function parseConditions(text: string | null | undefined): WorldConditions {
  if (!text) return {};
  try {
    const parsed = worldConditionsSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : {};
  } catch {
    return {};
  }
}

/**
 * The settings under `conditions`. The boolean switches the rest of the app reads are kept in step
 * with the modes (hideTalliesUntilVoted unless tallies are always shown; randomizeOrder only for
 * the random order). Mask bounds that would cross are left as the study's.
 */
export function applyConditions(settings: Settings, conditions: WorldConditions): WorldSettings {
  const tallies = conditions.tallies ?? (settings.hideTalliesUntilVoted ? "afterVote" : "always");
  const order = conditions.order ?? (settings.randomizeOrder ? "random" : "newest");
  const { tallies: _t, order: _o, ...rest } = conditions;
  const merged = { ...settings, ...rest };
  if (merged.minMaskCoverage >= merged.maxMaskCoverage) {
    merged.minMaskCoverage = settings.minMaskCoverage;
    merged.maxMaskCoverage = settings.maxMaskCoverage;
  }
  return { ...merged, tallies, order, hideTalliesUntilVoted: tallies !== "always", randomizeOrder: order === "random" };
}

/** The settings `worldId` plays by (the study's alone for a world of a study that has ended). */
export async function getWorldSettings(worldId: number): Promise<WorldSettings> {
  const [settings, study] = await Promise.all([getSettings(), getRunningStudy()]);
  return applyConditions(settings, parseConditions(study.worlds.find((w) => w.id === worldId)?.conditions));
}

/** Whether a voter sees an image's tallies: on a closed day always, else as the world's mode says. */
export function talliesShown(s: Pick<WorldSettings, "tallies">, opts: { closed: boolean; voted: boolean }): boolean {
  return opts.closed || s.tallies === "always" || (s.tallies === "afterVote" && opts.voted);
}

/** Everything a world's conditions can vary: the social information it shows and the rules it plays by. */
export type Condition = Pick<
  WorldSettings,
  "tallies" | "order" | "hideAuthors" | "allowSelfVoting" | "generationQuota" | "submissionsPerDay" | "minMaskCoverage" | "maxMaskCoverage"
>;

/**
 * A condition as one label researchers can group and filter by (exports, days.condition), e.g.
 * "tallies=afterVote;order=random;hideAuthors=true;allowSelfVoting=false;generationQuota=10;
 * submissionsPerDay=1;minMaskCoverage=0.01;maxMaskCoverage=0.9" (one line). Every condition a
 * world can set is in it, always in this order, so days whose labels are equal were played under
 * the same rules, and worlds that differ in anything never share a label.
 */
export function conditionLabel(s: Condition): string {
  return (
    `tallies=${s.tallies};order=${s.order};hideAuthors=${s.hideAuthors};allowSelfVoting=${s.allowSelfVoting};` +
    `generationQuota=${s.generationQuota};submissionsPerDay=${s.submissionsPerDay};minMaskCoverage=${s.minMaskCoverage};maxMaskCoverage=${s.maxMaskCoverage}`
  );
}

const flag = z.enum(["true", "false"]).transform((v) => v === "true");
const labelSchema = z.object({
  tallies: z.enum(TALLY_MODES),
  order: z.enum(FEED_ORDERS),
  hideAuthors: flag,
  allowSelfVoting: flag,
  generationQuota: z.coerce.number().int(),
  submissionsPerDay: z.coerce.number().int(),
  minMaskCoverage: z.coerce.number(),
  maxMaskCoverage: z.coerce.number(),
});

/** A label conditionLabel wrote, read back; null for anything else (a hand-edited, empty or older one). */
export function parseConditionLabel(label: string | null): Condition | null {
  if (!label) return null;
  const parsed = labelSchema.safeParse(Object.fromEntries(label.split(";").map((part) => part.split("=", 2))));
  return parsed.success && conditionLabel(parsed.data) === label ? parsed.data : null;
}

const CONDITION_KEYS = Object.keys(worldConditionsSchema.def.shape) as (keyof WorldConditions)[];

/**
 * A form's conditions laid over stored ones: a value sets its key, null takes it back to the
 * settings, and a key left out keeps what it was. Anything but the conditions (a name, an id) is ignored.
 */
export function withConditions(
  before: WorldConditions,
  input: { [K in keyof WorldConditions]?: WorldConditions[K] | null },
): WorldConditions {
  const after: Record<string, unknown> = { ...before };
  for (const key of CONDITION_KEYS) {
    const value = input[key];
    if (value === null) delete after[key];
    else if (value !== undefined) after[key] = value;
  }
  return worldConditionsSchema.parse(after);
}
