import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";
import { worldLinkKey } from "@/lib/server/secrets";

// A link that places whoever follows it in one world, for designs that assign people themselves
// (a pilot, a between-platform split): `?assign=<token>` with the study, the world and a MAC over
// both, so a participant cannot move themselves by editing a number, and a link of one study does
// nothing in the next. Never a bare `?world=`.

const MAC_LENGTH = 22; // 132 bits of base64url

function mac(studyId: number, worldId: number): string {
  return createHmac("sha256", worldLinkKey()).update(`world-link:${studyId}:${worldId}`).digest("base64url").slice(0, MAC_LENGTH);
}

/** The `assign` parameter that places a participant in `worldId` of `studyId`. */
export function worldLinkToken(studyId: number, worldId: number): string {
  return `${studyId}.${worldId}.${mac(studyId, worldId)}`;
}

/** The study and world a token names, or null when it is not one this server made. */
export function readWorldLink(token: string): { studyId: number; worldId: number } | null {
  const m = /^(\d{1,9})\.(\d{1,9})\.([A-Za-z0-9_-]{22})$/.exec(token);
  if (!m) return null;
  const studyId = Number(m[1]);
  const worldId = Number(m[2]);
  const given = Buffer.from(m[3]!);
  const expected = Buffer.from(mac(studyId, worldId));
  return given.length === expected.length && timingSafeEqual(given, expected) ? { studyId, worldId } : null;
}
