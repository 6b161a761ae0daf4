// What each research export contains, column by column. The exporter (lib/research/export.ts) and
// the data dictionary (docs/data-dictionary.md, rendered by lib/research/export-dictionary.ts and
// checked by a test) both come from this one list, so the documentation cannot drift from the files.
import { keyFromDate } from "@/lib/server/clock";
import type { Cell } from "@/lib/research/csv";
import { parseEngineParams, type EngineParams } from "@/lib/imagegen/params";

/** Every export, in the order the export page and the data dictionary list them. */
export const EXPORT_TABLE_NAMES = [
  "users",
  "days",
  "images",
  "votes",
  "voteEvents",
  "submissionEvents",
  "exposures",
  "flags",
  "audit",
  "skill",
  "dayInequality",
  "studies",
  "worlds",
  "assignments",
] as const;
export type ExportTable = (typeof EXPORT_TABLE_NAMES)[number];

/** Rows as the exporter reads them (lib/research/export.ts selects exactly these fields). */
export interface ExportRows {
  users: {
    id: number;
    participantId: string | null;
    role: string;
    createdAt: Date;
    bannedAt: Date | null;
    banReason: string | null;
    accounts: { provider: string }[];
    participation: {
      platform: string | null;
      studyId: string | null;
      sessionId: string | null;
      hitId: string | null;
      assignmentId: string | null;
      completedAt: Date | null;
      completionCode: string | null;
    } | null;
  };
  days: {
    id: number;
    worldId: number;
    date: Date;
    status: string;
    seedImageId: number;
    winnerImageId: number | null;
    openedAt: Date;
    closedAt: Date | null;
    totalParticipants: number;
    totalSubmissions: number;
    totalVotes: number;
  };
  images: {
    id: number;
    dayId: number | null;
    parentId: number | null;
    creatorId: number | null;
    status: string;
    prompt: string;
    provider: string;
    model: string;
    modelRequested: string | null;
    width: number;
    height: number;
    maskCoverage: number | null;
    engineParams: string | null;
    engineMs: number | null;
    totalMs: number | null;
    locale: string | null;
    upvotes: number;
    downvotes: number;
    createdAt: Date;
    submittedAt: Date | null;
    hiddenAt: Date | null;
    hiddenReason: string | null;
  };
  votes: {
    id: number;
    userId: number;
    imageId: number;
    value: number;
    position: number | null;
    talliesVisible: boolean;
    locale: string | null;
    createdAt: Date;
    updatedAt: Date;
    image: { dayId: number | null };
  };
  voteEvents: {
    id: number;
    userId: number;
    imageId: number;
    dayId: number;
    previous: number;
    value: number;
    position: number | null;
    talliesVisible: boolean;
    locale: string | null;
    createdAt: Date;
  };
  submissionEvents: { id: number; imageId: number; userId: number; dayId: number; action: string; createdAt: Date };
  exposures: { id: number; userId: number; imageId: number; dayId: number; position: number; sampled: boolean; createdAt: Date };
  flags: { id: number; imageId: number; userId: number; reason: string; createdAt: Date; image: { dayId: number | null } };
  studies: { id: number; name: string; status: string; startedAt: Date; endedAt: Date | null };
  worlds: {
    id: number;
    studyId: number;
    position: number;
    name: string;
    weight: number;
    firstSeedImageId: number | null;
    conditions: string | null;
    createdAt: Date;
  };
  assignments: { id: number; userId: number; studyId: number; worldId: number; method: string; createdAt: Date };
  /** Computed (lib/research/skill.ts): one row per participant, `id` their user id. */
  skill: {
    id: number;
    days: number;
    submissions: number;
    values: number[];
    skill: number;
    ciLow: number | null;
    ciHigh: number | null;
    seed: number;
    resamples: number;
  };
  /** Computed (lib/research/inequality.ts): one row per closed day, `id` the day's id. */
  dayInequality: {
    id: number;
    date: string;
    images: number;
    upvotes: number;
    giniUpvotes: number | null;
    giniNet: number | null;
    netShift: number | null;
    winnerImageId: number | null;
    winnerShare: number | null;
  };
  audit: {
    id: number;
    createdAt: Date;
    adminId: number | null;
    action: string;
    targetType: string;
    targetId: string | null;
    reason: string | null;
    before: string | null;
    after: string | null;
  };
}

/** Where a day belongs: its study and world, and the condition it was played under. */
export type DayScope = { studyId: number; worldId: number; condition: string | null };

/** Per-export helpers a column may need (keyed with server secrets, or read once, so made by the exporter). */
export type ExportContext = {
  hashParticipant: (participantId: string) => string;
  /** The study, world and condition of a day (null for no day: the bundled first seed). */
  dayScope: (dayId: number | null) => DayScope | null;
};

export type Column<R> = {
  name: string;
  description: string;
  get: (row: R, ctx: ExportContext) => Cell;
  /** Present only in raw exports (raw=1), or only in the default, pseudonymised ones. */
  only?: "raw" | "pseudonymised";
  /** Reads ctx.dayScope: the exporter reads every day's scope only for tables that have such a column. */
  readsDays?: true;
};

export type TableSpec<R> = { title: string; description: string; columns: Column<R>[] };

const col = <R>(name: string, description: string, get: (row: R, ctx: ExportContext) => Cell, only?: Column<R>["only"]): Column<R> => ({
  name,
  description,
  get,
  only,
});
/** The keys of R whose values can go in a cell as they are (not the nested relations). */
type CellKeys<R> = { [K in keyof R]: R[K] extends Cell ? K : never }[keyof R] & string;
// The cast is safe: CellKeys only admits keys whose values are Cells, which TS cannot follow through R[K].
const field = <R>(name: CellKeys<R>, description: string) => col<R>(name, description, (r) => r[name] as Cell);

const CONDITION_TEXT =
  'The condition the day was played under, as one label of every condition a world can set, always in this order: "tallies=always|afterVote|never;order=random|newest|score;hideAuthors=true|false;allowSelfVoting=true|false;generationQuota=<n>;submissionsPerDay=<n>;minMaskCoverage=<0-1>;maxMaskCoverage=<0-1>" (lib/worlds/conditions.ts). Rows with equal labels share a condition, whichever world they come from. For a closed day, what the rollover recorded when it closed it; for an open day, what its world plays by now. Empty for days closed before conditions were recorded (their worlds\' changes are in the audit log, world.conditions and settings).';

/**
 * The study, world and condition columns of a table whose rows belong to a day (`dayOf` finds it),
 * so every export can be split by world and condition without joining through days and worlds.
 */
function scopeColumns<R>(dayOf: (row: R) => number | null, what: string): Column<R>[] {
  return [
    dayColumn("studyId", `The study ${what} belongs to (studies.id).`, (r, ctx) => ctx.dayScope(dayOf(r))?.studyId ?? null),
    dayColumn("worldId", `The world ${what} belongs to (worlds.id).`, (r, ctx) => ctx.dayScope(dayOf(r))?.worldId ?? null),
    dayColumn("condition", CONDITION_TEXT, (r, ctx) => ctx.dayScope(dayOf(r))?.condition ?? null),
  ];
}

/** A column read from the day's scope (ctx.dayScope). */
const dayColumn = <R>(name: string, description: string, get: Column<R>["get"]): Column<R> => ({
  ...col(name, description, get),
  readsDays: true,
});

// A row's recorded engine parameters, parsed once however many columns read them.
const parsedParams = new WeakMap<object, EngineParams | null>();
function paramsOf(row: { engineParams: string | null }): EngineParams | null {
  if (!parsedParams.has(row)) parsedParams.set(row, parseEngineParams(row.engineParams));
  return parsedParams.get(row)!;
}
type ImageRow = ExportRows["images"];
/** A column read from the self-hosted engine's recorded parameters; empty for the other engines. */
const sdwebui = (name: string, description: string, get: (p: Extract<EngineParams, { engine: "sdwebui" }>) => Cell) =>
  col<ImageRow>(name, `${description} Self-hosted engine (provider "sdwebui") only; empty otherwise.`, (r) => {
    const p = paramsOf(r);
    return p?.engine === "sdwebui" ? get(p) : null;
  });

/** What determined each generated image (Image.engineParams), as the engine reported it. */
const ENGINE_COLUMNS: Column<ImageRow>[] = [
  col<ImageRow>(
    "engineParams",
    'Everything that determined the image, as JSON, as its engine reported it (lib/imagegen/params.ts): {"engine":"sdwebui", checkpoint, checkpointHash, seed, sampler, scheduler, steps, cfgScale, denoisingStrength, inpaintingFill, inpaintFullRes, inpaintPadding, maskBlur, width, height, serverVersion}, {"engine":"openai", snapshot, requested, size, outputFormat} or {"engine":"offline", algorithm}. The columns after it spell out the self-hosted engine\'s. Empty for seeds and for images made before parameters were recorded.',
    (r) => r.engineParams,
  ),
  sdwebui("engineCheckpoint", "The checkpoint the server reported it used (its file name without extension).", (p) => p.checkpoint),
  sdwebui(
    "engineCheckpointHash",
    "That checkpoint's hash as the server reported it: the first 10 hexadecimal digits of the file's SHA-256 (the webui's short hash), which identifies the exact weights.",
    (p) => p.checkpointHash,
  ),
  sdwebui(
    "engineSeed",
    "The seed the server used (reported back even when the request asked for a random one), 0 to 4294967293.",
    (p) => p.seed,
  ),
  sdwebui("engineSampler", 'The sampler the server reported it used, e.g. "DPM++ 2M".', (p) => p.sampler),
  sdwebui("engineScheduler", 'The noise schedule asked for, e.g. "Karras" or "Automatic" (the sampler\'s own).', (p) => p.scheduler),
  sdwebui("engineSteps", "Sampling steps asked for (img2img runs about steps × denoising strength of them).", (p) => p.steps),
  sdwebui("engineCfgScale", "Classifier-free guidance scale: how strongly the prompt steers the picture.", (p) => p.cfgScale),
  sdwebui(
    "engineDenoisingStrength",
    "0 to 1: how far the masked area may move from what it started as (1 repaints it entirely).",
    (p) => p.denoisingStrength,
  ),
  sdwebui(
    "engineInpaintingFill",
    'What the masked area started from before sampling: "fill" (its surroundings\' colours), "original" (the picture itself), "latent noise" or "latent nothing".',
    (p) => p.inpaintingFill,
  ),
  sdwebui(
    "engineInpaintFullRes",
    'true: the server repainted a crop around the mask at full resolution (the webui\'s "Only masked"), with engineInpaintPadding pixels around it; false: the whole picture.',
    (p) => p.inpaintFullRes,
  ),
  sdwebui("engineInpaintPadding", "Pixels around the mask in that crop.", (p) => p.inpaintPadding),
  sdwebui("engineMaskBlur", "Pixels of blur the server applied to the mask's edge before using it.", (p) => p.maskBlur),
  col<ImageRow>(
    "engineSize",
    "The size sent to the engine (WxH): the seed scaled to what the model takes; the result was scaled back and composited onto the seed outside the mask. Empty for the offline engine, which works at the seed's size.",
    (r) => {
      const p = paramsOf(r);
      return p?.engine === "sdwebui" ? `${p.width}x${p.height}` : p?.engine === "openai" ? p.size : null;
    },
  ),
  sdwebui("engineServerVersion", 'The server\'s version as it reported it, e.g. "v1.10.1".', (p) => p.serverVersion),
];

export const EXPORT_TABLES: { [T in ExportTable]: TableSpec<ExportRows[T]> } = {
  users: {
    title: "users",
    description:
      "One row per account. Email addresses and display names are never exported (display names are a real name for OAuth accounts, or derived from the participant id).",
    columns: [
      field("id", "Internal user id; Image.creatorId, Vote.userId, Flag.userId and AuditLog.adminId refer to it."),
      col(
        "participantHash",
        "HMAC-SHA256 (hex) of the participant id (Prolific PID, MTurk workerId ...), keyed by EXPORT_HASH_SALT or, when unset, by a key derived from NEXTAUTH_SECRET. The same id gives the same hash in every export made with the same key. Empty for OAuth accounts.",
        (r, ctx) => (r.participantId === null ? null : ctx.hashParticipant(r.participantId)),
        "pseudonymised",
      ),
      col(
        "participantId",
        "The participant id itself. Only in raw exports (raw=1), which are personal data.",
        (r) => r.participantId,
        "raw",
      ),
      col(
        "signIn",
        'How the account signs in: "participant-id", or the OAuth providers linked to it ("github", "google", joined by +).',
        (r) =>
          r.participantId !== null
            ? "participant-id"
            : r.accounts
                .map((a) => a.provider)
                .sort()
                .join("+") || null,
      ),
      field("role", "PARTICIPANT or ADMIN."),
      field("createdAt", "When the account was created (first sign-in)."),
      field("bannedAt", "When the account was banned; empty if it is not banned."),
      field("banReason", "The reason given for the ban."),
      col(
        "platform",
        "The crowd platform whose link the account last arrived by: PROLIFIC or MTURK; empty for accounts that signed in on their own.",
        (r) => r.participation?.platform ?? null,
      ),
      col("studyId", "Prolific's STUDY_ID from that link. Only in raw exports (raw=1).", (r) => r.participation?.studyId ?? null, "raw"),
      col(
        "sessionId",
        "Prolific's SESSION_ID from that link. Only in raw exports (raw=1).",
        (r) => r.participation?.sessionId ?? null,
        "raw",
      ),
      col("hitId", "MTurk's hitId from that link. Only in raw exports (raw=1).", (r) => r.participation?.hitId ?? null, "raw"),
      col(
        "assignmentId",
        "MTurk's assignmentId from that link: the assignment the finish button posts to MTurk. Only in raw exports (raw=1).",
        (r) => r.participation?.assignmentId ?? null,
        "raw",
      ),
      col(
        "completedAt",
        "When the account's completion code was issued at /complete: once, and only after it had done the study's tasks (lib/study/completion.ts). Empty for everyone else.",
        (r) => r.participation?.completedAt ?? null,
      ),
      col(
        "completionCode",
        "The completion code issued then, so codes pasted into a crowd platform can be checked. Empty for accounts that never earned or asked for one: a code is never listed for someone who did not finish.",
        (r) => (r.participation?.completedAt ? r.participation.completionCode : null),
      ),
    ],
  },
  days: {
    title: "days",
    description: "One row per day's vote.",
    columns: [
      field("id", "Internal day id; Image.dayId refers to it."),
      dayColumn("studyId", "The study the day belongs to (studies.id).", (r, ctx) => ctx.dayScope(r.id)?.studyId ?? null),
      field("worldId", "The world whose timeline the day belongs to (worlds.id)."),
      dayColumn("condition", CONDITION_TEXT, (r, ctx) => ctx.dayScope(r.id)?.condition ?? null),
      col("date", "The calendar date (YYYY-MM-DD) in the app's time zone (APP_TIME_ZONE).", (r) => keyFromDate(r.date)),
      field("status", "OPEN (still voting) or CLOSED (the rollover picked its winner)."),
      field("seedImageId", "The image the day's participants edited: the previous day's winner, or a seed."),
      field("winnerImageId", "The image that won (it seeds the next day); empty when nobody was eligible or the day is open."),
      field("openedAt", "When the day was opened."),
      field("closedAt", "When the rollover closed it; empty while open."),
      field("totalParticipants", "People who made an image (drafts included) or voted, recorded at the close; 0 while open."),
      field("totalSubmissions", "Images submitted to the vote (hidden ones included), recorded at the close; 0 while open."),
      field("totalVotes", "Votes on the day's images, recorded at the close; 0 while open."),
    ],
  },
  images: {
    title: "images",
    description: "Every image: seeds, drafts (attempts not submitted) and submissions.",
    columns: [
      field("id", "Internal image id."),
      field("dayId", "The day the image was made for; empty only for the bundled first seed."),
      ...scopeColumns<ExportRows["images"]>((r) => r.dayId, "the image's day (empty for the bundled first seed, which starts every world)"),
      field("parentId", "The image it was made from (the day's seed); following parentId walks the lineage."),
      field("creatorId", "The user who made it; empty for seeds."),
      field("status", "SEED, DRAFT (an attempt kept but not submitted) or SUBMITTED (in the day's vote)."),
      field("prompt", "The prompt, as the participant wrote it."),
      field(
        "provider",
        'The engine that made it: "openai", "sdwebui" (a self-hosted stable-diffusion-webui), "offline" (the built-in engine), or for seeds "bundled" (the bundled first seed) or "upload" (a first picture an admin uploaded to start a study from; its prompt is the description they gave).',
      ),
      field(
        "model",
        "The exact model that produced the image: for the self-hosted engine the checkpoint the server reported (engineCheckpoint); for OpenAI the dated snapshot (e.g. gpt-image-2-2026-04-21) that every edit asked for, since the Images API names none in its response. Older images, made before snapshots were resolved, have the id as configured (often the alias), equal to modelRequested.",
      ),
      field(
        "modelRequested",
        "The model id the configuration asked for: SDWEBUI_CHECKPOINT for the self-hosted engine; OPENAI_IMAGE_MODEL for OpenAI, an alias such as gpt-image-2, resolved through the Models API to its newest snapshot that was not shut down, or a snapshot itself. Empty for seeds; for older images, copied from model when the column was added.",
      ),
      field("width", "Width in pixels."),
      field("height", "Height in pixels."),
      field("maskCoverage", "Share of the picture the participant's mask repainted (0-1); empty for seeds."),
      ...ENGINE_COLUMNS,
      field("engineMs", "Time the engine took to generate, in milliseconds."),
      field("totalMs", "Time of the whole generation request (upload, engine, storage), in milliseconds."),
      field(
        "locale",
        'Interface language the creator used: "en", "es" or "ar" (the prompt is as typed); empty for seeds and older images.',
      ),
      field("upvotes", "Up-votes it has (or had when its day closed)."),
      field("downvotes", "Down-votes it has (or had when its day closed)."),
      field("createdAt", "When it was generated."),
      field("submittedAt", "When it was submitted to the vote; empty for drafts and seeds."),
      col("hidden", "true if a moderator hid it (out of the vote, never a winner).", (r) => r.hiddenAt !== null),
      field("hiddenAt", "When it was hidden; empty if visible."),
      field("hiddenReason", "The moderator's reason for hiding it."),
    ],
  },
  votes: {
    title: "votes",
    description:
      "One row per user and image voted on: the vote as it stands (a changed vote is one row with its latest value; a cleared vote is gone). How each vote got there is in voteEvents.",
    columns: [
      field("id", "Internal vote id."),
      field("userId", "The voter (users.id)."),
      field("imageId", "The image voted on (images.id)."),
      col("dayId", "The day of that image (days.id), for convenience.", (r) => r.image.dayId),
      ...scopeColumns<ExportRows["votes"]>((r) => r.image.dayId, "the image's day"),
      field("value", "1 (up) or -1 (down)."),
      field(
        "position",
        "Where the image stood in this voter's full order when they voted (0-based, counted across the pages of the list, not within one); for herding research. In sample mode, its place in the voter's sample (see exposures.sampled).",
      ),
      field("talliesVisible", "Whether the voter could see the image's tallies when casting this vote."),
      field("locale", 'Interface language the voter used when the vote took its current value: "en", "es" or "ar".'),
      field("createdAt", "When the user first voted on the image."),
      field("updatedAt", "When the vote last took its current value."),
    ],
  },
  voteEvents: {
    title: "voteEvents",
    description:
      "Every change a participant made to a vote, in order, never updated or deleted: a cast (previous 0), a switch (previous and value opposite, e.g. after seeing the tallies) or a retraction (value 0). Written in the same transaction as the vote, so for every image the events add up to its tallies. Recorded from the version that added this table on; votes cast before it have no events. Join to votes on userId and imageId for the current value.",
    columns: [
      field("id", "Internal event id; increases with time, so it orders one voter's changes."),
      field("userId", "The voter (users.id)."),
      field("imageId", "The image voted on (images.id)."),
      field("dayId", "The image's day (days.id)."),
      ...scopeColumns<ExportRows["voteEvents"]>((r) => r.dayId, "the image's day"),
      field("previous", "The voter's vote on the image before this change: 1 (up), -1 (down) or 0 (none)."),
      field("value", "The vote after this change: 1 (up), -1 (down) or 0 (retracted)."),
      field(
        "position",
        "Where the image stood in this voter's full order when they made the change (0-based, across pages, as votes.position).",
      ),
      field(
        "talliesVisible",
        "Whether the voter could see the image's tallies when making the change: always after their own first vote, and before it only if the experiment shows tallies to everyone.",
      ),
      field("locale", 'Interface language the voter used: "en", "es" or "ar".'),
      field("createdAt", "When the change was made."),
    ],
  },
  submissionEvents: {
    title: "submissionEvents",
    description:
      "Every time a participant put one of their attempts in the day's vote (SUBMIT) or took it back out (WITHDRAW), in order, never updated or deleted, written in the same transaction as the change. A withdrawal is only possible before the submission's first vote, and gives the day's submission back, so the attempt may be replaced by another. images.status is the current state. Recorded from the version that added this table on; earlier submissions have none (images.submittedAt says when they joined the vote).",
    columns: [
      field("id", "Internal event id; increases with time."),
      field("imageId", "The attempt (images.id)."),
      field("userId", "Its creator (users.id), who made the change."),
      field("dayId", "The attempt's day (days.id)."),
      ...scopeColumns<ExportRows["submissionEvents"]>((r) => r.dayId, "the attempt's day"),
      field("action", "SUBMIT or WITHDRAW."),
      field("createdAt", "When it happened."),
    ],
  },
  exposures: {
    title: "exposures",
    description:
      "Which submissions each voter was shown on the vote page, where, and whether the exposure-balanced sample chose them: one row per voter and image, written when the page of the list holding the image was served to a signed-in voter on an open day (the first showing is kept; visitors who are not signed in and closed days' rankings are not recorded). An image counts as shown once its page was sent, whether or not the voter scrolled to it. Counting rows per image gives its views, which sample mode (setting voteSampleSize) balances. Join to votes on userId and imageId.",
    columns: [
      field("id", "Internal exposure id."),
      field("userId", "The voter (users.id)."),
      field("imageId", "The image shown (images.id)."),
      field("dayId", "The image's day (days.id)."),
      ...scopeColumns<ExportRows["exposures"]>((r) => r.dayId, "the image's day"),
      field(
        "position",
        "Where the image stood in this voter's full order when first shown (0-based, across pages, as votes.position): their own random order, newest first, or their sample in that order.",
      ),
      field(
        "sampled",
        "true if the voter was in sample mode and the exposure-balanced sample chose the image for them (fewest views first, ties at random but stable for the voter); false if they were shown every submission.",
      ),
      field("createdAt", "When the image was first shown to the voter."),
    ],
  },
  flags: {
    title: "flags",
    description: "Reports of images by participants, one per person and image.",
    columns: [
      field("id", "Internal flag id."),
      field("imageId", "The image reported (images.id)."),
      ...scopeColumns<ExportRows["flags"]>((r) => r.image.dayId, "the image's day"),
      field("userId", "Who reported it (users.id)."),
      field("reason", "The reason they gave."),
      field("createdAt", "When it was reported."),
    ],
  },
  audit: {
    title: "audit",
    description: "What admins did: hiding, bans, vetoes, settings, rollovers, exports.",
    columns: [
      field("id", "Internal entry id."),
      field("createdAt", "When it happened."),
      field("adminId", "The admin (users.id); empty for the system or a deleted account."),
      field("action", "What was done: hide, unhide, ban, unban, veto, settings, rollover, export ..."),
      field("targetType", "The kind of thing acted on: image, user, day, settings, table ..."),
      field("targetId", "Its id (or table name)."),
      field("reason", "The reason the admin gave."),
      field("before", "The target's relevant fields before the change, as JSON."),
      field("after", "The same fields after the change, as JSON."),
    ],
  },
  studies: {
    title: "studies",
    description:
      "One row per study. A study runs one or more worlds side by side from the same first seed; one runs at a time. Study 1 is the timeline that existed before studies did.",
    columns: [
      field("id", "Internal study id; worlds.studyId and assignments.studyId refer to it."),
      field("name", "Its name."),
      field("status", "RUNNING or ENDED."),
      field("startedAt", "When it started (study 1: when its first day opened)."),
      field("endedAt", "When it ended; empty while it runs."),
    ],
  },
  worlds: {
    title: "worlds",
    description:
      "One row per world: a timeline of days and a lineage of its own, under its own conditions. Each day belongs to one world (days.worldId), and through it every image, vote and event of that day.",
    columns: [
      field("id", "Internal world id."),
      field("studyId", "Its study (studies.id)."),
      field("position", "1, 2, ... within the study."),
      field("name", "Its name, as the researchers gave it (participants never see it)."),
      field("weight", "Its places in each randomisation block: its share of new participants is weight / the sum of the study's weights."),
      field("firstSeedImageId", "The picture its first day started from (images.id)."),
      field(
        "conditions",
        'Its conditions over the study\'s settings, as JSON (empty: the settings alone): tallies ("always", "afterVote", "never"), order ("random", "newest", "score"), hideAuthors, allowSelfVoting, generationQuota, submissionsPerDay, minMaskCoverage, maxMaskCoverage. A key left out is the setting of the same name.',
      ),
      field("createdAt", "When it was made."),
    ],
  },
  assignments: {
    title: "assignments",
    description: "Which world each participant is in for each study, decided once at their first sign-in or visit in it and never changed.",
    columns: [
      field("id", "Internal assignment id; increases with time."),
      field("userId", "The participant (users.id)."),
      field("studyId", "The study (studies.id)."),
      field("worldId", "Their world (worlds.id)."),
      field(
        "method",
        "RANDOM: the next place of the study's current block (block randomisation: each block holds every world `weight` times in a random order, so world sizes never differ by more than a block's share); LINK: a signed link named the world; MIGRATED: the account existed before studies and joined study 1's only world.",
      ),
      field("createdAt", "When it was decided."),
    ],
  },
  skill: {
    title: "skill",
    description:
      "Computed when exported, not stored: each participant's prompt-writing skill as docs/RESEARCH.md defines it (lib/research/skill.ts). A closed day's eligible submissions are ranked as the rollover ranks them (rankEligible, with the current excludeBannedVoters setting and bans; hidden submissions and banned creators' are not in it); a submission ranked r of N has percentile rank (N − r) / (N − 1); days with one eligible submission are left out. A participant's value for a day is the mean of their submissions' ranks that day, so every day weighs the same. With lang, only submissions made in that language count, ranked among everyone's.",
    columns: [
      field("id", "The participant (users.id)."),
      field("days", "Closed days counted: at least 2 eligible submissions, one or more of them theirs."),
      field("submissions", "Their eligible submissions on those days."),
      col("values", "Their value for each counted day, in date order, separated by spaces.", (r) => r.values.join(" ")),
      field("skill", "The mean of those values, in [0, 1]: 1 is always the day's best, 0 always its worst."),
      field(
        "ciLow",
        "95 % bootstrap interval, low end: their days resampled with replacement `resamples` times, the 2.5th percentile of the resampled means (linear interpolation, type 7). Empty with fewer than 2 days.",
      ),
      field("ciHigh", "The same interval's high end (97.5th percentile)."),
      field("seed", "The bootstrap's seed (each participant's stream is derived from it and their id), so the interval can be reproduced."),
      field("resamples", "Bootstrap resamples (at least 2,000)."),
    ],
  },
  dayInequality: {
    title: "dayInequality",
    description:
      "Computed when exported, not stored: inequality of outcomes per closed day as docs/RESEARCH.md defines it (lib/research/inequality.ts), over the day's submitted, visible images and their final tallies. Gini G = 2·Σ i·xᵢ / (n·Σ xᵢ) − (n + 1)/n over the values sorted ascending (i from 1), 0 when all are equal or all zero.",
    columns: [
      field("id", "The day (days.id)."),
      ...scopeColumns<ExportRows["dayInequality"]>((r) => r.id, "the day"),
      field("date", "The calendar date (YYYY-MM-DD) in APP_TIME_ZONE."),
      field("images", "Submitted, visible images measured."),
      field("upvotes", "Their up-votes, summed."),
      field("giniUpvotes", "Gini of the images' up-votes; empty with no images."),
      field(
        "giniNet",
        "Gini of their net scores (up − down) shifted to be non-negative: the day's lowest net score is subtracted from each.",
      ),
      field("netShift", "That lowest net score."),
      field("winnerImageId", "The winner the rollover recorded."),
      field(
        "winnerShare",
        "The winner's up-votes divided by all up-votes that day; empty without up-votes or when the winner is no longer visible.",
      ),
    ],
  },
};

/** The columns of a table in one kind of export. */
export function exportColumns<T extends ExportTable>(table: T, raw: boolean): Column<ExportRows[T]>[] {
  const spec: TableSpec<ExportRows[T]> = EXPORT_TABLES[table];
  return spec.columns.filter((c) => !c.only || c.only === (raw ? "raw" : "pseudonymised"));
}
