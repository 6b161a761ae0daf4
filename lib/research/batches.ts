/**
 * Reads a table in keyset-paginated batches (WHERE id > last ORDER BY id LIMIT size), so a
 * million rows never sit in memory together and every batch is an index range scan, however deep
 * into the table (OFFSET would rescan all skipped rows). Rows written during the read may or may
 * not be included; rows are never repeated or skipped otherwise.
 */
export async function* keysetBatches<T extends { id: number }>(
  fetch: (afterId: number, take: number) => Promise<T[]>,
  size = 2000,
): AsyncGenerator<T[], void, undefined> {
  let after = 0;
  for (;;) {
    const rows = await fetch(after, size);
    if (rows.length > 0) yield rows;
    const last = rows.at(-1);
    if (rows.length < size || !last) return;
    after = last.id;
  }
}
