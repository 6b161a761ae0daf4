"use client";

import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { participantIdSchema } from "@/lib/validations/participant";

/**
 * next-auth's generic codes, in words a participant understands. A code in the address bar is
 * only ever shown through this table: any text there could have been put in a link by anyone.
 */
const ERROR_TEXT: Record<string, string> = {
  CredentialsSignin: "That participant id was not accepted.",
  OAuthSignin: "Could not start sign-in with that provider.",
  OAuthCallback: "The sign-in provider did not complete the sign-in.",
  AccessDenied: "Access denied.",
  Banned: "This account has been suspended and can no longer take part.",
  InvalidAccount: "That account cannot be used to sign in here.",
};

export function SignInForm({
  callbackUrl,
  providers,
  initialError,
}: {
  callbackUrl: string;
  providers: { id: string; name: string }[];
  initialError?: string;
}) {
  const router = useRouter();
  const id = useId();
  const [value, setValue] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState(initialError ? (ERROR_TEXT[initialError] ?? "Sign-in failed. Please try again.") : undefined);

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const parsed = participantIdSchema.safeParse(value);
    if (!parsed.success) {
      setError(parsed.error.issues[0]?.message);
      return;
    }
    setBusy(true);
    setError(undefined);
    const res = await signIn("participant", { participantId: parsed.data, redirect: false });
    if (!res || res.error) {
      setBusy(false);
      setError(res?.error ? (ERROR_TEXT[res.error] ?? res.error) : "Sign-in failed. Please try again.");
      return;
    }
    router.replace(callbackUrl);
    router.refresh();
  }

  return (
    <div className="form">
      <form onSubmit={onSubmit} noValidate className="form" aria-describedby={error ? `${id}-error` : undefined}>
        <div className="field">
          <label htmlFor={`${id}-pid`}>Participant id</label>
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
            Letters, digits, - and _; up to 64 characters.
          </p>
        </div>
        <div aria-live="polite">
          {error && (
            <p className="alert" id={`${id}-error`} role="alert">
              {error}
            </p>
          )}
        </div>
        <button className="button" type="submit" disabled={busy}>
          {busy ? "Signing in…" : "Continue"}
        </button>
      </form>
      {providers.length > 0 && (
        <>
          <p className="divider">or</p>
          {providers.map((p) => (
            <button key={p.id} type="button" className="button secondary" onClick={() => signIn(p.id, { callbackUrl })}>
              Continue with {p.name}
            </button>
          ))}
        </>
      )}
    </div>
  );
}
