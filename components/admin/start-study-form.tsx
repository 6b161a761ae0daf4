"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useId, useState, useTransition } from "react";
import type { ActionResult } from "@/lib/server/safe-action";
import type { StartStudyInput } from "@/lib/validations/study";
import { type ConditionDefaults, WorldConditionsFields } from "@/components/admin/world-conditions-fields";
import { SeedUpload } from "@/components/admin/seed-upload";

type Started = { studyId: number; worldIds: number[] };
type Handler = { (input: StartStudyInput): Promise<ActionResult<Started>> };
type WorldRow = StartStudyInput["worlds"][number];

const MAX_WORLDS = 8;
/** The settings a new world starts from: its switches as the settings have them now. */
type Defaults = ConditionDefaults & { hideAuthors: boolean; allowSelfVoting: boolean };
const newWorld = (n: number, d: Defaults): WorldRow => ({
  name: `World ${n}`,
  weight: 1,
  tallies: "afterVote",
  order: "random",
  hideAuthors: d.hideAuthors,
  allowSelfVoting: d.allowSelfVoting,
});

/**
 * Ends the running study and starts the next: its name, the picture every world starts from (a
 * past winner or a seed, by id), and up to eight worlds, each with a name, a weight and its
 * conditions. The server checks everything again (lib/validations/study.ts).
 */
export function StartStudyForm({
  action,
  upload,
  defaults,
}: {
  action: Handler;
  upload: React.ComponentProps<typeof SeedUpload>["action"];
  defaults: Defaults;
}) {
  const t = useTranslations("admin");
  const router = useRouter();
  const id = useId();
  const [name, setName] = useState("");
  const [seed, setSeed] = useState("");
  const [worlds, setWorlds] = useState<WorldRow[]>([newWorld(1, defaults), newWorld(2, defaults)]);
  const [message, setMessage] = useState<{ ok: boolean; text: string }>();
  const [pending, startTransition] = useTransition();

  const update = (i: number, patch: Partial<WorldRow>) => setWorlds((ws) => ws.map((w, j) => (j === i ? { ...w, ...patch } : w)));

  function submit(e: React.FormEvent) {
    e.preventDefault();
    setMessage(undefined);
    startTransition(async () => {
      const res = await action({ name, firstSeedImageId: Number(seed), worlds });
      if (res.ok) {
        setMessage({ ok: true, text: t("studies.started", { id: res.data.studyId, worlds: res.data.worldIds.length }) });
        router.refresh();
      } else setMessage({ ok: false, text: res.message });
    });
  }

  return (
    <form onSubmit={submit} className="form" data-testid="start-study">
      <label htmlFor={`${id}-name`}>{t("studies.form.name")}</label>
      <input id={`${id}-name`} value={name} onChange={(e) => setName(e.target.value)} maxLength={80} required dir="auto" />
      <label htmlFor={`${id}-seed`}>{t("studies.form.seed")}</label>
      <input
        id={`${id}-seed`}
        value={seed}
        onChange={(e) => setSeed(e.target.value)}
        inputMode="numeric"
        required
        aria-describedby={`${id}-seed-hint`}
      />
      <p className="hint" id={`${id}-seed-hint`}>
        {t("studies.form.seedHint")}
      </p>
      <SeedUpload action={upload} onUploaded={(imageId) => setSeed(String(imageId))} />
      <fieldset>
        <legend>{t("studies.form.worlds")}</legend>
        {worlds.map((w, i) => (
          <div key={i} className="card compact" role="group" aria-label={t("studies.form.world", { n: i + 1 })}>
            <label>
              {t("studies.form.worldName")}{" "}
              <input value={w.name} onChange={(e) => update(i, { name: e.target.value })} maxLength={60} required dir="auto" />
            </label>{" "}
            <label>
              {t("studies.form.weight")}{" "}
              <input type="number" min={1} max={20} value={w.weight} onChange={(e) => update(i, { weight: Number(e.target.value) })} />
            </label>{" "}
            <WorldConditionsFields id={`${id}-w${i}`} value={w} defaults={defaults} onChange={(patch) => update(i, patch)} />{" "}
            {worlds.length > 1 && (
              <button type="button" className="button small secondary" onClick={() => setWorlds((ws) => ws.filter((_, j) => j !== i))}>
                {t("studies.form.remove")}
              </button>
            )}
          </div>
        ))}
        {worlds.length < MAX_WORLDS && (
          <button
            type="button"
            className="button small secondary"
            onClick={() => setWorlds((ws) => [...ws, newWorld(ws.length + 1, defaults)])}
          >
            {t("studies.form.add")}
          </button>
        )}
      </fieldset>
      <button type="submit" className="button" disabled={pending}>
        {pending ? t("studies.form.starting") : t("studies.form.start")}
      </button>
      <div aria-live="polite">
        {message && (
          <p className={message.ok ? "hint" : "alert"} role={message.ok ? "status" : "alert"}>
            {message.text}
          </p>
        )}
      </div>
    </form>
  );
}
