// A request's cookies read from its Cookie header ("name=value; name=value", RFC 6265 §4.2.1).
// Plain, so the session reader and the language rule (which the client bundle shares) use one parser.

/** The cookies as name → value, values percent-decoded as browsers' document.cookie writers encode them. */
export function readCookieHeader(header: string | null | undefined): Map<string, string> {
  const out = new Map<string, string>();
  for (const part of (header ?? "").split(";")) {
    const eq = part.indexOf("=");
    if (eq <= 0) continue;
    try {
      out.set(part.slice(0, eq).trim(), decodeURIComponent(part.slice(eq + 1).trim()));
    } catch {
      // A stray "%" is not a cookie anyone set; it must not become a 500 either.
    }
  }
  return out;
}
