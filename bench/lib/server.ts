// Servers for the HTTP and browser benchmarks: the app as a production build (`next start` from
// .next-bench) and any plain Node script, each in a process group of its own so that stopping it
// also stops whatever it spawned, and nothing else.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { once } from "node:events";
import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import net from "node:net";
import { delimiter, join } from "node:path";
import { fileURLToPath } from "node:url";
import { progress, withTimeout } from "./cleanup";

export const ROOT = fileURLToPath(new URL("../..", import.meta.url));
export const DIST_DIR = ".next-bench";
const READY_TIMEOUT_MS = 90_000;
const STOP_TIMEOUT_MS = 10_000;

export type RunningServer = { url: string; port: number; pid: number; stop(): Promise<void> };

/** Builds the app into .next-bench unless bench/run.mjs already did for this run. */
export function ensureBuild(): void {
  if (process.env.BENCH_BUILT === "1") return;
  progress("building the app into .next-bench (next build)…");
  // The build's own log goes to bench/results/build.log; stderr only, so stdout stays the report.
  const res = spawnSync(process.execPath, ["bench/build.mjs"], { cwd: ROOT, stdio: ["ignore", 2, 2] });
  if (res.status !== 0) throw new Error("next build failed");
  process.env.BENCH_BUILT = "1";
}

/** A TCP port nobody listens on right now (the OS picks it). */
export async function freePort(): Promise<number> {
  const srv = net.createServer();
  srv.listen(0, "127.0.0.1");
  await once(srv, "listening");
  const { port } = srv.address() as net.AddressInfo;
  await new Promise((r) => srv.close(r));
  return port;
}

/**
 * Starts `node <args>` with `env` (on top of a clean copy of ours) and waits until GET
 * `readyPath` answers 2xx. Its output is kept (last 64 KB) and shown only if it fails to start.
 */
export async function startNodeServer(opts: {
  label: string;
  /** The program; node itself by default. */
  command?: string;
  args: string[];
  env: Record<string, string>;
  port: number;
  readyPath: string;
  /** Where to run it; the repository by default. */
  cwd?: string;
}): Promise<RunningServer> {
  const child = spawn(opts.command ?? process.execPath, opts.args, {
    cwd: opts.cwd ?? ROOT,
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...opts.env },
    // Its own process group: stop() signals the group, so `next start`'s workers go too.
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let log = "";
  const keep = (chunk: Buffer) => void (log = (log + chunk.toString()).slice(-65_536));
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  const exited = once(child, "exit");
  const url = `http://localhost:${opts.port}`;
  const server: RunningServer = { url, port: opts.port, pid: child.pid ?? 0, stop: () => stopGroup(child, exited) };
  try {
    await waitForHttp(`${url}${opts.readyPath}`, child);
  } catch (err) {
    await server.stop();
    throw new Error(`${opts.label} did not start: ${err instanceof Error ? err.message : String(err)}\n${log.slice(-3000)}`);
  }
  return server;
}

async function waitForHttp(url: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`exited with ${child.exitCode ?? child.signalCode}`);
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(5000) });
      await res.arrayBuffer();
      if (res.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`no answer from ${url} within ${READY_TIMEOUT_MS / 1000} s`);
}

async function stopGroup(child: ChildProcess, exited: Promise<unknown>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
  const signal = (sig: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, sig);
    } catch {
      // Already gone.
    }
  };
  signal("SIGTERM");
  try {
    await withTimeout(exited, STOP_TIMEOUT_MS, "server shutdown");
  } catch {
    signal("SIGKILL");
    await exited;
  }
}

export type AppOptions = { databaseUrl: string; storageDir: string; poolSize?: number; env?: Record<string, string> };

/** package.json's `start` script, as an operator's `npm start` runs it. */
function startScript(): string {
  return (JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { scripts: { start: string } }).scripts.start;
}

/**
 * The app as a production server from .next-bench on a free port, started by the very command
 * `npm start` runs (its environment included), without npm itself in the measured process tree.
 */
export async function startApp(opts: AppOptions): Promise<RunningServer> {
  const port = await freePort();
  progress(`starting next start on port ${port}…`);
  return startNodeServer({
    label: "next start",
    command: "/bin/sh",
    args: ["-c", `exec ${startScript()} -p ${port}`],
    port,
    readyPath: "/api/health",
    env: {
      PATH: `${join(ROOT, "node_modules", ".bin")}${delimiter}${process.env.PATH ?? ""}`,
      NODE_ENV: "production",
      NEXT_DIST_DIR: DIST_DIR,
      PORT: String(port),
      DATABASE_URL: opts.databaseUrl,
      DATABASE_POOL_SIZE: String(opts.poolSize ?? 20),
      NEXTAUTH_SECRET: `bench-${randomBytes(24).toString("hex")}`,
      NEXTAUTH_URL: `http://localhost:${port}`,
      STORAGE_DRIVER: "local",
      STORAGE_LOCAL_DIR: opts.storageDir,
      // Explicit, so an OPENAI_API_KEY in a developer's .env never makes a benchmark call OpenAI.
      IMAGE_ENGINE: "offline",
      // The load generator plays many clients from one machine. Every request is still counted
      // against its limits (the same SQL as in production); only the thresholds are raised.
      RATE_LIMIT_SCALE: "1000",
      ...opts.env,
    },
  });
}

const NEXT_BASELINE_DIR = fileURLToPath(new URL("../baseline/next-app/", import.meta.url));

/**
 * Whether bench/baseline/next-app's build is newer than its sources, the transaction it shares and
 * the installed next: two benchmarks start it in one `npm run bench`, and one build serves both.
 */
function baselineBuildIsCurrent(): boolean {
  const built = join(NEXT_BASELINE_DIR, ".next", "BUILD_ID");
  if (!existsSync(built)) return false;
  const sources = [
    ...readdirSync(NEXT_BASELINE_DIR, { recursive: true, encoding: "utf8" })
      .filter((f) => !f.startsWith(".next"))
      .map((f) => join(NEXT_BASELINE_DIR, f)),
    join(NEXT_BASELINE_DIR, "..", "vote-tx.mjs"),
    join(ROOT, "node_modules", "next", "package.json"),
  ];
  const builtAt = statSync(built).mtimeMs;
  return sources.every((f) => statSync(f).mtimeMs < builtAt);
}

/**
 * The bare Next.js route handler doing the vote transaction (bench/baseline/next-app), built with
 * the project's own `next` and started on a free port: the floor the app's vote route is held to.
 */
export async function startNextBaseline(opts: { databaseUrl: string; poolSize: number }): Promise<RunningServer> {
  const next = fileURLToPath(new URL("../../node_modules/next/dist/bin/next", import.meta.url));
  if (!baselineBuildIsCurrent()) {
    progress("building the bare Next.js baseline (bench/baseline/next-app)…");
    const build = spawnSync(process.execPath, [next, "build"], {
      cwd: NEXT_BASELINE_DIR,
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: "production" },
      stdio: ["ignore", 2, 2],
    });
    if (build.status !== 0) throw new Error("building the Next.js baseline failed");
  }
  const port = await freePort();
  return startNodeServer({
    label: "bare Next.js baseline",
    args: [next, "start", "-p", String(port), "--keepAliveTimeout", "65000"],
    cwd: NEXT_BASELINE_DIR,
    port,
    readyPath: "/api/health",
    env: { NODE_ENV: "production", PORT: String(port), DATABASE_URL: opts.databaseUrl, DATABASE_POOL_SIZE: String(opts.poolSize) },
  });
}
