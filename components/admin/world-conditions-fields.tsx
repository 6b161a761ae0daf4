"use client";

import { useTranslations } from "next-intl";
import type { Settings } from "@/lib/settings/schema";
import type { ConditionsInput } from "@/lib/validations/study";

/** The settings a world's conditions fall back to, shown beside the fields left blank. */
export type ConditionDefaults = Pick<Settings, "generationQuota" | "submissionsPerDay" | "minMaskCoverage" | "maxMaskCoverage">;

const percent = (share: number | null | undefined) => (share == null ? "" : String(Math.round(share * 10_000) / 100));
const whole = (n: number | null | undefined) => (n == null ? "" : String(n));
/** A blank field is null: the setting, not zero. */
const numberOrNull = (text: string, scale = 1) => (text.trim() === "" ? null : Number(text) / scale);

/**
 * One world's conditions, as the start form and the change form both set them: tallies and order,
 * the two switches, and the quotas and mask bounds, blank where the world plays by the settings.
 * The server checks them again (lib/validations/study.ts).
 */
export function WorldConditionsFields({
  id,
  value,
  defaults,
  onChange,
}: {
  id: string;
  value: ConditionsInput;
  defaults: ConditionDefaults;
  onChange: (patch: Partial<ConditionsInput>) => void;
}) {
  const t = useTranslations("admin");
  const number = (key: "generationQuota" | "submissionsPerDay", label: string, max: number) => (
    <label>
      {label}{" "}
      <input
        type="number"
        min={0}
        max={max}
        step={1}
        inputMode="numeric"
        value={whole(value[key])}
        placeholder={String(defaults[key])}
        onChange={(e) => onChange({ [key]: numberOrNull(e.target.value) })}
      />
    </label>
  );
  const mask = (key: "minMaskCoverage" | "maxMaskCoverage", label: string) => (
    <label>
      {label}{" "}
      <input
        type="number"
        min={0}
        max={100}
        step="any"
        inputMode="decimal"
        value={percent(value[key])}
        placeholder={percent(defaults[key])}
        onChange={(e) => onChange({ [key]: numberOrNull(e.target.value, 100) })}
      />
    </label>
  );
  return (
    <>
      <label htmlFor={`${id}-tallies`}>{t("studies.form.tallies")}</label>{" "}
      <select
        id={`${id}-tallies`}
        value={value.tallies}
        onChange={(e) => onChange({ tallies: e.target.value as ConditionsInput["tallies"] })}
      >
        <option value="always">{t("studies.form.talliesAlways")}</option>
        <option value="afterVote">{t("studies.form.talliesAfterVote")}</option>
        <option value="never">{t("studies.form.talliesNever")}</option>
      </select>{" "}
      <label htmlFor={`${id}-order`}>{t("studies.form.order")}</label>{" "}
      <select id={`${id}-order`} value={value.order} onChange={(e) => onChange({ order: e.target.value as ConditionsInput["order"] })}>
        <option value="random">{t("studies.form.orderRandom")}</option>
        <option value="newest">{t("studies.form.orderNewest")}</option>
        <option value="score">{t("studies.form.orderScore")}</option>
      </select>{" "}
      <label>
        <input type="checkbox" checked={value.hideAuthors ?? false} onChange={(e) => onChange({ hideAuthors: e.target.checked })} />{" "}
        {t("studies.form.hideAuthors")}
      </label>{" "}
      <label>
        <input type="checkbox" checked={value.allowSelfVoting ?? false} onChange={(e) => onChange({ allowSelfVoting: e.target.checked })} />{" "}
        {t("studies.form.allowSelfVoting")}
      </label>
      <details>
        <summary>
          {t("studies.form.limits", {
            quota: defaults.generationQuota,
            submissions: defaults.submissionsPerDay,
            min: percent(defaults.minMaskCoverage),
            max: percent(defaults.maxMaskCoverage),
          })}
        </summary>
        {number("generationQuota", t("studies.form.generationQuota"), 1000)}{" "}
        {number("submissionsPerDay", t("studies.form.submissionsPerDay"), 100)} {mask("minMaskCoverage", t("studies.form.minMask"))}{" "}
        {mask("maxMaskCoverage", t("studies.form.maxMask"))}
      </details>
    </>
  );
}
