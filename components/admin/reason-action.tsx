"use client";

import { useTranslations } from "next-intl";
import { useId, useState, useTransition } from "react";
import type { ActionResult } from "@/lib/server/safe-action";
import styles from "./admin.module.css";

/** The server action a button runs, with the fields and the reason as form data. */
type ReasonActionHandler = { (input: FormData): Promise<ActionResult<unknown>> };

/**
 * A moderation button that asks for a reason first (hide, ban, veto): the reason is required,
 * goes to the audit log, and the result or refusal is announced next to the button.
 */
export function ReasonAction({
  label,
  fields,
  action,
  needsReason = true,
  danger = false,
}: {
  label: string;
  fields: Record<string, string | number>;
  action: ReasonActionHandler;
  needsReason?: boolean;
  danger?: boolean;
}) {
  const t = useTranslations("admin");
  const id = useId();
  const [open, setOpen] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string }>();
  const [pending, startTransition] = useTransition();

  function submit(form: FormData) {
    for (const [k, v] of Object.entries(fields)) form.set(k, String(v));
    startTransition(async () => {
      const res = await action(form);
      setMessage(res.ok ? { ok: true, text: t("reasonAction.done") } : { ok: false, text: res.message });
      if (res.ok) setOpen(false);
    });
  }

  if (!open && needsReason) {
    return (
      <span>
        <button type="button" className={`button small ${danger ? "" : "secondary"}`} onClick={() => setOpen(true)}>
          {label}
        </button>
        {message && (
          <span className={message.ok ? "hint" : "error-text"} role="status">
            {" "}
            {message.text}
          </span>
        )}
      </span>
    );
  }
  return (
    <form action={submit} className={styles.reasonForm}>
      {needsReason && (
        <>
          <label htmlFor={`${id}-reason`} className="visually-hidden">
            {t("reasonAction.reason")}
          </label>
          <input
            id={`${id}-reason`}
            name="reason"
            required
            minLength={3}
            maxLength={500}
            placeholder={t("reasonAction.reason")}
            dir="auto"
            className={styles.reasonInput}
          />
        </>
      )}
      <button type="submit" className={`button small ${danger ? "" : "secondary"}`} disabled={pending}>
        {pending ? "…" : needsReason ? t("reasonAction.confirm", { action: label.toLowerCase() }) : label}
      </button>
      {needsReason && (
        <button type="button" className="button small secondary" onClick={() => setOpen(false)}>
          {t("reasonAction.cancel")}
        </button>
      )}
      {message && (
        <span className={message.ok ? "hint" : "error-text"} role="status">
          {" "}
          {message.text}
        </span>
      )}
    </form>
  );
}
