import { availableParallelism } from "node:os";
import { describe, expect, it } from "vitest";
import { DEFAULT_DATABASE_URL, EnvError, parseEnv } from "./env";

function issuesOf(source: Record<string, string | undefined>) {
  try {
    parseEnv(source);
  } catch (err) {
    if (err instanceof EnvError) return err;
    throw err;
  }
  throw new Error("expected an EnvError");
}

describe("parseEnv", () => {
  it("needs nothing for local development: local MariaDB, local disk, offline engine", () => {
    const env = parseEnv({});
    expect(env.DATABASE_URL).toBe(DEFAULT_DATABASE_URL);
    expect(env.STORAGE_DRIVER).toBe("local");
    expect(env.IMAGE_ENGINE).toBe("offline");
    expect(env.APP_TIME_ZONE).toBe("UTC");
    expect(env.ADMIN_PARTICIPANT_IDS).toEqual([]);
  });

  it("treats empty strings as unset", () => {
    const env = parseEnv({ DATABASE_URL: "", STORAGE_DRIVER: " ", OPENAI_API_KEY: "" });
    expect(env.DATABASE_URL).toBe(DEFAULT_DATABASE_URL);
    expect(env.STORAGE_DRIVER).toBe("local");
    expect(env.IMAGE_ENGINE).toBe("offline");
  });

  it("reads the self-hosted engine's settings, with the webui's inpainting defaults", () => {
    const base = { IMAGE_ENGINE: "sdwebui", SDWEBUI_URL: "http://127.0.0.1:7860", SDWEBUI_CHECKPOINT: "sd-v1-5-inpainting" };
    expect(parseEnv(base)).toMatchObject({
      IMAGE_ENGINE: "sdwebui",
      SDWEBUI_SAMPLER: "DPM++ 2M",
      SDWEBUI_SCHEDULER: "Automatic",
      SDWEBUI_STEPS: 30,
      SDWEBUI_CFG_SCALE: 7,
      SDWEBUI_DENOISING_STRENGTH: 0.75,
      SDWEBUI_INPAINTING_FILL: "original",
      SDWEBUI_INPAINT_FULL_RES: false,
      SDWEBUI_INPAINT_PADDING: 32,
      SDWEBUI_MASK_BLUR: 4,
      SDWEBUI_MAX_SIDE: 1024,
      SDWEBUI_TIMEOUT_MS: 180_000,
    });
    expect(
      parseEnv({ ...base, SDWEBUI_CFG_SCALE: "7.5", SDWEBUI_INPAINT_FULL_RES: "true", SDWEBUI_INPAINTING_FILL: "latent noise" }),
    ).toMatchObject({
      SDWEBUI_CFG_SCALE: 7.5,
      SDWEBUI_INPAINT_FULL_RES: true,
      SDWEBUI_INPAINTING_FILL: "latent noise",
    });
  });

  it("picks the OpenAI engine when a key is set, unless told otherwise", () => {
    expect(parseEnv({ OPENAI_API_KEY: "sk-test" }).IMAGE_ENGINE).toBe("openai");
    expect(parseEnv({ OPENAI_API_KEY: "sk-test", IMAGE_ENGINE: "offline" }).IMAGE_ENGINE).toBe("offline");
  });

  it("sizes the image workers to the machine, and their line to the workers, unless told", () => {
    const env = parseEnv({});
    expect(env.IMAGE_WORKERS).toBe(Math.max(1, availableParallelism() - 1));
    expect(env.IMAGE_QUEUE_LIMIT).toBe(16 * env.IMAGE_WORKERS);
    expect(env.IMAGE_TASK_TIMEOUT_MS).toBe(60_000);
    expect(parseEnv({ IMAGE_WORKERS: "3" }).IMAGE_QUEUE_LIMIT).toBe(48);
    expect(parseEnv({ IMAGE_WORKERS: "3", IMAGE_QUEUE_LIMIT: "0" })).toMatchObject({ IMAGE_WORKERS: 3, IMAGE_QUEUE_LIMIT: 0 });
  });

  it("parses lists and booleans", () => {
    const env = parseEnv({ ADMIN_EMAILS: " a@x.org, b@y.org ,,", S3_FORCE_PATH_STYLE: "true" });
    expect(env.ADMIN_EMAILS).toEqual(["a@x.org", "b@y.org"]);
    expect(env.S3_FORCE_PATH_STYLE).toBe(true);
  });

  it.each([
    ["STORAGE_DRIVER", { STORAGE_DRIVER: "ftp" }, 'must be "local" or "s3"'],
    ["IMAGE_ENGINE", { IMAGE_ENGINE: "dalle" }, 'must be "offline", "openai" or "sdwebui"'],
    ["SDWEBUI_URL", { IMAGE_ENGINE: "sdwebui", SDWEBUI_CHECKPOINT: "sd15" }, "required"],
    ["SDWEBUI_CHECKPOINT", { IMAGE_ENGINE: "sdwebui", SDWEBUI_URL: "http://127.0.0.1:7860" }, "/sdapi/v1/sd-models"],
    ["SDWEBUI_PASSWORD", { SDWEBUI_USERNAME: "lab" }, "together"],
    ["SDWEBUI_DENOISING_STRENGTH", { SDWEBUI_DENOISING_STRENGTH: "1.5" }, "between 0 and 1"],
    ["SDWEBUI_CFG_SCALE", { SDWEBUI_CFG_SCALE: "strong" }, "must be a number"],
    ["SDWEBUI_INPAINTING_FILL", { SDWEBUI_INPAINTING_FILL: "noise" }, '"latent noise"'],
    ["DATABASE_URL", { DATABASE_URL: "postgres://localhost/db" }, "mysql://"],
    ["DATABASE_URL", { DATABASE_URL: "mysql://localhost" }, "mysql://"],
    ["APP_TIME_ZONE", { APP_TIME_ZONE: "Mars/Olympus" }, "IANA time zone"],
    ["S3_FORCE_PATH_STYLE", { S3_FORCE_PATH_STYLE: "yes" }, '"true" or "false"'],
    ["S3_URL_EXPIRES_SECONDS", { S3_URL_EXPIRES_SECONDS: "soon" }, "whole number"],
    ["S3_URL_EXPIRES_SECONDS", { S3_URL_EXPIRES_SECONDS: "10" }, "between 60 and 604800"],
    ["OPENAI_BASE_URL", { OPENAI_BASE_URL: "not a url" }, "full URL"],
    ["NEXTAUTH_SECRET", { NEXTAUTH_SECRET: "short" }, "at least 32"],
    ["S3_BUCKET", { STORAGE_DRIVER: "s3" }, "required"],
    ["S3_BUCKET", { S3_BUCKET: "Bad_Bucket" }, "bucket name"],
    ["OPENAI_API_KEY", { IMAGE_ENGINE: "openai" }, "required"],
    ["GITHUB_SECRET", { GITHUB_ID: "abc" }, "both"],
    ["S3_SECRET_ACCESS_KEY", { S3_ACCESS_KEY_ID: "abc" }, "together"],
    ["CRON_SECRET", { CRON_SECRET: "short" }, "at least 16"],
    ["EXPORT_HASH_SALT", { EXPORT_HASH_SALT: "short" }, "at least 16"],
    // Prisma's URL arguments are checked at start-up, a misspelt TLS argument included.
    ["DATABASE_URL", { DATABASE_URL: "mysql://u:p@db.example.com:3306/app?sslacept=strict" }, 'unknown argument "sslacept"'],
    ["DATABASE_URL", { DATABASE_URL: "mysql://u:p@db.example.com:3306/app?sslaccept=yes" }, '"strict" or "accept_invalid_certs"'],
    ["DATABASE_URL", { DATABASE_URL: "mysql://u:p@db.example.com:3306/app?sslcert=/nonexistent/ca.pem" }, "cannot be read (ENOENT)"],
    ["AUTH_TRUST_HOST", { AUTH_TRUST_HOST: "false" }, '"true" or unset'],
    ["DATABASE_ALLOW_PUBLIC_KEY_RETRIEVAL", { DATABASE_ALLOW_PUBLIC_KEY_RETRIEVAL: "maybe" }, '"true" or "false"'],
    ["IMAGE_WORKERS", { IMAGE_WORKERS: "0" }, "between 1 and 256"],
    ["IMAGE_WORKERS", { IMAGE_WORKERS: "two" }, "whole number"],
    ["IMAGE_QUEUE_LIMIT", { IMAGE_QUEUE_LIMIT: "-1" }, "between 0 and 10000"],
    ["IMAGE_TASK_TIMEOUT_MS", { IMAGE_TASK_TIMEOUT_MS: "10" }, "between 1000 and 600000"],
  ])("names %s when it is malformed", (variable, source, fragment) => {
    const err = issuesOf(source);
    const issue = err.issues.find((i) => i.variable === variable);
    expect(issue, `no issue for ${variable}: ${err.message}`).toBeDefined();
    expect(issue!.message).toContain(fragment);
    expect(err.message).toContain(variable);
  });

  it("demands a secret when the production server runs, but not while building", () => {
    expect(issuesOf({ NODE_ENV: "production" }).issues.map((i) => i.variable)).toContain("NEXTAUTH_SECRET");
    expect(() => parseEnv({ NODE_ENV: "production", NEXT_PHASE: "phase-production-build" })).not.toThrow();
  });

  it("needs the public origin in production, or a proxy it may trust for it (as next-auth does)", () => {
    const secret = "x".repeat(32);
    expect(issuesOf({ NODE_ENV: "production", NEXTAUTH_SECRET: secret }).issues.map((i) => i.variable)).toEqual(["NEXTAUTH_URL"]);
    for (const extra of [{ NEXTAUTH_URL: "https://a.example" }, { AUTH_TRUST_HOST: "true" }, { VERCEL: "1" }]) {
      expect(() => parseEnv({ NODE_ENV: "production", NEXTAUTH_SECRET: secret, ...extra })).not.toThrow();
    }
  });

  it("reports every bad variable at once", () => {
    const err = issuesOf({ STORAGE_DRIVER: "ftp", APP_TIME_ZONE: "Nowhere" });
    expect(err.issues.map((i) => i.variable).sort()).toEqual(["APP_TIME_ZONE", "STORAGE_DRIVER"]);
  });
});
