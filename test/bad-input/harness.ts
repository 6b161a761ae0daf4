// What the bad-input corpus's cases are made with: the fixtures the test file seeded, the modules
// it imported (after setting the environment they read), and helpers that send a case through an
// action or a route and read back its status, code and message.
import { readdir } from "node:fs/promises";
import sharp from "sharp";
import { MAX_IMAGE_PIXELS } from "@/lib/mask/mask";
import { ERROR_STATUS, detail, toDetail, type DetailArg, type ErrorCode, type ErrorDetail } from "@/lib/server/error-codes";
import { english } from "@/test/error-text";

export type Outcome = { status: number; code?: string; message: string };
/** The refusal a case expects: its code, and what it says (the code itself unless more specific). */
export type Expected = { code: ErrorCode; says: ErrorDetail };
export type Case = [
  name: string,
  run: () => Promise<Outcome>,
  expected: Expected,
  as?: "me" | "admin" | "banned" | "anonymous" | "finished",
];

export type Fixtures = {
  me: number;
  other: number;
  admin: number;
  banned: number;
  /** A participant whose completion code was issued. */
  finished: number;
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

type Deps = {
  fx: Fixtures;
  session: { userId: number | null };
  storageDir: string;
  W: number;
  H: number;
  modules: {
    db: typeof import("@/lib/server/db").db;
    createActions: typeof import("@/lib/creating/actions");
    voteActions: typeof import("@/lib/voting/actions");
    adminActions: typeof import("@/lib/admin/actions");
    voteRoute: typeof import("@/app/api/vote/route");
    filesRoute: typeof import("@/app/files/[...key]/route");
    cronRoute: typeof import("@/app/api/cron/rollover/route");
    exportRoute: typeof import("@/app/admin/export/[table]/route");
    signInParticipant: typeof import("@/lib/auth/users").signInParticipant;
    studyActions: typeof import("@/lib/study/actions");
    progressRoute: typeof import("@/app/api/study/progress/route");
    setLocaleAction: typeof import("@/i18n/locale-action").setLocaleAction;
    makeUser: typeof import("@/test/fixtures").makeUser;
    rectMask: typeof import("@/test/fixtures").rectMask;
  };
};

export function makeHarness({ fx, session, storageDir, W, H, modules }: Deps) {
  const { db, createActions, voteActions, voteRoute } = modules;
  /** Everything a refused request must not change: every table's checksum and the stored files. */
  async function snapshot(): Promise<string> {
    const tables = [
      "User",
      "Account",
      "Day",
      "Image",
      "Vote",
      "VoteEvent",
      "Flag",
      "UserDayUsage",
      "Setting",
      "AuditLog",
      "Participation",
      "SubmissionEvent",
    ];
    const sums = (await db.$queryRawUnsafe(`CHECKSUM TABLE ${tables.map((t) => `\`${t}\``).join(", ")}`)) as {
      Table: string;
      Checksum: bigint | number | null;
    }[];
    const files = (await readdir(storageDir, { recursive: true })).sort();
    return JSON.stringify({ sums: sums.map((s) => [s.Table.split(".").pop(), String(s.Checksum)]), files });
  }

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

  function refused(code: ErrorCode, says?: DetailArg): Expected {
    return { code, says: says === undefined ? ({ code } as ErrorDetail) : toDetail(says) };
  }
  const invalid = (says: DetailArg) => refused("INVALID", says);
  const badMask = (says: DetailArg) => refused("INVALID_MASK", says);
  const notANumber = (field: string) => invalid(detail("FIELD_NOT_A_NUMBER", { field }));

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
      voteSampleSize: "0",
    };
  }
  return {
    ...modules,
    fx,
    session,
    storageDir,
    W,
    H,
    english,
    MAX_IMAGE_PIXELS,
    detail,
    snapshot,
    fromAction,
    fromResponse,
    form,
    maskFile,
    generate,
    goodGenerate,
    pngBomb,
    sessionCookie,
    postVote,
    voteBoth,
    refused,
    invalid,
    badMask,
    notANumber,
    settingsForm,
  };
}

export type Harness = ReturnType<typeof makeHarness>;
