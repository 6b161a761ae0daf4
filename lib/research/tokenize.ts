// Pure tokenizer for the prompt-word analysis (lib/research/prompt-words.ts).

/**
 * English function words, and nothing specific to image prompts: the analysis should show which
 * content words win, and words like "add" or "sky" are content here. Words under 3 letters are
 * dropped anyway, so "a", "of", "in" ... need no entry.
 */
export const STOP_WORDS: ReadonlySet<string> = new Set([
  "the",
  "and",
  "with",
  "for",
  "from",
  "that",
  "this",
  "these",
  "those",
  "are",
  "was",
  "were",
  "has",
  "have",
  "had",
  "its",
  "his",
  "her",
  "their",
  "our",
  "your",
  "into",
  "onto",
  "over",
  "under",
  "very",
  "some",
  "any",
  "all",
  "but",
  "not",
  "there",
  "here",
  "then",
  "than",
  "also",
  "just",
  "like",
  "more",
  "most",
  "such",
  "each",
  "which",
  "what",
  "who",
  "whose",
  "where",
  "when",
  "while",
  "can",
  "will",
  "would",
  "should",
  "could",
  "been",
  "being",
  "out",
  "off",
  "about",
  "above",
  "below",
  "between",
  "through",
  "them",
  "they",
  "she",
  "him",
  "you",
]);

export const MIN_WORD_LENGTH = 3;

/**
 * A prompt's words, in order (repeats kept): NFKC-normalised and lowercased, runs of Unicode
 * letters (with their combining marks, so Devanagari or Thai words stay whole), at least 3
 * characters long, stop words dropped. Digits and punctuation separate words ("don't" -> "don").
 */
export function tokenize(text: string): string[] {
  const words: string[] = [];
  for (const [word] of text
    .normalize("NFKC")
    .toLowerCase()
    .matchAll(/\p{L}[\p{L}\p{M}]*/gu)) {
    if ([...word].length >= MIN_WORD_LENGTH && !STOP_WORDS.has(word)) words.push(word);
  }
  return words;
}

/** The distinct words of a prompt: a word counts once per prompt, however often it is repeated. */
export function distinctWords(text: string): Set<string> {
  return new Set(tokenize(text));
}
