"use client";

import { signIn } from "next-auth/react";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { errorMessage } from "@/i18n/error-message";
import { decodeDetail } from "@/lib/auth/sign-in-error";
import { CROWD_ID_PARAMS } from "@/lib/validations/constants";

/**
 * Arriving with ?PROLIFIC_PID=… or MTurk's ?workerId=… signs the person in with that id, then
 * removes it from the address bar (so it is not shared or bookmarked).
 */
export function CrowdSignIn() {
  const t = useTranslations("common");
  const errors = useTranslations("errors");
  const params = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const started = useRef(false);
  const [state, setState] = useState<{ busy: boolean; error?: string }>({ busy: false });
  const param = CROWD_ID_PARAMS.find((p) => params.get(p));
  const participantId = param ? params.get(param) : null;

  const failed = t("signIn.crowd.failed");
  // Our refusals carry a code and values (lib/auth/sign-in-error.ts); anything else is next-auth's.
  const refusal = (text: string) => {
    const said = decodeDetail(text);
    return said ? errorMessage(errors, said) : failed;
  };

  useEffect(() => {
    if (!participantId || started.current) return;
    started.current = true;
    setState({ busy: true });
    signIn("participant", { participantId, redirect: false }).then((res) => {
      if (res?.error) {
        setState({ busy: false, error: res.error });
        return;
      }
      const rest = new URLSearchParams(params.toString());
      CROWD_ID_PARAMS.forEach((p) => rest.delete(p));
      const qs = rest.toString();
      router.replace(qs ? `${pathname}?${qs}` : pathname);
      router.refresh();
      setState({ busy: false });
    });
  }, [participantId, params, pathname, router]);

  if (state.busy)
    return (
      <p role="status" className="container muted">
        {t("signIn.crowd.busy")}
      </p>
    );
  if (state.error)
    return (
      <p role="alert" className="container alert">
        {t("signIn.crowd.error", { error: refusal(state.error) })}
      </p>
    );
  return null;
}
