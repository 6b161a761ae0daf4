"use client";

import { signIn } from "next-auth/react";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { errorMessage } from "@/i18n/error-message";
import { decodeDetail } from "@/lib/auth/sign-in-error";
import { setMturkPreview, useMturkPreview } from "@/components/auth/mturk-preview";
import { CROWD_ID_PARAMS, CROWD_VISIT_PARAMS, MTURK_PREVIEW_ASSIGNMENT } from "@/lib/validations/constants";

/** What a crowd platform's link says, as the participant sign-in takes it (lib/validations/crowd.ts). */
function arrivalFrom(params: URLSearchParams): Record<string, string> | null {
  const param = CROWD_ID_PARAMS.find((p) => params.get(p));
  if (!param) return null;
  const get = (name: string) => params.get(name) ?? "";
  const platform = param === "PROLIFIC_PID" ? "PROLIFIC" : param === "workerId" && params.has("assignmentId") ? "MTURK" : "";
  const fields = {
    participantId: get(param),
    platform,
    studyId: get("STUDY_ID"),
    sessionId: get("SESSION_ID"),
    hitId: get("hitId"),
    assignmentId: get("assignmentId"),
    turkSubmitTo: get("turkSubmitTo"),
    worldLink: get("assign"),
  };
  // Only what the link carries: an absent value must not travel as "" or "undefined".
  return Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== ""));
}

/**
 * Arriving with ?PROLIFIC_PID=… (and Prolific's STUDY_ID, SESSION_ID) or MTurk's ?workerId=…
 * (with hitId, assignmentId, turkSubmitTo) signs the person in with that id and records where
 * they came from, then removes it all from the address bar (so it is not shared or bookmarked).
 * An MTurk preview (assignmentId ASSIGNMENT_ID_NOT_AVAILABLE, no workerId) signs nobody in: the
 * task can be looked at, with a notice to accept the HIT, but not started.
 */
export function CrowdSignIn() {
  const t = useTranslations("common");
  const errors = useTranslations("errors");
  const params = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const started = useRef(false);
  const [state, setState] = useState<{ busy: boolean; error?: string }>({ busy: false });
  const previewLink = params.get("assignmentId") === MTURK_PREVIEW_ASSIGNMENT;
  const arrival = previewLink ? null : arrivalFrom(params);
  const arrivalKey = arrival && JSON.stringify(arrival);
  // Before useMturkPreview's own effect, which reads what this one stores.
  useEffect(() => {
    if (previewLink) setMturkPreview(true);
  }, [previewLink]);
  const previewing = useMturkPreview() || previewLink;

  const failed = t("signIn.crowd.failed");
  // Our refusals carry a code and values (lib/auth/sign-in-error.ts); anything else is next-auth's.
  const refusal = (text: string) => {
    const said = decodeDetail(text);
    return said ? errorMessage(errors, said) : failed;
  };

  useEffect(() => {
    if (!arrivalKey || started.current) return;
    started.current = true;
    setMturkPreview(false);
    setState({ busy: true });
    signIn("participant", { ...JSON.parse(arrivalKey), redirect: false }).then((res) => {
      if (res?.error) {
        setState({ busy: false, error: res.error });
        return;
      }
      const rest = new URLSearchParams(params.toString());
      [...CROWD_ID_PARAMS, ...CROWD_VISIT_PARAMS].forEach((p) => rest.delete(p));
      const qs = rest.toString();
      router.replace(qs ? `${pathname}?${qs}` : pathname);
      router.refresh();
      setState({ busy: false });
    });
  }, [arrivalKey, params, pathname, router]);

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
  if (previewing && !arrivalKey)
    return (
      <p role="status" className="container alert" data-testid="mturk-preview">
        {t("signIn.crowd.preview")}
      </p>
    );
  return null;
}
