// Tests read refusals as an English reader does: through the catalogue, by code, never by
// matching a sentence the code itself wrote.
import { errorTextIn } from "@/i18n/error-translator";
import type { ErrorDetail } from "@/lib/server/error-codes";

/** A detail in English, as actions and routes put it. */
export const english = errorTextIn("en");

/** What a thrown refusal (ActionError, EngineError, MaskError ...) says in English. */
export function englishOf(err: unknown): string {
  const said = (err as { detail?: ErrorDetail } | null)?.detail;
  if (!said) throw new Error(`not a refusal with a code: ${String(err)}`);
  return english(said);
}
