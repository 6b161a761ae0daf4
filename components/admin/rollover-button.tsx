"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import type { RolloverReport } from "@/lib/admin/actions";
import type { ActionResult } from "@/lib/server/safe-action";

/** The rollover's server action, called with no fields. */
type RolloverHandler = { (input: object): Promise<ActionResult<RolloverReport>> };

type Props = { label: string; action: RolloverHandler };

/**
 * "Run the rollover now", saying what the run did: the days it closed, or why none was due (the
 * open day has not ended yet, and when it will; no day is open; days edited out of order).
 */
export function RolloverButton({ label, action }: Props) {
  const t = useTranslations("admin");
  const format = useFormatter();
  const [message, setMessage] = useState<{ ok: boolean; text: string }>();
  const [pending, startTransition] = useTransition();

  function describe(report: RolloverReport): string {
    const { idle } = report;
    if (!idle) return t("rollover.closed", { count: report.closed.length, dates: report.closed.join(", ") });
    if (idle.reason === "NOT_DUE") {
      const at = format.dateTime(new Date(idle.dueAt), { dateStyle: "medium", timeStyle: "short" });
      return t("rollover.notDue", { day: idle.openDay, at });
    }
    if (idle.reason === "NO_OPEN_DAY") return t("rollover.noOpenDay");
    return t("rollover.outOfOrder");
  }

  function run() {
    startTransition(async () => {
      const res = await action({});
      setMessage(res.ok ? { ok: true, text: describe(res.data) } : { ok: false, text: res.message });
    });
  }

  return (
    <span>
      <button type="button" className="button small secondary" onClick={run} disabled={pending} aria-busy={pending}>
        {pending ? t("rollover.running") : label}
      </button>
      {message && (
        <span className={message.ok ? "hint" : "error-text"} role="status" data-testid="rollover-result">
          {" "}
          {message.text}
        </span>
      )}
    </span>
  );
}
