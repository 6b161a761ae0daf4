import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { SignInForm } from "@/components/auth/sign-in-form";
import { enabledOAuthProviders, getCurrentUser } from "@/lib/auth/auth";
import { safeCallbackUrl } from "@/lib/validations/callback-url";
import styles from "./page.module.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("common");
  return { title: t("meta.signIn") };
}

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const callbackUrl = safeCallbackUrl(params.callbackUrl);
  const user = await getCurrentUser();
  if (user && !user.bannedAt) redirect(callbackUrl);
  const error = typeof params.error === "string" ? params.error : undefined;
  const t = await getTranslations("common");

  return (
    <section className={`card ${styles.signIn}`} aria-labelledby="signin-title">
      <h1 id="signin-title">{t("signIn.title")}</h1>
      <p className="muted">{t("signIn.intro")}</p>
      <SignInForm callbackUrl={callbackUrl} providers={enabledOAuthProviders()} initialError={error} />
    </section>
  );
}
