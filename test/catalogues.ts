// Reading the message catalogues in tests: a nested catalogue as a flat map of dotted keys.
export type Tree = { [k: string]: string | Tree };

/** "a.b.c" → text, for every leaf of the catalogue. */
export function flatten(tree: Tree, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(tree)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === "string") out.set(key, v);
    else for (const [kk, vv] of flatten(v, key)) out.set(kk, vv);
  }
  return out;
}
