// Child processes for the tests' stand-ins (MariaDB, nginx, app instances): a free loopback port,
// a start that keeps the output for error messages, and a stop that waits for the exit.
import { spawn, type ChildProcess, type SpawnOptions } from "node:child_process";
import net from "node:net";

/** A port nothing listens on right now, on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

/** Starts `cmd`, keeping what it prints; `output()` returns it so far. */
export function spawnKept(cmd: string, args: string[], opts: SpawnOptions = {}): { child: ChildProcess; output(): string } {
  const child = spawn(cmd, args, { ...opts, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout?.on("data", (b: Buffer) => (output += b.toString()));
  child.stderr?.on("data", (b: Buffer) => (output += b.toString()));
  return { child, output: () => output };
}

/** Sends `signal` and waits for the exit; after `graceMs` (if given) kills it outright. */
export async function stopChild(child: ChildProcess, signal: NodeJS.Signals, graceMs?: number): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once("exit", r));
  child.kill(signal);
  if (graceMs === undefined) return void (await exited);
  await Promise.race([exited, new Promise((r) => setTimeout(r, graceMs))]);
  if (child.exitCode === null && child.signalCode === null) {
    child.kill("SIGKILL");
    await exited;
  }
}
