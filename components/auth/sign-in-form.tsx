"use client";

import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { useMturkPreview } from "@/components/auth/mturk-preview";
import { errorMessage } from "@/i18n/error-message";
import { decodeDetail } from "@/lib/auth/sign-in-error";
import { detailOfIssue } from "@/lib/validations/field-errors";
import { participantIdSchema } from "@/lib/validations/participant";

export function SignInForm({
  callbackUrl,
  providers,
  initialError,
}: {
  callbackUrl: string;
  providers: { id: string; name: string }[];
  initialError?: string;
}) {
  const t = useTranslations("common");
  const errors = useTranslations("errors");
  const router = useRouter();
  const id = useId();
  const [value, setValue] = useState("");
  const [busy, setBusy] = useState(false);
  // An MTurk preview may look around but not start: accepting the HIT signs the worker in.
  const preview = useMturkPreview();
  // next-auth's generic codes, in words a participant understands. A code in the address bar is
  // only ever shown through this table: any text there could have been put in a link by anyone.
  const codes: Record<string, string> = {
    CredentialsSignin: t("signIn.errors.credentials"),
    OAuthSignin: t("signIn.errors.oauthStart"),
    OAuthCallback: t("signIn.errors.oauthCallback"),
    AccessDenied: t("signIn.errors.accessDenied"),
    Banned: errorMessage(errors, { code: "BANNED" }),
    InvalidAccount: t("signIn.errors.invalidAccount"),
  };
  const [error, setError] = useState(initialError ? (codes[initialError] ?? t("signIn.failed")) : undefined);

  /** A refusal from the server: a next-auth code, or one of ours with its values (lib/auth/sign-in-error.ts). */
  function refusalText(text: string): string {
    const said = decodeDetail(text);
    return said ? errorMessage(errors, said) : (codes[text] ?? t("signIn.failed"));
  }

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    // The same schema as the server, so the same codes and the same words.
    const parsed = participantIdSchema.safeParse(value);
    if (!parsed.success) {
      setError(errorMessage(errors, detailOfIssue(parsed.error.issues[0]!)));
      return;
    }
    setBusy(true);
    setError(undefined);
    const res = await signIn("participant", { participantId: parsed.data, redirect: false });
    if (!res || res.error) {
      setBusy(false);
      setError(res?.error ? refusalText(res.error) : t("signIn.failed"));
      return;
    }
    router.replace(callbackUrl);
    router.refresh();
  }

  return (
    <div className="form">
      <form onSubmit={onSubmit} noValidate className="form" aria-describedby={error ? `${id}-error` : undefined}>
        <div className="field">
          <label htmlFor={`${id}-pid`}>{t("signIn.idLabel")}</label>
          <input
            id={`${id}-pid`}
            name="participantId"
            autoComplete="username"
            autoCapitalize="off"
            spellCheck={false}
            value={value}
            onChange={(e) => setValue(e.target.value)}
            aria-invalid={!!error}
            aria-describedby={`${id}-hint ${error ? `${id}-error` : ""}`}
            maxLength={200}
          />
          <p className="hint" id={`${id}-hint`}>
            {t("signIn.idHint")}
          </p>
        </div>
        <div aria-live="polite">
          {error && (
            <p className="alert" id={`${id}-error`} role="alert">
              {error}
            </p>
          )}
        </div>
        <button className="button" type="submit" disabled={busy || preview}>
          {busy ? t("signIn.submitting") : t("signIn.submit")}
        </button>
      </form>
      {providers.length > 0 && (
        <>
          <p className="divider">{t("signIn.or")}</p>
          {providers.map((p) => (
            <button key={p.id} type="button" className="button secondary" onClick={() => signIn(p.id, { callbackUrl })}>
              {t("signIn.withProvider", { provider: p.name })}
            </button>
          ))}
        </>
      )}
    </div>
  );
}
