import "server-only";
import { createHash, createHmac, timingSafeEqual } from "node:crypto";
import { ActionError } from "@/lib/server/errors";
import { feedCursorKey } from "@/lib/server/secrets";
import { z } from "@/lib/validations/zod";

/**
 * Where the next page of one voter's feed starts. The client holds it as an opaque string and
 * hands it back; it says which day and voter it belongs to, how far the voter has got, the
 * snapshot of the day's submissions the order was computed over and a fingerprint of that order,
 * so the next page continues exactly the same order or is refused.
 */
export type FeedCursor = {
  /** The day's id. */
  dayId: number;
  /** The voter's user id; 0 for a visitor who is not signed in. */
  viewerId: number;
  /** How many items of the order the pages so far held: the next page starts here. */
  offset: number;
  /** The snapshot: submissions that joined the vote at or before this instant (ms), no later ones. */
  asOf: number;
  /** orderFingerprint() of the full order the first page was cut from. */
  fingerprint: string;
};

const FINGERPRINT = /^[A-Za-z0-9_-]{22}$/;
const MAC_LENGTH = 22; // 16 bytes of HMAC-SHA256, base64url

const payloadSchema = z
  .object({
    d: z.number().int().positive().max(2_147_483_647),
    u: z.number().int().min(0).max(2_147_483_647),
    o: z.number().int().positive().max(1_000_000),
    t: z.number().int().min(0).max(8_640_000_000_000_000),
    f: z.string().regex(FINGERPRINT),
  })
  .strict();

/** What the client sends back: base64url payload, a dot, base64url MAC. Bounded before any work. */
const cursorTextSchema = z
  .string()
  .max(400)
  .regex(new RegExp(`^[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]{${MAC_LENGTH}}$`));

function mac(payload: string): string {
  return createHmac("sha256", feedCursorKey()).update(`feed-cursor:${payload}`).digest("base64url").slice(0, MAC_LENGTH);
}

/** A short, stable digest of an order (the mode and the ids in order): equal orders, equal prints. */
export function orderFingerprint(mode: string, ids: readonly number[]): string {
  return createHash("sha256")
    .update(`${mode}:${ids.join(",")}`)
    .digest("base64url")
    .slice(0, 22);
}

/** The cursor as the opaque text the client keeps. */
export function encodeCursor(c: FeedCursor): string {
  const payload = Buffer.from(JSON.stringify({ d: c.dayId, u: c.viewerId, o: c.offset, t: c.asOf, f: c.fingerprint })).toString(
    "base64url",
  );
  return `${payload}.${mac(payload)}`;
}

/**
 * Reads a cursor the client sent back. Anything not made by this server with its secret (a
 * malformed, truncated or edited cursor, a forged signature) is refused with INVALID_CURSOR, a 400,
 * before its content is trusted in any way. Whether it fits the request is checked by the caller.
 */
export function decodeCursor(text: string): FeedCursor {
  const invalid = () => new ActionError("INVALID_CURSOR");
  const shape = cursorTextSchema.safeParse(text);
  if (!shape.success) throw invalid();
  const [payload = "", sent = ""] = shape.data.split(".");
  const expected = mac(payload);
  if (!timingSafeEqual(Buffer.from(sent), Buffer.from(expected))) throw invalid();
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(payload, "base64url").toString("utf8"));
  } catch {
    throw invalid();
  }
  const parsed = payloadSchema.safeParse(json);
  if (!parsed.success) throw invalid();
  const { d, u, o, t, f } = parsed.data;
  return { dayId: d, viewerId: u, offset: o, asOf: t, fingerprint: f };
}
