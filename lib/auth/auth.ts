import "server-only";
import { getServerSession, type NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import GitHubProvider from "next-auth/providers/github";
import GoogleProvider from "next-auth/providers/google";
import { cache } from "react";
import { db } from "@/lib/server/db";
import { getEnv } from "@/lib/server/env";
import { configuredHttps, SECURE_SESSION_COOKIE } from "@/lib/security/session-cookie";
import { signInOAuth, signInParticipant, SignInRefused } from "@/lib/auth/users";
import { isActiveAdmin } from "@/lib/auth/roles";
import { type PersonName, personNameFields } from "@/i18n/person-name";
import { ActionError } from "@/lib/server/errors";
import { parseArrival, recordArrival } from "@/lib/study/arrival";
import { assignWorld } from "@/lib/worlds/assignment";

/** The crowd platform's parameters a participant sign-in may carry (lib/validations/crowd.ts). */
const ARRIVAL_FIELDS = ["platform", "studyId", "sessionId", "hitId", "assignmentId", "turkSubmitTo", "worldLink"] as const;

function buildAuthOptions(): NextAuthOptions {
  const env = getEnv();
  const providers: NextAuthOptions["providers"] = [
    CredentialsProvider({
      id: "participant",
      name: "Participant id",
      credentials: {
        participantId: { label: "Participant id", type: "text" },
        // Sent by components/auth/crowd-sign-in.tsx when a crowd platform's link brought them.
        ...Object.fromEntries(ARRIVAL_FIELDS.map((f) => [f, { type: "hidden" }])),
      },
      async authorize(credentials) {
        // next-auth turns a thrown message into `error` for the client: the person sees why.
        // The platform's parameters are checked first, so a bad link creates no account.
        const sent: Record<string, string | undefined> = credentials ?? {};
        const raw = Object.fromEntries(["participantId", ...ARRIVAL_FIELDS].map((f) => [f, sent[f]]));
        const parsed = await parseArrival(raw);
        if (!parsed.ok) throw new SignInRefused("INVALID", parsed.detail);
        const user = await signInParticipant(parsed.arrival.participantId);
        await recordArrival(user.id, parsed.arrival);
        // Their world for the running study, decided now if this is their first sign-in in it.
        await assignWorld(user.id, { worldId: parsed.arrival.worldId });
        return { id: String(user.id), name: user.displayName };
      },
    }),
  ];
  if (env.GITHUB_ID && env.GITHUB_SECRET) {
    providers.push(GitHubProvider({ clientId: env.GITHUB_ID, clientSecret: env.GITHUB_SECRET }));
  }
  if (env.GOOGLE_CLIENT_ID && env.GOOGLE_CLIENT_SECRET) {
    providers.push(GoogleProvider({ clientId: env.GOOGLE_CLIENT_ID, clientSecret: env.GOOGLE_CLIENT_SECRET }));
  }
  return {
    secret: env.NEXTAUTH_SECRET,
    // next-auth's own cookies are httpOnly, SameSite=Lax, and Secure (with __Secure-/__Host-
    // names) when NEXTAUTH_URL is https. Only an app embedded by another site needs more.
    cookies: embeddedCookies(env),
    session: { strategy: "jwt", maxAge: 30 * 24 * 60 * 60 },
    pages: { signIn: "/signin", error: "/signin" },
    providers,
    callbacks: {
      async signIn({ account, user }) {
        if (!account || account.provider === "participant") return true;
        try {
          await signInOAuth({
            provider: account.provider,
            providerAccountId: account.providerAccountId,
            email: user.email,
            name: user.name,
          });
          return true;
        } catch (err) {
          // A code, not the message: the sign-in page only shows texts it knows for each code.
          if (err instanceof SignInRefused) return `/signin?error=${err.reason === "BANNED" ? "Banned" : "InvalidAccount"}`;
          throw err;
        }
      },
      async jwt({ token, user, account }) {
        if (account && account.provider !== "participant") {
          const u = await signInOAuth({
            provider: account.provider,
            providerAccountId: account.providerAccountId,
            email: user?.email,
            name: user?.name,
          });
          token.uid = u.id;
          token.name = u.displayName;
        } else if (user) {
          token.uid = Number(user.id);
        }
        return token;
      },
      async session({ session, token }) {
        if (token.uid) session.user = { ...session.user, id: token.uid };
        return session;
      },
    },
  };
}

/**
 * When crowd platforms may frame the app (FRAME_ANCESTORS) and it runs on https, the cookies it
 * needs inside the frame must be SameSite=None, or the browser would drop them there. They stay
 * httpOnly and Secure. Otherwise next-auth's defaults apply (undefined).
 */
function embeddedCookies(env: ReturnType<typeof getEnv>): NextAuthOptions["cookies"] {
  if (env.FRAME_ANCESTORS.length === 0 || !configuredHttps(env)) return undefined;
  const options = { httpOnly: true, sameSite: "none", path: "/", secure: true } as const;
  return {
    sessionToken: { name: SECURE_SESSION_COOKIE, options },
    callbackUrl: { name: "__Secure-next-auth.callback-url", options },
    csrfToken: { name: "__Host-next-auth.csrf-token", options },
  };
}

export const authOptions = buildAuthOptions();

/** Which sign-in methods are configured, for the sign-in page (no secrets). */
export function enabledOAuthProviders(): { id: string; name: string }[] {
  const env = getEnv();
  return [
    ...(env.GITHUB_ID ? [{ id: "github", name: "GitHub" }] : []),
    ...(env.GOOGLE_CLIENT_ID ? [{ id: "google", name: "Google" }] : []),
  ];
}

export type CurrentUser = PersonName & { id: number; role: "PARTICIPANT" | "ADMIN"; bannedAt: Date | null };

/** The signed-in user as the database has them now, or null. Cached for one request. */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const session = await getServerSession(authOptions);
  const id = session?.user?.id;
  if (!id) return null;
  return db.user.findUnique({ where: { id }, select: { id: true, ...personNameFields, role: true, bannedAt: true } });
});

/** Not signed in, banned, or not an admin: a refusal like any other, told apart by its class. */
export class AuthError extends ActionError {
  constructor(code: "UNAUTHENTICATED" | "BANNED" | "FORBIDDEN") {
    super(code);
    this.name = "AuthError";
  }
}

/** The signed-in, not banned user; throws AuthError otherwise. */
export async function requireUser(): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) throw new AuthError("UNAUTHENTICATED");
  if (user.bannedAt) throw new AuthError("BANNED");
  return user;
}

/** A signed-in admin who is not banned (a banned admin is not an admin); throws AuthError otherwise. */
export async function requireAdmin(): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user || !isActiveAdmin(user)) throw new AuthError("FORBIDDEN");
  return user;
}
