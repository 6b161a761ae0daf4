"use client";

import { useState, useTransition } from "react";
import { updateSettingsAction } from "@/app/admin/actions";

type Settings = {
  generationQuota: number;
  submissionsPerDay: number;
  minMaskCoverage: number;
  maxMaskCoverage: number;
  allowSelfVoting: boolean;
  hideTalliesUntilVoted: boolean;
  hideAuthors: boolean;
  randomizeOrder: boolean;
  excludeBannedVoters: boolean;
  completionSubmissions: number;
  completionVotes: number;
  prolificCompletionUrl: string | null;
};

const TOGGLES: [keyof Settings, string, string][] = [
  ["hideTalliesUntilVoted", "Hide tallies until the person has voted", "Against herding: people judge before seeing the crowd's count."],
  ["hideAuthors", "Hide authors during voting", "Names appear once the day is closed."],
  ["randomizeOrder", "Randomise the order per voter", "Stable for each voter and day; otherwise newest first."],
  ["allowSelfVoting", "Allow voting on one's own images", ""],
  ["excludeBannedVoters", "Leave banned users' votes out of rankings", "Counts are recomputed from the remaining votes."],
];

export function SettingsForm({ settings }: { settings: Settings }) {
  const [pending, startTransition] = useTransition();
  const [result, setResult] = useState<{ ok: boolean; message: string; fieldErrors?: Record<string, string[]> }>();

  function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    startTransition(async () => {
      const res = await updateSettingsAction(form);
      setResult(res.ok ? { ok: true, message: "Saved. The new settings are in effect." } : { ok: false, message: res.message, fieldErrors: res.fieldErrors });
    });
  }
  const err = (k: string) => result?.fieldErrors?.[k]?.[0];

  return (
    <form onSubmit={onSubmit} className="card form" style={{ maxWidth: 640 }} aria-describedby="settings-status">
      <fieldset style={{ border: 0, padding: 0, margin: 0, display: "grid", gap: 12 }}>
        <legend className="eyebrow">Limits</legend>
        {(
          [
            ["generationQuota", "Generations per person per day", settings.generationQuota, 1],
            ["submissionsPerDay", "Submissions per person per day", settings.submissionsPerDay, 1],
            ["minMaskCoverage", "Minimum mask coverage (%)", +(settings.minMaskCoverage * 100).toFixed(2), 0.1],
            ["maxMaskCoverage", "Maximum mask coverage (%)", +(settings.maxMaskCoverage * 100).toFixed(2), 0.1],
            ["completionSubmissions", "Completion code: submissions required", settings.completionSubmissions, 1],
            ["completionVotes", "Completion code: votes required", settings.completionVotes, 1],
          ] as const
        ).map(([name, label, value, step]) => (
          <div className="field" key={name}>
            <label htmlFor={name}>{label}</label>
            <input id={name} name={name} type="number" step={step} defaultValue={value} aria-invalid={!!err(name)} aria-describedby={err(name) ? `${name}-error` : undefined} />
            {err(name) && (
              <p className="error-text" id={`${name}-error`}>
                {err(name)}
              </p>
            )}
          </div>
        ))}
        <div className="field">
          <label htmlFor="prolificCompletionUrl">Prolific completion URL (optional)</label>
          <input id="prolificCompletionUrl" name="prolificCompletionUrl" type="url" defaultValue={settings.prolificCompletionUrl ?? ""} placeholder="https://app.prolific.com/submissions/complete" />
          {err("prolificCompletionUrl") && <p className="error-text">{err("prolificCompletionUrl")}</p>}
        </div>
      </fieldset>
      <fieldset style={{ border: 0, padding: 0, margin: 0, display: "grid", gap: 10 }}>
        <legend className="eyebrow">Experimental conditions</legend>
        {TOGGLES.map(([name, label, hint]) => (
          <label key={name} style={{ display: "flex", gap: 10, alignItems: "start" }}>
            <input type="checkbox" name={name} defaultChecked={settings[name] as boolean} style={{ width: 20, height: 20, marginTop: 3 }} />
            <span>
              {label}
              {hint && <span className="hint" style={{ display: "block" }}>{hint}</span>}
            </span>
          </label>
        ))}
      </fieldset>
      <div id="settings-status" aria-live="polite">
        {result && (
          <p className={result.ok ? "muted" : "alert"} role={result.ok ? "status" : "alert"}>
            {result.message}
          </p>
        )}
      </div>
      <button type="submit" className="button" disabled={pending}>
        {pending ? "Saving…" : "Save settings"}
      </button>
    </form>
  );
}
