import "server-only";
import type { z } from "zod";
import { db, type Tx } from "@/lib/server/db";
import { ActionError } from "@/lib/server/errors";
import { fieldErrorsOf } from "@/lib/validations/field-errors";
import { DEFAULT_SETTINGS, settingsSchema, type Settings } from "./schema";

export { DEFAULT_SETTINGS, settingsSchema, type Settings };

// Votes read the settings on every request; a one-second cache keeps that off the database
// while a change still reaches every instance within a second.
const TTL_MS = 1000;
let cache: { at: number; value: Settings } | undefined;

export async function getSettings(): Promise<Settings> {
  if (cache && performance.now() - cache.at < TTL_MS) return cache.value;
  const value = await readSettings(db);
  cache = { at: performance.now(), value };
  return value;
}

/** The stored settings merged over the defaults, read through `client` (a transaction or db). */
async function readSettings(client: Pick<Tx, "setting">): Promise<Settings> {
  const rows = await client.setting.findMany({ select: { key: true, value: true } });
  const merged: Record<string, unknown> = { ...DEFAULT_SETTINGS };
  const shape = settingsSchema.def.shape ?? {};
  for (const row of rows) {
    const field = (shape as Record<string, z.ZodType>)[row.key];
    if (!field) continue;
    try {
      const parsed = field.safeParse(JSON.parse(row.value));
      if (parsed.success) merged[row.key] = parsed.data;
    } catch {
      // A hand-edited, unreadable value keeps the default rather than breaking every page.
    }
  }
  const checked = settingsSchema.safeParse(merged);
  return checked.success ? checked.data : DEFAULT_SETTINGS;
}

/**
 * Validates and stores a change inside `tx` (all keys together must still be consistent) and
 * returns the settings before and after, so the caller can audit the change in the same
 * transaction. The rows are read under a lock so two admins' changes cannot interleave.
 */
export async function writeSettings(
  tx: Tx,
  patch: Partial<Settings>,
  updatedById: number | null,
): Promise<{ before: Settings; after: Settings }> {
  await tx.$queryRaw`SELECT \`key\` FROM \`Setting\` FOR UPDATE`;
  const before = await readSettings(tx);
  const parsed = settingsSchema.safeParse({ ...before, ...patch });
  if (!parsed.success) throw new ActionError("INVALID", { fieldErrors: fieldErrorsOf(parsed.error) });
  const after = parsed.data;
  for (const [key, value] of Object.entries(patch)) {
    const json = JSON.stringify(value);
    await tx.setting.upsert({ where: { key }, create: { key, value: json, updatedById }, update: { value: json, updatedById } });
  }
  cache = undefined;
  return { before, after };
}

/** Stores a change on its own (scripts and tests); admin changes go through lib/settings/change.ts. */
export async function updateSettings(patch: Partial<Settings>, updatedById: number | null): Promise<Settings> {
  const { after } = await db.$transaction((tx) => writeSettings(tx, patch, updatedById));
  return after;
}

/** Forgets the cached copy (tests, and after a change made by another instance in the same test). */
export function invalidateSettingsCache(): void {
  cache = undefined;
}
