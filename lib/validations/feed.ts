import { dateFromKey } from "@/lib/server/clock";
import { issue } from "./field-errors";
import { z } from "./zod";

/** A day's address, YYYY-MM-DD, and a real date (the /days/<date> page and the feed endpoint). */
export const dateKeySchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, issue("INVALID_DAY"))
  .refine((s) => !Number.isNaN(dateFromKey(s).getTime()), issue("INVALID_DAY"));

/**
 * The vote feed's JSON endpoint (GET /api/vote/images): which day (a date key; today's open day
 * when absent) and where to continue (a cursor from the previous page; the first page when
 * absent). The cursor is only bounded here: lib/voting/feed-cursor.ts checks it is ours.
 */
export const feedQuerySchema = z.object({
  day: dateKeySchema.optional(),
  cursor: z
    .string()
    .max(1000, issue("TEXT_TOO_LONG", { max: 1000 }))
    .optional(),
});
