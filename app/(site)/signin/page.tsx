import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/auth/sign-in-form";
import { enabledOAuthProviders, getCurrentUser } from "@/lib/auth";
import { safeCallbackUrl } from "@/lib/validations/callback-url";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const callbackUrl = safeCallbackUrl(params.callbackUrl);
  const user = await getCurrentUser();
  if (user && !user.bannedAt) redirect(callbackUrl);
  const error = typeof params.error === "string" ? params.error : undefined;

  return (
    <section className="card" style={{ maxWidth: 520, marginInline: "auto" }} aria-labelledby="signin-title">
      <h1 id="signin-title">Sign in</h1>
      <p className="muted">
        Use the participant id your study gave you (for example your Prolific or MTurk worker id), or choose one you will
        remember. The same id always brings you back to the same account.
      </p>
      <SignInForm callbackUrl={callbackUrl} providers={enabledOAuthProviders()} initialError={error} />
    </section>
  );
}
