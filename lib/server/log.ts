// One JSON line per event on stdout/stderr, for operators and log collectors. Fields are ids,
// counts and timings; never a prompt's text or a secret (callers pass lengths, not contents).

type Fields = Record<string, unknown>;

function write(level: "info" | "warn" | "error", msg: string, fields: Fields): void {
  const line = JSON.stringify({ level, msg, ...fields });
  if (level === "error") console.error(line);
  else if (level === "warn") console.warn(line);
  else console.log(line);
}

/** The message of anything thrown, without its stack. */
export function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

export const log = {
  info: (msg: string, fields: Fields = {}) => write("info", msg, fields),
  warn: (msg: string, fields: Fields = {}) => write("warn", msg, fields),
  /** An error line; `err` (if any) is reduced to its message under `error`. */
  error: (msg: string, err?: unknown, fields: Fields = {}) =>
    write("error", msg, err === undefined ? fields : { ...fields, error: errorMessage(err) }),
};
