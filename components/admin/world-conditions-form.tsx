"use client";

import { useTranslations } from "next-intl";
import { useId, useState, useTransition } from "react";
import type { ActionResult } from "@/lib/server/safe-action";
import type { WorldConditionsChange } from "@/lib/validations/study";

type Handler = { (input: WorldConditionsChange): Promise<ActionResult<{ effectiveDay: string }>> };
type Modes = Pick<WorldConditionsChange, "tallies" | "order">;

/** One running world's tallies and order, changeable mid-study; the answer says from which day. */
export function WorldConditionsForm({
  worldId,
  label,
  initial,
  action,
}: {
  worldId: number;
  label: string;
  initial: Modes;
  action: Handler;
}) {
  const t = useTranslations("admin");
  const id = useId();
  const [modes, setModes] = useState(initial);
  const [message, setMessage] = useState<{ ok: boolean; text: string }>();
  const [pending, startTransition] = useTransition();

  function save(e: React.FormEvent) {
    e.preventDefault();
    startTransition(async () => {
      const res = await action({ worldId, ...modes });
      setMessage(
        res.ok ? { ok: true, text: t("studies.conditions.saved", { day: res.data.effectiveDay }) } : { ok: false, text: res.message },
      );
    });
  }

  return (
    <form onSubmit={save} className="card compact" aria-label={label} data-testid="world-conditions" data-world-id={worldId}>
      <strong dir="auto">{label}</strong> <label htmlFor={`${id}-tallies`}>{t("studies.form.tallies")}</label>{" "}
      <select
        id={`${id}-tallies`}
        value={modes.tallies}
        onChange={(e) => setModes((m) => ({ ...m, tallies: e.target.value as Modes["tallies"] }))}
      >
        <option value="always">{t("studies.form.talliesAlways")}</option>
        <option value="afterVote">{t("studies.form.talliesAfterVote")}</option>
        <option value="never">{t("studies.form.talliesNever")}</option>
      </select>{" "}
      <label htmlFor={`${id}-order`}>{t("studies.form.order")}</label>{" "}
      <select id={`${id}-order`} value={modes.order} onChange={(e) => setModes((m) => ({ ...m, order: e.target.value as Modes["order"] }))}>
        <option value="random">{t("studies.form.orderRandom")}</option>
        <option value="newest">{t("studies.form.orderNewest")}</option>
        <option value="score">{t("studies.form.orderScore")}</option>
      </select>{" "}
      <button type="submit" className="button small secondary" disabled={pending}>
        {t("studies.conditions.save")}
      </button>
      <span aria-live="polite">
        {message && (
          <span className={message.ok ? "hint" : "alert"} role={message.ok ? "status" : "alert"}>
            {" "}
            {message.text}
          </span>
        )}
      </span>
    </form>
  );
}
