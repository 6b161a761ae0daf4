import { z } from "./zod";

/** Control characters other than tab and newline. */
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
/** Bidi overrides (LRO/RLO) and the deprecated embeddings: they make text display as something it is not. */
const BIDI_OVERRIDE = /[\u202A-\u202E]/;
/** Something that reads as an HTML tag: `<b>`, `</div>`, `<img src=x>`, `<!-- -->`. `a < b` and `<3` stay allowed. */
const MARKUP = /<\s*(\/\s*)?[A-Za-z!][^>]*>/;
/** Characters that show nothing on their own: spaces, zero-width and format characters. */
const INVISIBLE = /[\s\u200B-\u200F\u2060-\u2064\uFEFF\u180E\u00AD]/gu;

/**
 * Free text people type for others to read (prompts, reasons): NFC-normalised and trimmed, and
 * refused with a specific message when empty or invisible, too long, not well-formed Unicode
 * (a lone surrogate cannot be stored), or carrying control characters, bidi overrides or markup.
 */
export function plainText(opts: { what: string; empty: string; min?: number; max: number }) {
  const min = opts.min ?? 1;
  return z
    .string({ message: opts.empty })
    .refine((s) => s.isWellFormed(), `The ${opts.what} contains broken characters; please retype it.`)
    .transform((s) => s.normalize("NFC").trim())
    .pipe(
      z
        .string()
        .refine((s) => s.replace(INVISIBLE, "").length > 0, opts.empty)
        .refine((s) => min <= 1 || s.length >= min, `Give a ${opts.what} of at least ${min} characters.`)
        .refine((s) => s.length <= opts.max, `A ${opts.what} has at most ${opts.max} characters.`)
        .refine((s) => !CONTROL.test(s), `The ${opts.what} contains invisible control characters; please retype it.`)
        .refine((s) => !BIDI_OVERRIDE.test(s), `The ${opts.what} contains direction-override characters; please retype it.`)
        .refine((s) => !MARKUP.test(s), `The ${opts.what} contains HTML tags; describe it in plain words.`),
    );
}
