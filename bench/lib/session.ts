// Signing in the way a browser does, through next-auth's own endpoints: the CSRF token and its
// cookie first, then the participant credentials callback, which answers with the session cookie.

const SESSION_COOKIE = "next-auth.session-token";

/** `name=value` pairs from a response's Set-Cookie headers. */
function cookiesOf(res: Response): Map<string, string> {
  const out = new Map<string, string>();
  for (const line of res.headers.getSetCookie()) {
    const pair = line.split(";", 1)[0] ?? "";
    const eq = pair.indexOf("=");
    if (eq > 0) out.set(pair.slice(0, eq), pair.slice(eq + 1));
  }
  return out;
}

/** Signs `participantId` in on the app at `baseUrl`; returns the Cookie header value to send. */
export async function sessionCookie(baseUrl: string, participantId: string): Promise<string> {
  const csrfRes = await fetch(`${baseUrl}/api/auth/csrf`, { signal: AbortSignal.timeout(15_000) });
  const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
  const jar = cookiesOf(csrfRes);
  const res = await fetch(`${baseUrl}/api/auth/callback/participant`, {
    method: "POST",
    redirect: "manual",
    headers: {
      "Content-Type": "application/x-www-form-urlencoded",
      Cookie: [...jar].map(([k, v]) => `${k}=${v}`).join("; "),
    },
    body: new URLSearchParams({ csrfToken, participantId, json: "true", callbackUrl: baseUrl }),
    signal: AbortSignal.timeout(15_000),
  });
  await res.arrayBuffer();
  const session = cookiesOf(res).get(SESSION_COOKIE);
  if (res.status !== 200 || !session)
    throw new Error(`sign-in of ${participantId} failed: HTTP ${res.status}, no ${SESSION_COOKIE} cookie`);
  return `${SESSION_COOKIE}=${session}`;
}

/**
 * Request headers for each participant: their session cookie, and an address of their own
 * (X-Forwarded-For), as real people behind one load generator would have. Rate limits count per
 * address, so sharing one would measure a single hot counter rather than the app.
 */
export async function signedInClients(baseUrl: string, users: { participantId: string }[]): Promise<Record<string, string>[]> {
  const out: Record<string, string>[] = [];
  for (const [i, u] of users.entries())
    out.push({ Cookie: await sessionCookie(baseUrl, u.participantId), "x-forwarded-for": `198.51.100.${i + 1}` });
  return out;
}
