// The bad-input corpus: malformed, hostile and out-of-place inputs sent to every server action
// and route. Each must be refused with a 4xx (or an action's { ok: false }) carrying its code and
// a specific message (never the generic "something went wrong"): the English catalogue's text for
// the refusal's detail, values filled in. And it must leave the database and storage exactly as
// they were. Only the session is faked (next-auth's getServerSession returns the
// chosen user); everything after it is the real code on a real database of this file's own.
import "@/test/isolated-db";
import { mkdtemp, readdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import sharp from "sharp";
import { beforeAll, describe, expect, it, vi } from "vitest";

const session = vi.hoisted(() => ({ userId: null as number | null }));
vi.mock("next-auth", async (importOriginal) => ({
  ...(await importOriginal<typeof import("next-auth")>()),
  getServerSession: async () => (session.userId ? { user: { id: session.userId }, expires: "2999-01-01" } : null),
}));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));

const storageDir = await mkdtemp(join(tmpdir(), "ppw-bad-input-"));
process.env.STORAGE_DRIVER = "local";
process.env.STORAGE_LOCAL_DIR = storageDir;
process.env.CRON_SECRET = "bad-input-cron-secret-0123456789";
// This file is about validation: limits are tested in lib/server/rate-limit.test.ts and below.
process.env.RATE_LIMIT_SCALE = "1000";
const { resetEnvForTests } = await import("@/lib/server/env");
resetEnvForTests();

const { db } = await import("@/lib/server/db");
const { getStorage } = await import("@/lib/storage");
const { todayKey, dateFromKey } = await import("@/lib/server/clock");
const createActions = await import("@/lib/creating/actions");
const voteActions = await import("@/lib/voting/actions");
const adminActions = await import("@/lib/admin/actions");
const voteRoute = await import("@/app/api/vote/route");
const filesRoute = await import("@/app/files/[...key]/route");
const cronRoute = await import("@/app/api/cron/rollover/route");
const exportRoute = await import("@/app/admin/export/[table]/route");
const { signInParticipant } = await import("@/lib/auth/users");
type SignInRefused = import("@/lib/auth/users").SignInRefused;
const { setLocaleAction } = await import("@/i18n/locale-action");
const { makeUser, rectMask } = await import("@/test/fixtures");
const { english } = await import("@/test/error-text");
const { MAX_IMAGE_PIXELS } = await import("@/lib/mask/mask");
const { ERROR_STATUS, detail, toDetail } = await import("@/lib/server/error-codes");
type ErrorCode = import("@/lib/server/error-codes").ErrorCode;
type ErrorDetail = import("@/lib/server/error-codes").ErrorDetail;
type DetailArg = import("@/lib/server/error-codes").DetailArg;

const W = 384;
const H = 256;
const fx = {} as {
  me: number;
  other: number;
  admin: number;
  banned: number;
  dayId: number;
  closedDayId: number;
  seedId: number;
  theirs: number;
  mine: number;
  hidden: number;
  closedImage: number;
  theirDraft: number;
  myClosedDraft: number;
  goodMask: Buffer;
};

beforeAll(async () => {
  fx.me = (await makeUser()).id;
  fx.other = (await makeUser()).id;
  fx.admin = (await makeUser({ role: "ADMIN" })).id;
  fx.banned = (await makeUser({ bannedAt: new Date() })).id;
  const png = await sharp({ create: { width: W, height: H, channels: 3, background: "#7a9" } })
    .png()
    .toBuffer();
  await getStorage().put("seeds/bad-input.png", png, "image/png");
  const seed = await db.image.create({
    data: {
      prompt: "seed",
      status: "SEED",
      resultKey: "seeds/bad-input.png",
      thumbKey: "seeds/bad-input.png",
      width: W,
      height: H,
      provider: "bundled",
      model: "t",
    },
  });
  fx.seedId = seed.id;
  // Today is open (the actions work on it); an old day is closed.
  fx.dayId = (await db.day.create({ data: { date: dateFromKey(todayKey()), seedImageId: seed.id } })).id;
  fx.closedDayId = (await db.day.create({ data: { date: new Date(Date.UTC(1700, 2, 3)), seedImageId: seed.id, status: "CLOSED" } })).id;
  const image = (dayId: number, creatorId: number, extra: object = {}) =>
    db.image.create({
      data: {
        dayId,
        parentId: seed.id,
        creatorId,
        prompt: "p",
        status: "SUBMITTED",
        submittedAt: new Date(),
        resultKey: "seeds/bad-input.png",
        thumbKey: "seeds/bad-input.png",
        width: W,
        height: H,
        provider: "offline",
        model: "t",
        ...extra,
      },
    });
  fx.theirs = (await image(fx.dayId, fx.other)).id;
  fx.mine = (await image(fx.dayId, fx.me)).id;
  fx.hidden = (await image(fx.dayId, fx.other, { hiddenAt: new Date(), hiddenReason: "test" })).id;
  fx.closedImage = (await image(fx.closedDayId, fx.other)).id;
  fx.theirDraft = (await image(fx.dayId, fx.other, { status: "DRAFT", submittedAt: null })).id;
  fx.myClosedDraft = (await image(fx.closedDayId, fx.me, { status: "DRAFT", submittedAt: null })).id;
  fx.goodMask = await rectMask(W, H, { x: 40, y: 40, w: 100, h: 80 });
});

/** Everything a refused request must not change: every table's checksum and the stored files. */
async function snapshot(): Promise<string> {
  const tables = ["User", "Account", "Day", "Image", "Vote", "Flag", "UserDayUsage", "Setting", "AuditLog"];
  const sums = (await db.$queryRawUnsafe(`CHECKSUM TABLE ${tables.map((t) => `\`${t}\``).join(", ")}`)) as {
    Table: string;
    Checksum: bigint | number | null;
  }[];
  const files = (await readdir(storageDir, { recursive: true })).sort();
  return JSON.stringify({ sums: sums.map((s) => [s.Table.split(".").pop(), String(s.Checksum)]), files });
}

type Outcome = { status: number; code?: string; message: string };

async function fromAction(res: Promise<{ ok: true } | { ok: false; code: ErrorCode; message: string }>): Promise<Outcome> {
  const r = await res;
  if (r.ok) return { status: 200, message: "accepted" };
  // An action answers no HTTP status; the one its code has on a route stands in for it.
  return { status: ERROR_STATUS[r.code], code: r.code, message: r.message };
}

async function fromResponse(res: Response | Promise<Response>): Promise<Outcome> {
  const r = await res;
  const body = (await r.json().catch(() => ({}))) as { error?: { code?: string; message?: string } | string };
  const err = typeof body.error === "string" ? { message: body.error } : (body.error ?? {});
  return { status: r.status, code: err.code, message: err.message ?? "" };
}

function form(fields: Record<string, string | number | Blob>) {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) f.set(k, typeof v === "number" ? String(v) : v);
  return f;
}
const maskFile = (bytes: Buffer | Uint8Array, type = "image/png") => new File([new Uint8Array(bytes)], "mask.png", { type });
const generate = (fields: Record<string, string | number | Blob>) => fromAction(createActions.generateAction(form(fields)));
const goodGenerate = () => ({ dayId: fx.dayId, prompt: "a red kite over the hill", mask: maskFile(fx.goodMask) });

/** A PNG whose header claims 100,000 x 100,000 pixels (a decompression bomb's calling card). */
async function pngBomb(): Promise<Buffer> {
  const small = Buffer.from(
    await sharp({ create: { width: 8, height: 8, channels: 4, background: "#000" } })
      .png()
      .toBuffer(),
  );
  small.writeUInt32BE(100_000, 16);
  small.writeUInt32BE(100_000, 20);
  return small;
}

/** A real session cookie for the user: a JWT signed with the app's secret, as next-auth issues it. */
async function sessionCookie(userId: number): Promise<string> {
  const { encode } = await import("next-auth/jwt");
  const jwt = await encode({ token: { uid: userId, sub: String(userId) }, secret: process.env.NEXTAUTH_SECRET! });
  return `next-auth.session-token=${jwt}`;
}

const postVote = async (
  body: string,
  userId: number | null = fx.me,
  headers: Record<string, string> = { "content-type": "application/json" },
) => {
  session.userId = userId;
  const cookie: Record<string, string> = userId ? { cookie: await sessionCookie(userId) } : {};
  // From the app's own page, as a browser would say: cross-site requests have cases of their own.
  const all: Record<string, string> = { origin: "http://app.test", ...headers, ...cookie };
  if (all.origin === "") delete all.origin; // "" stands for "no Origin header at all"
  return fromResponse(voteRoute.POST(new Request("http://app.test/api/vote", { method: "POST", body, headers: all })));
};
const voteBoth = (input: unknown) => [() => fromAction(voteActions.voteAction(input)), () => postVote(JSON.stringify(input))];

/** The refusal a case expects: its code, and what it says (the code itself unless more specific). */
type Expected = { code: ErrorCode; says: ErrorDetail };
type Case = [name: string, run: () => Promise<Outcome>, expected: Expected, as?: "me" | "admin" | "banned" | "anonymous"];

function refused(code: ErrorCode, says?: DetailArg): Expected {
  return { code, says: says === undefined ? ({ code } as ErrorDetail) : toDetail(says) };
}
const invalid = (says: DetailArg) => refused("INVALID", says);
const badMask = (says: DetailArg) => refused("INVALID_MASK", says);
const notANumber = (field: string) => invalid(detail("FIELD_NOT_A_NUMBER", { field }));

const cases = (): Case[] => [
  // Votes, through the page's action and the JSON route alike.
  ...(
    [
      ["no fields", {}, notANumber("imageId")],
      ["a word for the image id", { imageId: "abc", value: 1 }, notANumber("imageId")],
      ["a fractional image id", { imageId: 1.5, value: 1 }, invalid(detail("FIELD_NOT_WHOLE", { field: "imageId" }))],
      ["a negative image id", { imageId: -3, value: 1 }, invalid(detail("FIELD_NOT_POSITIVE", { field: "imageId" }))],
      ["an image id past any integer", { imageId: "1e400", value: 1 }, notANumber("imageId")],
      ["an array for the image id", { imageId: [1, 2], value: 1 }, notANumber("imageId")],
      ["an object for the image id", { imageId: { $gt: 0 }, value: 1 }, notANumber("imageId")],
      ["a value of 2", { imageId: 1, value: 2 }, invalid("VOTE_VALUE")],
      ["a word for the value", { imageId: 1, value: "up" }, invalid("VOTE_VALUE")],
      [
        "a negative grid position",
        { imageId: 1, value: 1, position: -1 },
        invalid(detail("FIELD_AT_LEAST", { field: "position", min: 0 })),
      ],
      ["an image that does not exist", { imageId: 2_000_000_000, value: 1 }, refused("NOT_FOUND", "IMAGE_NOT_IN_VOTE")],
      // Exact types: a null is not a retraction, a true not an up-vote, a string not a number.
      ["a null value", { imageId: 1, value: null }, invalid("VOTE_VALUE")],
      ["true for the value", { imageId: 1, value: true }, invalid("VOTE_VALUE")],
      ["a string for the value", { imageId: 1, value: "1" }, invalid("VOTE_VALUE")],
      ["a string for the image id", { imageId: "1", value: 1 }, notANumber("imageId")],
    ] as const
  ).flatMap(([name, input, expected]) => {
    const [action, route] = voteBoth(input);
    return [[`vote action: ${name}`, action!, expected] as Case, [`vote route: ${name}`, route!, expected] as Case];
  }),
  ...(["mine", "hidden", "closedImage", "theirDraft", "seedId"] as const).flatMap((which) => {
    const expected = {
      mine: refused("OWN_IMAGE"),
      hidden: refused("HIDDEN"),
      closedImage: refused("DAY_CLOSED", "VOTING_CLOSED"),
      theirDraft: refused("NOT_FOUND", "IMAGE_NOT_IN_VOTE"),
      seedId: refused("NOT_FOUND", "IMAGE_NOT_IN_VOTE"),
    }[which];
    return [
      [`vote action on ${which}`, () => fromAction(voteActions.voteAction({ imageId: fx[which], value: 1 })), expected] as Case,
      [`vote route on ${which}`, () => postVote(JSON.stringify({ imageId: fx[which], value: -1 })), expected] as Case,
    ];
  }),
  // Cross-site request forgery: another site's page making a signed-in browser vote.
  [
    "vote route: from another site as text/plain",
    () =>
      postVote(JSON.stringify({ imageId: fx.theirs, value: 1 }), fx.me, { origin: "https://evil.example", "content-type": "text/plain" }),
    refused("CROSS_ORIGIN"),
  ],
  [
    "vote route: from another site as JSON",
    () =>
      postVote(JSON.stringify({ imageId: fx.theirs, value: 1 }), fx.me, {
        origin: "https://evil.example",
        "content-type": "application/json",
      }),
    refused("CROSS_ORIGIN"),
  ],
  [
    "vote route: an opaque origin",
    () => postVote(JSON.stringify({ imageId: fx.theirs, value: 1 }), fx.me, { origin: "null", "content-type": "application/json" }),
    refused("CROSS_ORIGIN"),
  ],
  [
    "vote route: a look-alike host",
    () =>
      postVote(JSON.stringify({ imageId: fx.theirs, value: 1 }), fx.me, {
        origin: "http://app.test.evil.example",
        "content-type": "application/json",
      }),
    refused("CROSS_ORIGIN"),
  ],
  [
    "vote route: no Origin, Sec-Fetch-Site cross-site",
    () =>
      postVote(JSON.stringify({ imageId: fx.theirs, value: 1 }), fx.me, {
        origin: "",
        "sec-fetch-site": "cross-site",
        "content-type": "application/json",
      }),
    refused("CROSS_ORIGIN"),
  ],
  [
    "vote route: no Origin and no Sec-Fetch-Site",
    () => postVote(JSON.stringify({ imageId: fx.theirs, value: 1 }), fx.me, { origin: "", "content-type": "application/json" }),
    refused("CROSS_ORIGIN"),
  ],
  [
    "vote route: same site but text/plain",
    () => postVote(JSON.stringify({ imageId: fx.theirs, value: 1 }), fx.me, { "content-type": "text/plain" }),
    refused("UNSUPPORTED_MEDIA_TYPE"),
  ],
  [
    "vote route: a form body instead of JSON",
    () => postVote("imageId=1&value=1", fx.me, { "content-type": "application/x-www-form-urlencoded" }),
    refused("UNSUPPORTED_MEDIA_TYPE"),
  ],
  ["vote route: a JSON array", () => postVote("[1, 2]"), invalid(detail("INVALID_FIELD", { field: "body" }))],
  [
    "vote route: a 100 KB body",
    () => postVote(JSON.stringify({ imageId: 1, value: 1, pad: "x".repeat(100_000) })),
    refused("TOO_LARGE", detail("TOO_LARGE", { max: 16 * 1024 })),
  ],
  ["vote route: signed out", () => postVote(JSON.stringify({ imageId: 1, value: 1 }), null), refused("UNAUTHENTICATED"), "anonymous"],
  ["vote route: a banned user", () => postVote(JSON.stringify({ imageId: fx.theirs, value: 1 }), fx.banned), refused("BANNED"), "banned"],
  [
    "vote route: a forged session cookie",
    async () => {
      session.userId = null;
      // Change one character at the start of the ciphertext (a full 6 bits of data; the last
      // character of a segment may be mere padding bits): its authentication tag no longer matches.
      const [name, jwt] = (await sessionCookie(fx.me)).split("=") as [string, string];
      const parts = jwt.split(".");
      parts[3] = (parts[3]![0] === "A" ? "B" : "A") + parts[3]!.slice(1);
      const forged = `${name}=${parts.join(".")}`;
      return fromResponse(
        voteRoute.POST(
          new Request("http://app.test/api/vote", {
            method: "POST",
            body: JSON.stringify({ imageId: fx.theirs, value: 1 }),
            headers: { origin: "http://app.test", "content-type": "application/json", cookie: forged },
          }),
        ),
      );
    },
    refused("UNAUTHENTICATED"),
    "anonymous",
  ],
  ["vote action: a banned user", () => fromAction(voteActions.voteAction({ imageId: 1, value: 1 })), refused("BANNED"), "banned"],

  // Generation: masks, prompts and days.
  ["generate: no mask", () => generate({ dayId: fx.dayId, prompt: "a kite" }), invalid("MASK_REQUIRED")],
  ["generate: an empty mask file", () => generate({ ...goodGenerate(), mask: maskFile(Buffer.alloc(0)) }), invalid("MASK_FILE_EMPTY")],
  [
    "generate: a 20 MB mask",
    () => generate({ ...goodGenerate(), mask: maskFile(Buffer.alloc(20 * 1024 * 1024, 1)) }),
    invalid(detail("MASK_FILE_TOO_LARGE", { max: 8 })),
  ],
  [
    "generate: a text file as the mask",
    () => generate({ ...goodGenerate(), mask: maskFile(Buffer.from("hello, not an image"), "text/plain") }),
    badMask("MASK_NOT_PNG"),
  ],
  [
    "generate: a JPEG as the mask",
    async () =>
      generate({
        ...goodGenerate(),
        mask: maskFile(
          await sharp({ create: { width: W, height: H, channels: 3, background: "#fff" } })
            .jpeg()
            .toBuffer(),
          "image/jpeg",
        ),
      }),
    badMask("MASK_NOT_PNG"),
  ],
  [
    "generate: a PNG bomb",
    async () => generate({ ...goodGenerate(), mask: maskFile(await pngBomb()) }),
    badMask(detail("MASK_TOO_MANY_PIXELS", { width: 100_000, height: 100_000, limit: MAX_IMAGE_PIXELS })),
  ],
  [
    "generate: a truncated PNG",
    () => generate({ ...goodGenerate(), mask: maskFile(fx.goodMask.subarray(0, 60)) }),
    badMask("MASK_DAMAGED"),
  ],
  [
    "generate: a mask of the wrong size",
    async () => generate({ ...goodGenerate(), mask: maskFile(await rectMask(100, 100, { x: 0, y: 0, w: 50, h: 50 })) }),
    badMask(detail("MASK_WRONG_SIZE", { width: 100, height: 100, expectedWidth: W, expectedHeight: H })),
  ],
  [
    "generate: a mask that marks nothing",
    async () => generate({ ...goodGenerate(), mask: maskFile(await rectMask(W, H, { x: 0, y: 0, w: 0, h: 0 })) }),
    badMask(detail("MASK_NOTHING", { min: 0.01 })),
  ],
  [
    "generate: a mask that marks everything",
    async () => generate({ ...goodGenerate(), mask: maskFile(await rectMask(W, H, { x: 0, y: 0, w: W, h: H })) }),
    badMask(detail("MASK_TOO_MUCH", { coverage: 1, max: 0.9 })),
  ],
  ["generate: no prompt", () => generate({ dayId: fx.dayId, mask: maskFile(fx.goodMask) }), invalid("PROMPT_REQUIRED")],
  [
    "generate: a 100 KB prompt",
    () => generate({ ...goodGenerate(), prompt: "a".repeat(100_000) }),
    invalid(detail("PROMPT_TOO_LONG", { max: 1000 })),
  ],
  [
    "generate: a prompt of spaces and zero-width characters",
    () => generate({ ...goodGenerate(), prompt: " \u200B\u200B\uFEFF \t" }),
    invalid("PROMPT_REQUIRED"),
  ],
  [
    "generate: a script tag in the prompt",
    () => generate({ ...goodGenerate(), prompt: 'a cat <script>alert("x")</script>' }),
    invalid("PROMPT_MARKUP"),
  ],
  [
    "generate: an image tag in the prompt",
    () => generate({ ...goodGenerate(), prompt: "<img src=x onerror=alert(1)> a dog" }),
    invalid("PROMPT_MARKUP"),
  ],
  [
    "generate: a control character in the prompt",
    () => generate({ ...goodGenerate(), prompt: "a bell \u0007 ringing" }),
    invalid("PROMPT_CONTROL"),
  ],
  // A form cannot carry a lone surrogate (the browser and FormData replace it); a plain argument can.
  [
    "flag: a lone surrogate in the reason",
    () => fromAction(voteActions.flagAction({ imageId: fx.theirs, reason: "broken \uD800 text" })),
    invalid("REASON_BROKEN"),
  ],
  [
    "generate: a right-to-left override in the prompt",
    () => generate({ ...goodGenerate(), prompt: "a harmless \u202Egnp.exe prompt" }),
    invalid("PROMPT_BIDI"),
  ],
  ["generate: a word for the day", () => generate({ ...goodGenerate(), dayId: "today" }), invalid("MISSING_DAY")],
  ["generate: a closed day", () => generate({ ...goodGenerate(), dayId: fx.closedDayId }), refused("DAY_CLOSED")],
  ["generate: a day that does not exist", () => generate({ ...goodGenerate(), dayId: 2_000_000_000 }), refused("DAY_CLOSED")],
  ["generate: signed out", () => generate(goodGenerate()), refused("UNAUTHENTICATED"), "anonymous"],

  // Submitting attempts.
  [
    "submit: someone else's attempt",
    () => fromAction(createActions.submitAction({ imageId: fx.theirDraft })),
    refused("NOT_FOUND", "ATTEMPT_NOT_FOUND"),
  ],
  [
    "submit: my attempt from a closed day",
    () => fromAction(createActions.submitAction({ imageId: fx.myClosedDraft })),
    refused("DAY_CLOSED"),
  ],
  [
    "submit: the day's seed",
    () => fromAction(createActions.submitAction({ imageId: fx.seedId })),
    refused("NOT_FOUND", "ATTEMPT_NOT_FOUND"),
  ],
  ["submit: a word for the attempt", () => fromAction(createActions.submitAction({ imageId: "x" })), invalid("CHOOSE_ATTEMPT")],
  ["submit: an already submitted image", () => fromAction(createActions.submitAction({ imageId: fx.mine })), refused("ALREADY_SUBMITTED")],

  // Flags.
  [
    "flag: a two-letter reason",
    () => fromAction(voteActions.flagAction({ imageId: fx.theirs, reason: "no" })),
    invalid(detail("REASON_TOO_SHORT", { min: 3 })),
  ],
  [
    "flag: a 100 KB reason",
    () => fromAction(voteActions.flagAction({ imageId: fx.theirs, reason: "r".repeat(100_000) })),
    invalid(detail("REASON_TOO_LONG", { max: 500 })),
  ],
  [
    "flag: HTML in the reason",
    () => fromAction(voteActions.flagAction({ imageId: fx.theirs, reason: "<b>bad</b> image" })),
    invalid("REASON_MARKUP"),
  ],
  [
    "flag: an image that does not exist",
    () => fromAction(voteActions.flagAction({ imageId: 2_000_000_000, reason: "spam image" })),
    refused("NOT_FOUND", "FLAG_NOT_IN_VOTE"),
  ],
  [
    "flag: my own image",
    () => fromAction(voteActions.flagAction({ imageId: fx.mine, reason: "spam image" })),
    refused("OWN_IMAGE", "FLAG_OWN_IMAGE"),
  ],
  [
    "flag: the seed",
    () => fromAction(voteActions.flagAction({ imageId: fx.seedId, reason: "spam image" })),
    refused("NOT_FOUND", "FLAG_NOT_IN_VOTE"),
  ],

  // Admin actions, as an admin.
  [
    "hide: an image that does not exist",
    () => fromAction(adminActions.hideImageAction({ imageId: 2_000_000_000, reason: "spam spam" })),
    refused("NOT_FOUND", "IMAGE_NOT_FOUND"),
    "admin",
  ],
  ["hide: no reason", () => fromAction(adminActions.hideImageAction({ imageId: fx.theirs })), invalid("REASON_REQUIRED"), "admin"],
  [
    "hide: a draft",
    () => fromAction(adminActions.hideImageAction({ imageId: fx.theirDraft, reason: "spam spam" })),
    refused("NOT_SUBMITTED"),
    "admin",
  ],
  [
    "ban: a word for the user",
    () => fromAction(adminActions.banUserAction({ userId: "root", reason: "abuse" })),
    invalid("MISSING_USER"),
    "admin",
  ],
  ["ban: myself", () => fromAction(adminActions.banUserAction({ userId: fx.admin, reason: "abuse" })), refused("SELF"), "admin"],
  ["unban: someone not banned", () => fromAction(adminActions.unbanUserAction({ userId: fx.other })), refused("NOT_BANNED"), "admin"],
  [
    "veto: a closed day",
    () => fromAction(adminActions.vetoLeaderAction({ dayId: fx.closedDayId, reason: "off topic" })),
    refused("DAY_CLOSED", "VETO_DAY_NOT_OPEN"),
    "admin",
  ],
  [
    "veto: a word for the day",
    () => fromAction(adminActions.vetoLeaderAction({ dayId: "x", reason: "off topic" })),
    invalid("MISSING_DAY"),
    "admin",
  ],
  [
    "settings: a negative quota",
    () => fromAction(adminActions.updateSettingsAction({ ...settingsForm(), generationQuota: "-5" })),
    invalid(detail("AT_LEAST", { min: 0 })),
    "admin",
  ],
  [
    "settings: minimum coverage above the maximum",
    () => fromAction(adminActions.updateSettingsAction({ ...settingsForm(), minMaskCoverage: "95", maxMaskCoverage: "10" })),
    invalid("MASK_BOUNDS_ORDER"),
    "admin",
  ],
  [
    "settings: a javascript: completion URL",
    () => fromAction(adminActions.updateSettingsAction({ ...settingsForm(), prolificCompletionUrl: "javascript:alert(1)" })),
    invalid("COMPLETION_URL"),
    "admin",
  ],

  // Routes.
  [
    "files: a key that climbs out of storage",
    () =>
      fromResponse(
        filesRoute.GET(new Request("http://app.test/files/x"), { params: Promise.resolve({ key: ["..", "..", "etc", "passwd"] }) }),
      ),
    refused("INVALID_KEY", "KEY_DOT_SEGMENT"),
  ],
  [
    "files: an encoded traversal",
    () =>
      fromResponse(
        filesRoute.GET(new Request("http://app.test/files/x"), { params: Promise.resolve({ key: ["seeds", "..%2F..%2Fsecret.png"] }) }),
      ),
    refused("INVALID_KEY", "KEY_BAD_SEGMENT"),
  ],
  [
    "files: a NUL byte in the key",
    () =>
      fromResponse(filesRoute.GET(new Request("http://app.test/files/x"), { params: Promise.resolve({ key: ["seeds", "a\u0000.png"] }) })),
    refused("INVALID_KEY", "KEY_BAD_SEGMENT"),
  ],
  [
    "files: an absolute path",
    () => fromResponse(filesRoute.GET(new Request("http://app.test/files/x"), { params: Promise.resolve({ key: ["", "etc", "passwd"] }) })),
    refused("INVALID_KEY", "KEY_ABSOLUTE"),
  ],
  [
    "files: a key that does not exist",
    () =>
      fromResponse(filesRoute.GET(new Request("http://app.test/files/x"), { params: Promise.resolve({ key: ["seeds", "missing.png"] }) })),
    refused("NOT_FOUND"),
  ],
  ["cron: no authorization", () => fromResponse(cronRoute.GET(new Request("http://app.test/api/cron/rollover"))), refused("UNAUTHORIZED")],
  [
    "cron: the wrong secret",
    () =>
      fromResponse(
        cronRoute.GET(new Request("http://app.test/api/cron/rollover", { headers: { authorization: "Bearer not-the-secret-at-all" } })),
      ),
    refused("UNAUTHORIZED"),
  ],
  [
    "cron: a lower-case scheme",
    () =>
      fromResponse(
        cronRoute.GET(
          new Request("http://app.test/api/cron/rollover", { headers: { authorization: "bearer bad-input-cron-secret-0123456789" } }),
        ),
      ),
    refused("UNAUTHORIZED"),
  ],
  [
    "export: a table that does not exist",
    () =>
      fromResponse(
        exportRoute.GET(new Request("http://app.test/admin/export/passwords"), { params: Promise.resolve({ table: "passwords" }) }),
      ),
    refused("NOT_FOUND", "UNKNOWN_TABLE"),
    "admin",
  ],
  [
    "export: an unknown format",
    () =>
      fromResponse(
        exportRoute.GET(new Request("http://app.test/admin/export/votes?format=xml"), { params: Promise.resolve({ table: "votes" }) }),
      ),
    invalid(detail("FIELD_ONE_OF", { field: "format", options: "csv, json" })),
    "admin",
  ],
  [
    "export: as a participant",
    () => fromResponse(exportRoute.GET(new Request("http://app.test/admin/export/votes"), { params: Promise.resolve({ table: "votes" }) })),
    refused("NOT_FOUND"),
  ],

  // The language menu.
  ["language: one we do not speak", () => fromAction(setLocaleAction({ locale: "fr" })), invalid("LOCALE_CHOICE"), "anonymous"],
  ["language: a number", () => fromAction(setLocaleAction({ locale: 1 })), invalid("LOCALE_CHOICE"), "anonymous"],
  ["language: a script tag", () => fromAction(setLocaleAction({ locale: "<script>" })), invalid("LOCALE_CHOICE")],

  // Sign-in with a participant id (what the credentials callback runs): refused with the code
  // the browser's form puts into words.
  ...(
    [
      ["an empty id", "", refused("PARTICIPANT_ID_REQUIRED")],
      ["a 65-character id", "a".repeat(65), refused("PARTICIPANT_ID_TOO_LONG", detail("PARTICIPANT_ID_TOO_LONG", { max: 64 }))],
      ["HTML as the id", "<script>alert(1)</script>", refused("PARTICIPANT_ID_CHARACTERS")],
      ["an accented id", "José", refused("PARTICIPANT_ID_CHARACTERS")],
      ["an id with a zero-width space", "abc\u200Bdef", refused("PARTICIPANT_ID_CHARACTERS")],
      ["a SQL fragment as the id", "x' OR '1'='1", refused("PARTICIPANT_ID_CHARACTERS")],
    ] as const
  ).map(
    ([name, id, expected]) =>
      [
        `sign-in: ${name}`,
        () =>
          signInParticipant(id).then(
            () => ({ status: 200, message: "accepted" }),
            (e: SignInRefused) => ({ status: 401, code: e.detail.code, message: english(e.detail) }),
          ),
        expected,
      ] as Case,
  ),
];

function settingsForm() {
  return {
    generationQuota: "10",
    submissionsPerDay: "1",
    minMaskCoverage: "1",
    maxMaskCoverage: "90",
    allowSelfVoting: "",
    hideTalliesUntilVoted: "on",
    hideAuthors: "on",
    randomizeOrder: "on",
    excludeBannedVoters: "",
    completionSubmissions: "1",
    completionVotes: "5",
    prolificCompletionUrl: "",
    streakMinVotes: "5",
    leaderboardAfterVotes: "10",
  };
}

describe("the bad-input corpus", () => {
  it("has at least 50 cases", () => {
    expect(cases().length).toBeGreaterThanOrEqual(50);
  });

  for (const [name, run, expected, as = "me"] of cases()) {
    it(`refuses ${name}: a 4xx with a specific message, nothing written`, async () => {
      session.userId = { me: fx.me, admin: fx.admin, banned: fx.banned, anonymous: null }[as];
      const before = await snapshot();
      const outcome = await run();
      expect(outcome.status, JSON.stringify(outcome)).toBeGreaterThanOrEqual(400);
      expect(outcome.status, JSON.stringify(outcome)).toBeLessThan(500);
      expect(outcome.message).not.toMatch(/something went wrong|^the request is not valid\.?$/i);
      expect(outcome.code, JSON.stringify(outcome)).toBe(expected.code);
      expect(outcome.message).toBe(english(expected.says));
      expect(await snapshot()).toBe(before);
    });
  }
});

describe("JSON routes", () => {
  it("answer in the request's language, with the same code in every language", async () => {
    const { errorTextIn } = await import("@/i18n/error-translator");
    const body = JSON.stringify({ imageId: fx.mine, value: 1 });
    const en = await postVote(body);
    const es = await postVote(body, fx.me, { "content-type": "application/json", "accept-language": "es-ES,es;q=0.9,en;q=0.5" });
    expect([en.status, en.code, en.message]).toEqual([403, "OWN_IMAGE", "You cannot vote on your own image."]);
    expect([es.status, es.code, es.message]).toEqual([403, "OWN_IMAGE", errorTextIn("es")({ code: "OWN_IMAGE" })]);
    expect(es.message).not.toBe(en.message);
    // The language remembered in the cookie wins over the browser's, as on pages.
    const ar = await fromResponse(
      cronRoute.GET(
        new Request("http://app.test/api/cron/rollover", { headers: { cookie: "a=1; NEXT_LOCALE=ar", "accept-language": "es" } }),
      ),
    );
    expect(ar).toEqual({ status: 401, code: "UNAUTHORIZED", message: errorTextIn("ar")({ code: "UNAUTHORIZED" }) });
  });
});

describe("rate limits on actions", () => {
  it("a flagging spree is refused with when to retry, and the refused flags are not written", async () => {
    process.env.RATE_LIMIT_SCALE = "1";
    resetEnvForTests();
    const flagger = await makeUser();
    session.userId = flagger.id;
    const results = [];
    // Invalid reasons still count: the limit is taken before the input is read.
    for (let i = 0; i < 11; i++) results.push(await voteActions.flagAction({ imageId: fx.theirs, reason: "x" }));
    expect(results.slice(0, 10).every((r) => !r.ok && r.code === "INVALID")).toBe(true);
    expect(results[10]).toMatchObject({
      ok: false,
      code: "RATE_LIMITED",
      message: expect.stringMatching(/^Too many flags in a short time\. Try again in \d+ seconds?\.$/),
    });
    expect(await db.flag.count({ where: { userId: flagger.id } })).toBe(0);
    process.env.RATE_LIMIT_SCALE = "1000";
    resetEnvForTests();
  });
});
