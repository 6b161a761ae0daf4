"use client";

import { useId, useState, useTransition } from "react";
import type { ActionResult } from "@/lib/safe-action";

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
  action: (input: FormData) => Promise<ActionResult<unknown>>;
  needsReason?: boolean;
  danger?: boolean;
}) {
  const id = useId();
  const [open, setOpen] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string }>();
  const [pending, startTransition] = useTransition();

  function submit(form: FormData) {
    for (const [k, v] of Object.entries(fields)) form.set(k, String(v));
    startTransition(async () => {
      const res = await action(form);
      setMessage(res.ok ? { ok: true, text: "Done." } : { ok: false, text: res.message });
      if (res.ok) setOpen(false);
    });
  }

  if (!open && needsReason) {
    return (
      <span>
        <button type="button" className={`button small ${danger ? "" : "secondary"}`} onClick={() => setOpen(true)}>
          {label}
        </button>
        {message && <span className={message.ok ? "hint" : "error-text"} role="status"> {message.text}</span>}
      </span>
    );
  }
  return (
    <form action={submit} style={{ display: "inline-flex", gap: 6, flexWrap: "wrap", alignItems: "center" }}>
      {needsReason && (
        <>
          <label htmlFor={`${id}-reason`} className="visually-hidden">
            Reason
          </label>
          <input id={`${id}-reason`} name="reason" required minLength={3} maxLength={500} placeholder="Reason" style={{ minHeight: 36, padding: "0 8px", borderRadius: 8, border: "1px solid #cfc7ba" }} />
        </>
      )}
      <button type="submit" className={`button small ${danger ? "" : "secondary"}`} disabled={pending}>
        {pending ? "…" : needsReason ? `Confirm ${label.toLowerCase()}` : label}
      </button>
      {needsReason && (
        <button type="button" className="button small secondary" onClick={() => setOpen(false)}>
          Cancel
        </button>
      )}
      {message && <span className={message.ok ? "hint" : "error-text"} role="status"> {message.text}</span>}
    </form>
  );
}
