"use client";

import { useTranslations } from "next-intl";
import { useId, useState, useTransition } from "react";
import type { ActionResult } from "@/lib/server/safe-action";
import type { ConditionsInput, WorldConditionsChange } from "@/lib/validations/study";
import { type ConditionDefaults, WorldConditionsFields } from "@/components/admin/world-conditions-fields";

type Handler = { (input: WorldConditionsChange): Promise<ActionResult<{ effectiveDay: string }>> };

/**
 * One running world's conditions, changeable mid-study; the answer says from which day. Blank
 * quotas and bounds go back to the settings.
 */
export function WorldConditionsForm({
  worldId,
  label,
  initial,
  defaults,
  action,
}: {
  worldId: number;
  label: string;
  initial: ConditionsInput;
  defaults: ConditionDefaults;
  action: Handler;
}) {
  const t = useTranslations("admin");
  const id = useId();
  const [conditions, setConditions] = useState<ConditionsInput>(initial);
  const [message, setMessage] = useState<{ ok: boolean; text: string }>();
  const [pending, startTransition] = useTransition();

  function save(e: React.FormEvent) {
    e.preventDefault();
    startTransition(async () => {
      // Every field is sent, blank ones as null, so the world ends up exactly as the form shows it.
      const res = await action({
        worldId,
        ...conditions,
        generationQuota: conditions.generationQuota ?? null,
        submissionsPerDay: conditions.submissionsPerDay ?? null,
        minMaskCoverage: conditions.minMaskCoverage ?? null,
        maxMaskCoverage: conditions.maxMaskCoverage ?? null,
      });
      setMessage(
        res.ok ? { ok: true, text: t("studies.conditions.saved", { day: res.data.effectiveDay }) } : { ok: false, text: res.message },
      );
    });
  }

  return (
    <form onSubmit={save} className="card compact" aria-label={label} data-testid="world-conditions" data-world-id={worldId}>
      <strong dir="auto">{label}</strong>{" "}
      <WorldConditionsFields
        id={id}
        value={conditions}
        defaults={defaults}
        onChange={(patch) => setConditions((c) => ({ ...c, ...patch }))}
      />{" "}
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
