// The bad-input corpus: malformed, hostile and out-of-place inputs sent to every server action
// and route. Each must be refused with a 4xx (or an action's { ok: false }) carrying a specific
// message (never the generic "something went wrong"), and must leave the database and storage
// exactly as they were. Only the session is faked (next-auth's getServerSession returns the
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
const { setLocaleAction } = await import("@/i18n/locale-action");
const { makeUser, rectMask } = await import("@/test/fixtures");

const W = 384;
const H = 256;
const fx = {} as {
  me: number; other: number; admin: number; banned: number;
  dayId: number; closedDayId: number; seedId: number;
  theirs: number; mine: number; hidden: number; closedImage: number; theirDraft: number; myClosedDraft: number;
  goodMask: Buffer;
};

beforeAll(async () => {
  fx.me = (await makeUser()).id;
  fx.other = (await makeUser()).id;
  fx.admin = (await makeUser({ role: "ADMIN" })).id;
  fx.banned = (await makeUser({ bannedAt: new Date() })).id;
  const png = await sharp({ create: { width: W, height: H, channels: 3, background: "#7a9" } }).png().toBuffer();
  await getStorage().put("seeds/bad-input.png", png, "image/png");
  const seed = await db.image.create({ data: { prompt: "seed", status: "SEED", resultKey: "seeds/bad-input.png", thumbKey: "seeds/bad-input.png", width: W, height: H, provider: "bundled", model: "t" } });
  fx.seedId = seed.id;
  // Today is open (the actions work on it); an old day is closed.
  fx.dayId = (await db.day.create({ data: { date: dateFromKey(todayKey()), seedImageId: seed.id } })).id;
  fx.closedDayId = (await db.day.create({ data: { date: new Date(Date.UTC(1700, 2, 3)), seedImageId: seed.id, status: "CLOSED" } })).id;
  const image = (dayId: number, creatorId: number, extra: object = {}) =>
    db.image.create({ data: { dayId, parentId: seed.id, creatorId, prompt: "p", status: "SUBMITTED", submittedAt: new Date(), resultKey: "seeds/bad-input.png", thumbKey: "seeds/bad-input.png", width: W, height: H, provider: "offline", model: "t", ...extra } });
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
  const sums = (await db.$queryRawUnsafe(`CHECKSUM TABLE ${tables.map((t) => `\`${t}\``).join(", ")}`)) as { Table: string; Checksum: bigint | number | null }[];
  const files = (await readdir(storageDir, { recursive: true })).sort();
  return JSON.stringify({ sums: sums.map((s) => [s.Table.split(".").pop(), String(s.Checksum)]), files });
}

type Outcome = { status: number; code?: string; message: string };

async function fromAction(res: Promise<{ ok: boolean; code?: string; message?: string }>): Promise<Outcome> {
  const r = await res;
  if (r.ok) return { status: 200, message: "accepted" };
  const status = r.code === "INTERNAL" ? 500 : r.code === "UNAUTHENTICATED" ? 401 : 400;
  return { status, code: r.code, message: r.message ?? "" };
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
  const small = Buffer.from(await sharp({ create: { width: 8, height: 8, channels: 4, background: "#000" } }).png().toBuffer());
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

const postVote = async (body: string, userId: number | null = fx.me, headers: Record<string, string> = { "content-type": "application/json" }) => {
  session.userId = userId;
  const cookie: Record<string, string> = userId ? { cookie: await sessionCookie(userId) } : {};
  // From the app's own page, as a browser would say: cross-site requests have cases of their own.
  const all: Record<string, string> = { origin: "http://app.test", ...headers, ...cookie };
  if (all.origin === "") delete all.origin; // "" stands for "no Origin header at all"
  return fromResponse(voteRoute.POST(new Request("http://app.test/api/vote", { method: "POST", body, headers: all })));
};
const voteBoth = (input: unknown) => [
  () => fromAction(voteActions.voteAction(input)),
  () => postVote(JSON.stringify(input)),
];

type Case = [name: string, run: () => Promise<Outcome>, expected: RegExp, as?: "me" | "admin" | "banned" | "anonymous"];

const cases = (): Case[] => [
  // Votes, through the page's action and the JSON route alike.
  ...(
    [
      ["no fields", {}, /imageId must be a number/],
      ["a word for the image id", { imageId: "abc", value: 1 }, /imageId must be a number/],
      ["a fractional image id", { imageId: 1.5, value: 1 }, /whole number/],
      ["a negative image id", { imageId: -3, value: 1 }, /positive/],
      ["an image id past any integer", { imageId: "1e400", value: 1 }, /imageId/],
      ["an array for the image id", { imageId: [1, 2], value: 1 }, /imageId must be a number/],
      ["an object for the image id", { imageId: { $gt: 0 }, value: 1 }, /imageId must be a number/],
      ["a value of 2", { imageId: 1, value: 2 }, /value must be 1 \(up\), -1 \(down\) or 0/],
      ["a word for the value", { imageId: 1, value: "up" }, /value must be/],
      ["a negative grid position", { imageId: 1, value: 1, position: -1 }, /position|0/],
      ["an image that does not exist", { imageId: 2_000_000_000, value: 1 }, /not in a vote/],
      // Exact types: a null is not a retraction, a true not an up-vote, a string not a number.
      ["a null value", { imageId: 1, value: null }, /value must be 1 \(up\), -1 \(down\) or 0/],
      ["true for the value", { imageId: 1, value: true }, /value must be 1 \(up\), -1 \(down\) or 0/],
      ["a string for the value", { imageId: 1, value: "1" }, /value must be 1 \(up\), -1 \(down\) or 0/],
      ["a string for the image id", { imageId: "1", value: 1 }, /imageId must be a number/],
    ] as const
  ).flatMap(([name, input, re]) => {
    const [action, route] = voteBoth(input);
    return [[`vote action: ${name}`, action!, re] as Case, [`vote route: ${name}`, route!, re] as Case];
  }),
  ...(["theirs", "mine", "hidden", "closedImage", "theirDraft", "seedId"] as const).flatMap((which) => {
    const re = { theirs: /./, mine: /your own image/, hidden: /removed from the vote/, closedImage: /has closed/, theirDraft: /not in a vote/, seedId: /not in a vote/ }[which];
    if (which === "theirs") return [];
    return [
      [`vote action on ${which}`, () => fromAction(voteActions.voteAction({ imageId: fx[which], value: 1 })), re] as Case,
      [`vote route on ${which}`, () => postVote(JSON.stringify({ imageId: fx[which], value: -1 })), re] as Case,
    ];
  }),
  // Cross-site request forgery: another site's page making a signed-in browser vote.
  ["vote route: from another site as text/plain", () => postVote(JSON.stringify({ imageId: fx.theirs, value: 1 }), fx.me, { origin: "https://evil.example", "content-type": "text/plain" }), /did not come from this site/],
  ["vote route: from another site as JSON", () => postVote(JSON.stringify({ imageId: fx.theirs, value: 1 }), fx.me, { origin: "https://evil.example", "content-type": "application/json" }), /did not come from this site/],
  ["vote route: an opaque origin", () => postVote(JSON.stringify({ imageId: fx.theirs, value: 1 }), fx.me, { origin: "null", "content-type": "application/json" }), /did not come from this site/],
  ["vote route: a look-alike host", () => postVote(JSON.stringify({ imageId: fx.theirs, value: 1 }), fx.me, { origin: "http://app.test.evil.example", "content-type": "application/json" }), /did not come from this site/],
  ["vote route: no Origin, Sec-Fetch-Site cross-site", () => postVote(JSON.stringify({ imageId: fx.theirs, value: 1 }), fx.me, { origin: "", "sec-fetch-site": "cross-site", "content-type": "application/json" }), /did not come from this site/],
  ["vote route: no Origin and no Sec-Fetch-Site", () => postVote(JSON.stringify({ imageId: fx.theirs, value: 1 }), fx.me, { origin: "", "content-type": "application/json" }), /did not come from this site/],
  ["vote route: same site but text/plain", () => postVote(JSON.stringify({ imageId: fx.theirs, value: 1 }), fx.me, { "content-type": "text/plain" }), /must be JSON/],
  ["vote route: a form body instead of JSON", () => postVote("imageId=1&value=1", fx.me, { "content-type": "application/x-www-form-urlencoded" }), /must be JSON/],
  ["vote route: a JSON array", () => postVote("[1, 2]"), /expected object|body/i],
  ["vote route: a 100 KB body", () => postVote(JSON.stringify({ imageId: 1, value: 1, pad: "x".repeat(100_000) })), /too large/],
  ["vote route: signed out", () => postVote(JSON.stringify({ imageId: 1, value: 1 }), null), /sign in/i, "anonymous"],
  ["vote route: a banned user", () => postVote(JSON.stringify({ imageId: fx.theirs, value: 1 }), fx.banned), /suspended/, "banned"],
  ["vote route: a forged session cookie", async () => {
    session.userId = null;
    // Change one character at the start of the ciphertext (a full 6 bits of data; the last
    // character of a segment may be mere padding bits): its authentication tag no longer matches.
    const [name, jwt] = (await sessionCookie(fx.me)).split("=") as [string, string];
    const parts = jwt.split(".");
    parts[3] = (parts[3]![0] === "A" ? "B" : "A") + parts[3]!.slice(1);
    const forged = `${name}=${parts.join(".")}`;
    return fromResponse(voteRoute.POST(new Request("http://app.test/api/vote", { method: "POST", body: JSON.stringify({ imageId: fx.theirs, value: 1 }), headers: { origin: "http://app.test", "content-type": "application/json", cookie: forged } })));
  }, /sign in/i, "anonymous"],
  ["vote action: a banned user", () => fromAction(voteActions.voteAction({ imageId: 1, value: 1 })), /suspended/, "banned"],

  // Generation: masks, prompts and days.
  ["generate: no mask", () => generate({ dayId: fx.dayId, prompt: "a kite" }), /Draw a mask/],
  ["generate: an empty mask file", () => generate({ ...goodGenerate(), mask: maskFile(Buffer.alloc(0)) }), /mask is empty/],
  ["generate: a 20 MB mask", () => generate({ ...goodGenerate(), mask: maskFile(Buffer.alloc(20 * 1024 * 1024, 1)) }), /too large/],
  ["generate: a text file as the mask", () => generate({ ...goodGenerate(), mask: maskFile(Buffer.from("hello, not an image"), "text/plain") }), /not a PNG/],
  ["generate: a JPEG as the mask", async () => generate({ ...goodGenerate(), mask: maskFile(await sharp({ create: { width: W, height: H, channels: 3, background: "#fff" } }).jpeg().toBuffer(), "image/jpeg") }), /not a PNG/],
  ["generate: a PNG bomb", async () => generate({ ...goodGenerate(), mask: maskFile(await pngBomb()) }), /declares 100000×100000 pixels; the limit is/],
  ["generate: a truncated PNG", () => generate({ ...goodGenerate(), mask: maskFile(fx.goodMask.subarray(0, 60)) }), /damaged or incomplete/],
  ["generate: a mask of the wrong size", async () => generate({ ...goodGenerate(), mask: maskFile(await rectMask(100, 100, { x: 0, y: 0, w: 50, h: 50 })) }), /The mask is 100×100 but the picture is 384×256/],
  ["generate: a mask that marks nothing", async () => generate({ ...goodGenerate(), mask: maskFile(await rectMask(W, H, { x: 0, y: 0, w: 0, h: 0 })) }), /at least/],
  ["generate: a mask that marks everything", async () => generate({ ...goodGenerate(), mask: maskFile(await rectMask(W, H, { x: 0, y: 0, w: W, h: H })) }), /at most/],
  ["generate: no prompt", () => generate({ dayId: fx.dayId, mask: maskFile(fx.goodMask) }), /Write a prompt/],
  ["generate: a 100 KB prompt", () => generate({ ...goodGenerate(), prompt: "a".repeat(100_000) }), /at most 1000 characters/],
  ["generate: a prompt of spaces and zero-width characters", () => generate({ ...goodGenerate(), prompt: " \u200B\u200B\uFEFF \t" }), /Write a prompt/],
  ["generate: a script tag in the prompt", () => generate({ ...goodGenerate(), prompt: 'a cat <script>alert("x")</script>' }), /HTML tags/],
  ["generate: an image tag in the prompt", () => generate({ ...goodGenerate(), prompt: "<img src=x onerror=alert(1)> a dog" }), /HTML tags/],
  ["generate: a control character in the prompt", () => generate({ ...goodGenerate(), prompt: "a bell \u0007 ringing" }), /control characters/],
  // A form cannot carry a lone surrogate (the browser and FormData replace it); a plain argument can.
  ["flag: a lone surrogate in the reason", () => fromAction(voteActions.flagAction({ imageId: fx.theirs, reason: "broken \uD800 text" })), /broken characters/],
  ["generate: a right-to-left override in the prompt", () => generate({ ...goodGenerate(), prompt: "a harmless \u202Egnp.exe prompt" }), /direction-override/],
  ["generate: a word for the day", () => generate({ ...goodGenerate(), dayId: "today" }), /Missing day/],
  ["generate: a closed day", () => generate({ ...goodGenerate(), dayId: fx.closedDayId }), /has closed/],
  ["generate: a day that does not exist", () => generate({ ...goodGenerate(), dayId: 2_000_000_000 }), /has closed|not exist/],
  ["generate: signed out", () => generate(goodGenerate()), /sign in/i, "anonymous"],

  // Submitting attempts.
  ["submit: someone else's attempt", () => fromAction(createActions.submitAction({ imageId: fx.theirDraft })), /not found among yours/],
  ["submit: my attempt from a closed day", () => fromAction(createActions.submitAction({ imageId: fx.myClosedDraft })), /closed|cannot be submitted|not found/],
  ["submit: the day's seed", () => fromAction(createActions.submitAction({ imageId: fx.seedId })), /not found among yours/],
  ["submit: a word for the attempt", () => fromAction(createActions.submitAction({ imageId: "x" })), /Choose an attempt/],
  ["submit: an already submitted image", () => fromAction(createActions.submitAction({ imageId: fx.mine })), /already in today's vote/],

  // Flags.
  ["flag: a two-letter reason", () => fromAction(voteActions.flagAction({ imageId: fx.theirs, reason: "no" })), /at least 3 characters/],
  ["flag: a 100 KB reason", () => fromAction(voteActions.flagAction({ imageId: fx.theirs, reason: "r".repeat(100_000) })), /at most 500 characters/],
  ["flag: HTML in the reason", () => fromAction(voteActions.flagAction({ imageId: fx.theirs, reason: "<b>bad</b> image" })), /HTML tags/],
  ["flag: an image that does not exist", () => fromAction(voteActions.flagAction({ imageId: 2_000_000_000, reason: "spam image" })), /not in a vote/],
  ["flag: my own image", () => fromAction(voteActions.flagAction({ imageId: fx.mine, reason: "spam image" })), /your own image/],
  ["flag: the seed", () => fromAction(voteActions.flagAction({ imageId: fx.seedId, reason: "spam image" })), /not in a vote/],

  // Admin actions, as an admin.
  ["hide: an image that does not exist", () => fromAction(adminActions.hideImageAction({ imageId: 2_000_000_000, reason: "spam spam" })), /does not exist/, "admin"],
  ["hide: no reason", () => fromAction(adminActions.hideImageAction({ imageId: fx.theirs })), /Give a reason/, "admin"],
  ["hide: a draft", () => fromAction(adminActions.hideImageAction({ imageId: fx.theirDraft, reason: "spam spam" })), /Only images submitted/, "admin"],
  ["ban: a word for the user", () => fromAction(adminActions.banUserAction({ userId: "root", reason: "abuse" })), /Missing user/, "admin"],
  ["ban: myself", () => fromAction(adminActions.banUserAction({ userId: fx.admin, reason: "abuse" })), /ban yourself/, "admin"],
  ["unban: someone not banned", () => fromAction(adminActions.unbanUserAction({ userId: fx.other })), /not banned/, "admin"],
  ["veto: a closed day", () => fromAction(adminActions.vetoLeaderAction({ dayId: fx.closedDayId, reason: "off topic" })), /still open/, "admin"],
  ["veto: a word for the day", () => fromAction(adminActions.vetoLeaderAction({ dayId: "x", reason: "off topic" })), /Missing day/, "admin"],
  ["settings: a negative quota", () => fromAction(adminActions.updateSettingsAction({ ...settingsForm(), generationQuota: "-5" })), /At least 0/, "admin"],
  ["settings: minimum coverage above the maximum", () => fromAction(adminActions.updateSettingsAction({ ...settingsForm(), minMaskCoverage: "95", maxMaskCoverage: "10" })), /below the maximum/, "admin"],
  ["settings: a javascript: completion URL", () => fromAction(adminActions.updateSettingsAction({ ...settingsForm(), prolificCompletionUrl: "javascript:alert(1)" })), /http/, "admin"],

  // Routes.
  ["files: a key that climbs out of storage", () => fromResponse(filesRoute.GET(new Request("http://app.test/files/x"), { params: Promise.resolve({ key: ["..", "..", "etc", "passwd"] }) })), /\.\.|key/i],
  ["files: an encoded traversal", () => fromResponse(filesRoute.GET(new Request("http://app.test/files/x"), { params: Promise.resolve({ key: ["seeds", "..%2F..%2Fsecret.png"] }) })), /key/i],
  ["files: a NUL byte in the key", () => fromResponse(filesRoute.GET(new Request("http://app.test/files/x"), { params: Promise.resolve({ key: ["seeds", "a\u0000.png"] }) })), /key/i],
  ["files: an absolute path", () => fromResponse(filesRoute.GET(new Request("http://app.test/files/x"), { params: Promise.resolve({ key: ["", "etc", "passwd"] }) })), /key/i],
  ["files: a key that does not exist", () => fromResponse(filesRoute.GET(new Request("http://app.test/files/x"), { params: Promise.resolve({ key: ["seeds", "missing.png"] }) })), /Not found/],
  ["cron: no authorization", () => fromResponse(cronRoute.GET(new Request("http://app.test/api/cron/rollover"))), /valid cron secret is required/],
  ["cron: the wrong secret", () => fromResponse(cronRoute.GET(new Request("http://app.test/api/cron/rollover", { headers: { authorization: "Bearer not-the-secret-at-all" } }))), /valid cron secret is required/],
  ["cron: a lower-case scheme", () => fromResponse(cronRoute.GET(new Request("http://app.test/api/cron/rollover", { headers: { authorization: "bearer bad-input-cron-secret-0123456789" } }))), /valid cron secret is required/],
  ["export: a table that does not exist", () => fromResponse(exportRoute.GET(new Request("http://app.test/admin/export/passwords"), { params: Promise.resolve({ table: "passwords" }) })), /Unknown table/, "admin"],
  ["export: an unknown format", () => fromResponse(exportRoute.GET(new Request("http://app.test/admin/export/votes?format=xml"), { params: Promise.resolve({ table: "votes" }) })), /format must be/, "admin"],
  ["export: as a participant", () => fromResponse(exportRoute.GET(new Request("http://app.test/admin/export/votes"), { params: Promise.resolve({ table: "votes" }) })), /Not found/],

  // The language menu.
  ["language: one we do not speak", () => fromAction(setLocaleAction({ locale: "fr" })), /English, Español or العربية/, "anonymous"],
  ["language: a number", () => fromAction(setLocaleAction({ locale: 1 })), /English, Español or العربية/, "anonymous"],
  ["language: a script tag", () => fromAction(setLocaleAction({ locale: "<script>" })), /English, Español or العربية/],

  // Sign-in with a participant id (what the credentials callback runs).
  ...(
    [
      ["an empty id", "", /Enter your participant id/],
      ["a 65-character id", "a".repeat(65), /at most 64 characters/],
      ["HTML as the id", "<script>alert(1)</script>", /may only contain/],
      ["an accented id", "José", /may only contain/],
      ["an id with a zero-width space", "abc\u200Bdef", /may only contain/],
      ["a SQL fragment as the id", "x' OR '1'='1", /may only contain/],
    ] as const
  ).map(([name, id, re]) => [`sign-in: ${name}`, () => signInParticipant(id).then(() => ({ status: 200, message: "accepted" }), (e: Error) => ({ status: 401, message: e.message })), re] as Case),
];

function settingsForm() {
  return {
    generationQuota: "10", submissionsPerDay: "1", minMaskCoverage: "1", maxMaskCoverage: "90",
    allowSelfVoting: "", hideTalliesUntilVoted: "on", hideAuthors: "on", randomizeOrder: "on", excludeBannedVoters: "",
    completionSubmissions: "1", completionVotes: "5", prolificCompletionUrl: "", streakMinVotes: "5", leaderboardAfterVotes: "10",
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
      expect(outcome.message).not.toMatch(/something went wrong|^invalid input\.?$/i);
      expect(outcome.message).toMatch(expected);
      expect(await snapshot()).toBe(before);
    });
  }
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
    expect(results[10]).toMatchObject({ ok: false, code: "RATE_LIMITED", message: expect.stringMatching(/^Too many flags in a short time\. Try again in \d+ seconds?\.$/) });
    expect(await db.flag.count({ where: { userId: flagger.id } })).toBe(0);
    process.env.RATE_LIMIT_SCALE = "1000";
    resetEnvForTests();
  });
});
