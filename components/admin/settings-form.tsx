"use client";

import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { updateSettingsAction } from "@/lib/admin/actions";
import type { Settings } from "@/lib/settings/schema";
import styles from "./admin.module.css";

export function SettingsForm({ settings }: { settings: Settings }) {
  const t = useTranslations("admin");
  const [pending, startTransition] = useTransition();
  const [result, setResult] = useState<{ ok: boolean; message: string; fieldErrors?: Record<string, string[]> }>();

  const toggles: [keyof Settings, string, string][] = [
    ["hideTalliesUntilVoted", t("settings.toggles.hideTallies"), t("settings.toggles.hideTalliesHint")],
    ["hideAuthors", t("settings.toggles.hideAuthors"), t("settings.toggles.hideAuthorsHint")],
    ["randomizeOrder", t("settings.toggles.randomizeOrder"), t("settings.toggles.randomizeOrderHint")],
    ["allowSelfVoting", t("settings.toggles.allowSelfVoting"), ""],
    ["excludeBannedVoters", t("settings.toggles.excludeBannedVoters"), t("settings.toggles.excludeBannedVotersHint")],
  ];
  // Participation rewards: each one changes who takes part and how they vote, so each is its own switch.
  const rewards: [keyof Settings, string, string][] = [
    ["personalPage", t("settings.rewards.personalPage"), t("settings.rewards.personalPageHint")],
    ["streaksAndBadges", t("settings.rewards.streaksAndBadges"), t("settings.rewards.streaksAndBadgesHint")],
    ["personalLeaderboard", t("settings.rewards.personalLeaderboard"), t("settings.rewards.personalLeaderboardHint")],
    ["creatorsLeaderboard", t("settings.rewards.creatorsLeaderboard"), t("settings.rewards.creatorsLeaderboardHint")],
  ];

  // Number fields whose meaning needs more than a label.
  const hints: Partial<Record<keyof Settings, string>> = { voteSampleSize: t("settings.limits.voteSampleSizeHint") };

  function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    startTransition(async () => {
      const res = await updateSettingsAction(form);
      setResult(res.ok ? { ok: true, message: t("settings.saved") } : { ok: false, message: res.message, fieldErrors: res.fieldErrors });
    });
  }
  const err = (k: string) => result?.fieldErrors?.[k]?.[0];

  return (
    <form onSubmit={onSubmit} className={`card form ${styles.settings}`} aria-describedby="settings-status">
      <fieldset className={styles.fieldset}>
        <legend className="eyebrow">{t("settings.limits.legend")}</legend>
        {(
          [
            ["generationQuota", t("settings.limits.generationQuota"), settings.generationQuota, 1],
            ["submissionsPerDay", t("settings.limits.submissionsPerDay"), settings.submissionsPerDay, 1],
            ["minMaskCoverage", t("settings.limits.minMaskCoverage"), +(settings.minMaskCoverage * 100).toFixed(2), 0.1],
            ["maxMaskCoverage", t("settings.limits.maxMaskCoverage"), +(settings.maxMaskCoverage * 100).toFixed(2), 0.1],
            ["completionSubmissions", t("settings.limits.completionSubmissions"), settings.completionSubmissions, 1],
            ["completionVotes", t("settings.limits.completionVotes"), settings.completionVotes, 1],
            ["streakMinVotes", t("settings.limits.streakMinVotes"), settings.streakMinVotes, 1],
            ["leaderboardAfterVotes", t("settings.limits.leaderboardAfterVotes"), settings.leaderboardAfterVotes, 1],
            ["voteSampleSize", t("settings.limits.voteSampleSize"), settings.voteSampleSize, 1],
          ] as const
        ).map(([name, label, value, step]) => (
          <div className="field" key={name}>
            <label htmlFor={name}>{label}</label>
            <input
              id={name}
              name={name}
              type="number"
              step={step}
              defaultValue={value}
              aria-invalid={!!err(name)}
              aria-describedby={[hints[name] && `${name}-hint`, err(name) && `${name}-error`].filter(Boolean).join(" ") || undefined}
            />
            {hints[name] && (
              <p className="hint" id={`${name}-hint`}>
                {hints[name]}
              </p>
            )}
            {err(name) && (
              <p className="error-text" id={`${name}-error`}>
                {err(name)}
              </p>
            )}
          </div>
        ))}
        <div className="field">
          <label htmlFor="prolificCompletionUrl">{t("settings.limits.prolificUrl")}</label>
          <input
            id="prolificCompletionUrl"
            name="prolificCompletionUrl"
            type="url"
            dir="ltr"
            defaultValue={settings.prolificCompletionUrl ?? ""}
            placeholder={t("settings.limits.prolificUrlPlaceholder")}
          />
          {err("prolificCompletionUrl") && <p className="error-text">{err("prolificCompletionUrl")}</p>}
        </div>
      </fieldset>
      <input type="hidden" name="loaded" value={JSON.stringify(settings)} />
      <Checkboxes legend={t("settings.toggles.legend")} items={toggles} settings={settings} />
      <Checkboxes legend={t("settings.rewards.legend")} items={rewards} settings={settings} />
      <div id="settings-status" aria-live="polite">
        {result && (
          <p className={result.ok ? "muted" : "alert"} role={result.ok ? "status" : "alert"}>
            {result.message}
          </p>
        )}
      </div>
      <button type="submit" className="button" disabled={pending}>
        {pending ? t("settings.saving") : t("settings.save")}
      </button>
    </form>
  );
}

/** A fieldset of switches, each with an optional hint under its label. */
function Checkboxes({ legend, items, settings }: { legend: string; items: [keyof Settings, string, string][]; settings: Settings }) {
  return (
    <fieldset className={`${styles.fieldset} ${styles.switches}`}>
      <legend className="eyebrow">{legend}</legend>
      {items.map(([name, label, hint]) => (
        <label key={name} className={styles.switch}>
          <input type="checkbox" name={name} defaultChecked={settings[name] as boolean} />
          <span>
            {label}
            {hint && <span className={`hint ${styles.switchHint}`}>{hint}</span>}
          </span>
        </label>
      ))}
    </fieldset>
  );
}
