// Types for scripts/system.mjs (plain JavaScript, so it runs before `npm ci`).
export type Plan = { action: "none" | "start" | "install" } | { action: "instructions"; message: string; commands: string[] };
export function planDatabase(input: {
  url: string;
  reachable: boolean;
  installed: boolean;
  isRoot: boolean;
  hasApt: boolean;
}): Plan & { message?: string; commands?: string[] };
export function probeMachine(): { isRoot: boolean; hasApt: boolean; installed: boolean };
export function ensureDatabaseServer(url: string): Promise<void>;
export function ensureTestTools(): void;
export function aptInstall(packages: string[]): void;
