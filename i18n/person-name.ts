import type { Translator } from "./locales";

/** Who someone is to others: the name they gave, or the tag of their pseudonym. */
export type PersonName = { displayName: string | null; pseudonym: string | null };

/** The fields to select for a PersonName (Prisma `select`). */
export const personNameFields = { displayName: true, pseudonym: true } as const;

/**
 * How a person is named on a page: their own name, else their pseudonym in the reader's
 * language ("Participant 3F09A2"). Every account has one or the other; "—" covers a row made by
 * hand with neither.
 */
export function personName(t: Translator<"common">, p: PersonName): string {
  if (p.displayName) return p.displayName;
  return p.pseudonym ? t("pseudonym", { tag: p.pseudonym }) : "—";
}
