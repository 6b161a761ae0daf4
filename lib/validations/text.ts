import type { ErrorCode } from "@/lib/server/error-codes";
import { issue } from "./field-errors";
import { z } from "./zod";

/** Control characters other than tab and newline. */
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
/** Bidi overrides (LRO/RLO) and the deprecated embeddings: they make text display as something it is not. */
const BIDI_OVERRIDE = /[\u202A-\u202E]/;
/** Something that reads as an HTML tag: `<b>`, `</div>`, `<img src=x>`, `<!-- -->`. `a < b` and `<3` stay allowed. */
const MARKUP = /<\s*(\/\s*)?[A-Za-z!][^>]*>/;
/** Characters that show nothing on their own: spaces, zero-width and format characters. */
const INVISIBLE = /[\s\u200B-\u200F\u2060-\u2064\uFEFF\u180E\u00AD]/gu;

/** The code for each way a text can be refused; each kind of text has its own messages. */
export type TextCodes = {
  required: ErrorCode;
  tooShort?: ErrorCode;
  tooLong: ErrorCode;
  control: ErrorCode;
  bidi: ErrorCode;
  markup: ErrorCode;
  broken: ErrorCode;
};

/**
 * Free text people type for others to read (prompts, reasons): NFC-normalised and trimmed, and
 * refused with a specific code when empty or invisible, too long, not well-formed Unicode
 * (a lone surrogate cannot be stored), or carrying control characters, bidi overrides or markup.
 */
export function plainText(opts: { codes: TextCodes; min?: number; max: number }) {
  const { codes, max } = opts;
  const min = opts.min ?? 1;
  return z
    .string(issue(codes.required))
    .refine((s) => s.isWellFormed(), issue(codes.broken))
    .transform((s) => s.normalize("NFC").trim())
    .pipe(
      z
        .string()
        .refine((s) => s.replace(INVISIBLE, "").length > 0, issue(codes.required))
        .refine((s) => min <= 1 || s.length >= min, issue(codes.tooShort ?? codes.required, { min }))
        .refine((s) => s.length <= max, issue(codes.tooLong, { max }))
        .refine((s) => !CONTROL.test(s), issue(codes.control))
        .refine((s) => !BIDI_OVERRIDE.test(s), issue(codes.bidi))
        .refine((s) => !MARKUP.test(s), issue(codes.markup)),
    );
}
