import "server-only";
import { hkdf } from "node:crypto";
import { jwtDecrypt } from "jose";
import { getToken, type JWTDecodeParams } from "next-auth/jwt";
import { getEnv } from "@/lib/server/env";
import { readCookieHeader } from "@/lib/security/cookie-header";
import { sessionCookieName, usesSecureCookies } from "@/lib/security/session-cookie";

/**
 * next-auth's session encryption key for a secret, derived once. next-auth derives it (HKDF-SHA256,
 * no salt, its fixed info string; next-auth/jwt getDerivedEncryptionKey) on every decode, which
 * was the largest piece of our own CPU per vote; the key only changes with the secret.
 */
const keys = new Map<string, Promise<Uint8Array>>();
function encryptionKey(secret: string): Promise<Uint8Array> {
  let key = keys.get(secret);
  if (!key) {
    key = new Promise((resolve, reject) =>
      hkdf("sha256", secret, "", "NextAuth.js Generated Encryption Key", 32, (err, bytes) =>
        err ? reject(err) : resolve(new Uint8Array(bytes)),
      ),
    );
    keys.set(secret, key);
  }
  return key;
}

/** next-auth's JWT decode (A256GCM, 15 s clock tolerance), with the derived key cached. */
async function decode({ token, secret }: JWTDecodeParams) {
  if (!token) return null;
  const { payload } = await jwtDecrypt(token, await encryptionKey(String(secret)), { clockTolerance: 15 });
  return payload;
}

/**
 * The signed-in user's id from the session cookie alone: the JWT is verified and decoded, with no
 * database read and none of getServerSession's per-call setup. For the hottest JSON route (votes),
 * whose transaction reads the user row anyway and refuses a banned or missing one there.
 * The cookie is read under the name next-auth gave it on this request (lib/security/session-cookie).
 */
export async function sessionUserId(req: Request): Promise<number | null> {
  const env = getEnv();
  const token = await getToken({
    req: { cookies: readCookieHeader(req.headers.get("cookie")), headers: req.headers } as unknown as Parameters<typeof getToken>[0]["req"],
    secret: env.NEXTAUTH_SECRET,
    secureCookie: usesSecureCookies(env, req.headers),
    cookieName: sessionCookieName(env, req.headers),
    decode,
  });
  const uid = token?.uid;
  return typeof uid === "number" && Number.isInteger(uid) && uid > 0 ? uid : null;
}
