import type { DefaultSession } from "next-auth";

// The session carries only our user id; role and ban state are read from the database on every
// request (lib/auth/auth.ts), so a ban or a role change takes effect at once.
declare module "next-auth" {
  interface Session {
    user: { id: number } & DefaultSession["user"];
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    uid?: number;
  }
}
