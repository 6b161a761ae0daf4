// The only module that reads process.env. Every variable is validated once, with messages that
// name the variable; empty strings count as missing so `FOO=` in a .env file means "unset".
import { availableParallelism } from "node:os";
import { z } from "zod";
import { DatabaseUrlError, parseDatabaseUrl } from "@/lib/server/db-url";

const blank = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
const optionalString = z.preprocess(blank, z.string().trim().optional());
const optionalUrl = z.preprocess(blank, z.url({ message: "must be a full URL such as https://example.com" }).optional());
const bool = (fallback: boolean) =>
  z.preprocess(
    (v) => blank(v) ?? String(fallback),
    z.enum(["true", "false", "1", "0"], { message: 'must be "true" or "false"' }).transform((v) => v === "true" || v === "1"),
  );
/** A whole number from min to max, as an environment variable's text. */
const wholeNumber = (min: number, max: number) =>
  z.coerce
    .number({ message: "must be a whole number" })
    .int("must be a whole number")
    .min(min, `must be between ${min} and ${max}`)
    .max(max, `must be between ${min} and ${max}`);
const int = (fallback: number, min: number, max: number) => z.preprocess((v) => blank(v) ?? String(fallback), wholeNumber(min, max));
const optionalInt = (min: number, max: number) => z.preprocess(blank, wholeNumber(min, max).optional());
/** A number from min to max (decimals allowed), as an environment variable's text. */
const number = (fallback: number, min: number, max: number) =>
  z.preprocess(
    (v) => blank(v) ?? String(fallback),
    z.coerce
      .number({ message: "must be a number" })
      .min(min, `must be between ${min} and ${max}`)
      .max(max, `must be between ${min} and ${max}`),
  );
const list = z.preprocess(
  blank,
  z
    .string()
    .optional()
    .transform((v) =>
      (v ?? "")
        .split(",")
        .map((s) => s.trim())
        .filter(Boolean),
    ),
);
/** Origins separated by commas or spaces, each matching `pattern`. */
const originList = (pattern: RegExp, message: string) =>
  z.preprocess(
    blank,
    z
      .string()
      .optional()
      .transform((v) =>
        (v ?? "")
          .split(/[\s,]+/)
          .map((s) => s.trim())
          .filter(Boolean),
      )
      .pipe(z.array(z.string().regex(pattern, message))),
  );

function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

export const DEFAULT_DATABASE_URL = "mysql://root@127.0.0.1:3306/pixelpatchwork";

const envSchema = z
  .object({
    NODE_ENV: z.preprocess(blank, z.enum(["development", "production", "test"]).default("development")),
    DATABASE_URL: z.preprocess(
      blank,
      z
        .string()
        .default(DEFAULT_DATABASE_URL)
        .refine((v) => /^(mysql|mariadb):\/\/[^/?]+\/[A-Za-z0-9_$-]+(\?.*)?$/.test(v), {
          message: "must look like mysql://user:password@host:3306/database",
        })
        // Arguments (TLS, timeouts, pool size) are checked now, certificate files read and all:
        // a typo would otherwise mean plaintext, or a failure on the first query.
        .superRefine((v, ctx) => {
          try {
            parseDatabaseUrl(v);
          } catch (err) {
            if (!(err instanceof DatabaseUrlError)) throw err;
            ctx.addIssue({ code: "custom", message: err.detail });
          }
        }),
    ),
    DATABASE_POOL_SIZE: int(10, 1, 200),
    /**
     * MySQL 8's caching_sha2_password over plaintext needs the server's RSA key; fetching it
     * unauthenticated is open to a man in the middle, so it is off unless set. Over TLS it is
     * never needed.
     */
    DATABASE_ALLOW_PUBLIC_KEY_RETRIEVAL: bool(false),
    NEXTAUTH_SECRET: optionalString.refine((v) => v === undefined || v.length >= 32, {
      message: "must be at least 32 characters (make one with: openssl rand -base64 32)",
    }),
    NEXTAUTH_URL: optionalUrl,
    /**
     * next-auth trusts X-Forwarded-Host/-Proto when either is set (any non-empty value counts, as
     * next-auth reads it), which decides its cookie names behind an https proxy. Only "true" is
     * accepted here so that AUTH_TRUST_HOST=false never silently means the opposite.
     */
    AUTH_TRUST_HOST: z
      .preprocess(blank, z.literal("true", { message: 'must be "true" or unset' }).optional())
      .transform((v) => v === "true"),
    /** Set by Vercel on its builds and functions; next-auth then trusts the forwarded headers. */
    VERCEL: optionalString.transform((v) => v !== undefined),
    APP_TIME_ZONE: z.preprocess(
      blank,
      z.string().default("UTC").refine(isTimeZone, { message: "must be an IANA time zone such as UTC or America/New_York" }),
    ),
    STORAGE_DRIVER: z.preprocess(blank, z.enum(["local", "s3"], { message: 'must be "local" or "s3"' }).default("local")),
    STORAGE_LOCAL_DIR: z.preprocess(blank, z.string().default(".data/storage")),
    S3_BUCKET: z.preprocess(
      blank,
      z
        .string()
        .regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, "must be a valid bucket name (3-63 lowercase letters, digits, dots, hyphens)")
        .optional(),
    ),
    S3_REGION: z.preprocess(blank, z.string().default("us-east-1")),
    S3_ENDPOINT: optionalUrl,
    S3_FORCE_PATH_STYLE: bool(false),
    S3_ACCESS_KEY_ID: optionalString,
    S3_SECRET_ACCESS_KEY: optionalString,
    S3_PUBLIC_BASE_URL: optionalUrl,
    S3_URL_EXPIRES_SECONDS: int(3600, 60, 604_800),
    IMAGE_ENGINE: z.preprocess(
      blank,
      z.enum(["offline", "openai", "sdwebui"], { message: 'must be "offline", "openai" or "sdwebui"' }).optional(),
    ),
    OPENAI_API_KEY: optionalString,
    OPENAI_BASE_URL: optionalUrl,
    OPENAI_IMAGE_MODEL: z.preprocess(blank, z.string().default("gpt-image-2")),
    OPENAI_TIMEOUT_MS: int(120_000, 1_000, 600_000),
    /**
     * A self-hosted stable-diffusion-webui (AUTOMATIC1111, Forge, SD.Next) started with --api
     * (lib/imagegen/sdwebui.ts): its address, the --api-auth login if it has one, the checkpoint
     * every edit uses (a title, name or hash as /sdapi/v1/sd-models lists it) and the sampling
     * parameters. The defaults are the webui's own inpainting defaults in its UI.
     */
    SDWEBUI_URL: optionalUrl,
    SDWEBUI_USERNAME: optionalString,
    SDWEBUI_PASSWORD: optionalString,
    SDWEBUI_CHECKPOINT: optionalString,
    SDWEBUI_SAMPLER: z.preprocess(blank, z.string().default("DPM++ 2M")),
    SDWEBUI_SCHEDULER: z.preprocess(blank, z.string().default("Automatic")),
    SDWEBUI_STEPS: int(30, 1, 150),
    SDWEBUI_CFG_SCALE: number(7, 1, 30),
    SDWEBUI_DENOISING_STRENGTH: number(0.75, 0, 1),
    SDWEBUI_INPAINTING_FILL: z.preprocess(
      blank,
      z
        .enum(["fill", "original", "latent noise", "latent nothing"], {
          message: 'must be "fill", "original", "latent noise" or "latent nothing"',
        })
        .default("original"),
    ),
    /** true: the server repaints a crop around the mask at full resolution ("Only masked"); false: the whole picture. */
    SDWEBUI_INPAINT_FULL_RES: bool(false),
    SDWEBUI_INPAINT_PADDING: int(32, 0, 256),
    SDWEBUI_MASK_BLUR: int(4, 0, 64),
    /** The model's native size: seeds are scaled up or down so their longest side is this (multiples of 8): 1024 for SDXL and FLUX, 512 for SD 1.5. */
    SDWEBUI_MAX_SIDE: int(1024, 256, 2048),
    SDWEBUI_TIMEOUT_MS: int(180_000, 1_000, 900_000),
    /**
     * Worker threads for image work (mask checks, the offline engine, compositing, thumbnails),
     * so it never holds up requests. One less than the machine's CPUs, at least 1: the request
     * thread keeps a core of its own.
     */
    IMAGE_WORKERS: int(Math.max(1, availableParallelism() - 1), 1, 256),
    /** Generations that may wait for a worker before more are refused as busy; 16 per worker unless set. */
    IMAGE_QUEUE_LIMIT: optionalInt(0, 10_000),
    /** A step of image work running longer than this is stopped (its worker replaced) and the attempt refunded. */
    IMAGE_TASK_TIMEOUT_MS: int(60_000, 1_000, 600_000),
    GITHUB_ID: optionalString,
    GITHUB_SECRET: optionalString,
    GOOGLE_CLIENT_ID: optionalString,
    GOOGLE_CLIENT_SECRET: optionalString,
    ADMIN_EMAILS: list,
    ADMIN_PARTICIPANT_IDS: list,
    CRON_SECRET: optionalString.refine((v) => v === undefined || v.length >= 16, {
      message: "must be at least 16 characters",
    }),
    /**
     * Keys the participant-id hashes in research exports (lib/server/secrets.ts). Optional: without it
     * the salt is derived from NEXTAUTH_SECRET. Set it to keep hashes stable across a rotation of
     * NEXTAUTH_SECRET, or to give different studies unlinkable hashes.
     */
    EXPORT_HASH_SALT: optionalString.refine((v) => v === undefined || v.length >= 16, {
      message: "must be at least 16 characters (make one with: openssl rand -base64 32)",
    }),
    /**
     * How many proxies in front of the app append to X-Forwarded-For (Vercel, nginx, a load
     * balancer: 1). The client address for rate limits is read that many entries from the right.
     */
    TRUSTED_PROXY_HOPS: int(1, 1, 10),
    /**
     * Origins allowed to show the app in a frame (CSP frame-ancestors), e.g. a crowd platform's
     * https://app.prolific.com. Empty: only the app itself. Embedding elsewhere also makes the
     * session cookie SameSite=None (with an https NEXTAUTH_URL), or the frame could not sign in.
     */
    FRAME_ANCESTORS: originList(
      /^https:\/\/(\*\.)?[a-z0-9.-]+(:\d+)?$/i,
      "each entry must be an https:// origin such as https://app.prolific.com",
    ),
    /**
     * Origins besides MTurk's own (https://www.mturk.com, https://workersandbox.mturk.com) that a
     * HIT's turkSubmitTo may name (lib/study/arrival.ts). Only for a local stand-in in tests:
     * loopback origins, http allowed. Empty in every real deployment.
     */
    MTURK_SUBMIT_ORIGINS: originList(
      /^https?:\/\/(localhost|127\.0\.0\.1)(:\d+)?$/,
      "each entry must be a loopback origin such as http://127.0.0.1:3190",
    ),
    /** Multiplies every rate limit (lib/server/rate-limit.ts); raise it only for load tests. */
    RATE_LIMIT_SCALE: int(1, 1, 1_000_000),
    /** Set by `next build`; production secrets are only demanded when the server runs. */
    NEXT_PHASE: optionalString,
  })
  .superRefine((e, ctx) => {
    const running = e.NODE_ENV === "production" && e.NEXT_PHASE !== "phase-production-build";
    const need = (key: keyof typeof e, why: string) => ctx.addIssue({ code: "custom", path: [key], message: why });
    if (running && !e.NEXTAUTH_SECRET) need("NEXTAUTH_SECRET", "is required in production (openssl rand -base64 32)");
    // Without either, next-auth builds every URL on http://localhost:3000 and sign-in silently fails.
    if (running && !e.NEXTAUTH_URL && !e.VERCEL && !e.AUTH_TRUST_HOST)
      need(
        "NEXTAUTH_URL",
        "is required in production (the public origin, e.g. https://example.com), unless AUTH_TRUST_HOST=true behind a proxy that sets X-Forwarded-Host and X-Forwarded-Proto",
      );
    if (e.STORAGE_DRIVER === "s3" && !e.S3_BUCKET) need("S3_BUCKET", 'is required when STORAGE_DRIVER is "s3"');
    if (e.IMAGE_ENGINE === "openai" && !e.OPENAI_API_KEY) need("OPENAI_API_KEY", 'is required when IMAGE_ENGINE is "openai"');
    if (e.IMAGE_ENGINE === "sdwebui" && !e.SDWEBUI_URL) need("SDWEBUI_URL", 'is required when IMAGE_ENGINE is "sdwebui"');
    if (e.IMAGE_ENGINE === "sdwebui" && !e.SDWEBUI_CHECKPOINT)
      need("SDWEBUI_CHECKPOINT", 'is required when IMAGE_ENGINE is "sdwebui" (a checkpoint as GET /sdapi/v1/sd-models lists it)');
    if (!!e.SDWEBUI_USERNAME !== !!e.SDWEBUI_PASSWORD)
      need(e.SDWEBUI_USERNAME ? "SDWEBUI_PASSWORD" : "SDWEBUI_USERNAME", "SDWEBUI_USERNAME and SDWEBUI_PASSWORD must be set together");
    // Half a key pair would fall back to the default credential chain and fail later with a
    // confusing "access denied".
    if (!!e.S3_ACCESS_KEY_ID !== !!e.S3_SECRET_ACCESS_KEY)
      need(
        e.S3_ACCESS_KEY_ID ? "S3_SECRET_ACCESS_KEY" : "S3_ACCESS_KEY_ID",
        "S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY must be set together (or both left unset)",
      );
    if (!!e.GITHUB_ID !== !!e.GITHUB_SECRET)
      need(e.GITHUB_ID ? "GITHUB_SECRET" : "GITHUB_ID", "GitHub sign-in needs both GITHUB_ID and GITHUB_SECRET");
    if (!!e.GOOGLE_CLIENT_ID !== !!e.GOOGLE_CLIENT_SECRET)
      need(
        e.GOOGLE_CLIENT_ID ? "GOOGLE_CLIENT_SECRET" : "GOOGLE_CLIENT_ID",
        "Google sign-in needs both GOOGLE_CLIENT_ID and GOOGLE_CLIENT_SECRET",
      );
  })
  .transform(({ IMAGE_ENGINE, IMAGE_QUEUE_LIMIT, ...e }) => ({
    ...e,
    /** With no key the offline engine is the default, so a fresh clone works with no account. */
    IMAGE_ENGINE: IMAGE_ENGINE ?? (e.OPENAI_API_KEY ? ("openai" as const) : ("offline" as const)),
    /** About the same longest wait on any machine: the line grows with the workers that empty it. */
    IMAGE_QUEUE_LIMIT: IMAGE_QUEUE_LIMIT ?? 16 * e.IMAGE_WORKERS,
  }));

export type Env = z.infer<typeof envSchema>;

export class EnvError extends Error {
  constructor(public readonly issues: { variable: string; message: string }[]) {
    super(
      "Invalid environment configuration:\n" +
        issues.map((i) => `  - ${i.variable} ${i.message}`).join("\n") +
        "\nSee .env.example for every variable and how to set it.",
    );
    this.name = "EnvError";
  }
}

/** Validates a set of variables (process.env by default); throws EnvError naming each bad one. */
export function parseEnv(source: Record<string, string | undefined> = process.env): Env {
  const res = envSchema.safeParse(source);
  if (res.success) return res.data;
  throw new EnvError(res.error.issues.map((i) => ({ variable: String(i.path[0] ?? "environment"), message: i.message })));
}

let cached: Env | undefined;

/** The validated configuration of this process, parsed on first use. */
export function getEnv(): Env {
  cached ??= parseEnv();
  return cached;
}

/** Tests change variables between cases; production never calls this. */
export function resetEnvForTests(): void {
  cached = undefined;
}
