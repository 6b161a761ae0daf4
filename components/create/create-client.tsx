"use client";

import type { EngineProvider } from "@/lib/imagegen/types";
import dynamic from "next/dynamic";
import { useFormatter, useTranslations } from "next-intl";
import { useRef, useState, useTransition, type CSSProperties } from "react";
import { generateAction } from "@/lib/creating/actions";
import type { MaskEditorHandle } from "@/components/editor/types";
import type { Attempt } from "@/lib/creating/attempts";
import { PROMPT_MAX } from "@/lib/validations/constants";
import { DayCountdown } from "@/components/ui/day-countdown";
import { AttemptsList } from "./attempts-list";
import { useCreateDraft } from "./create-draft";
import { GenerationProgress } from "./generation-progress";
import { newTicket, useGenerationStatus } from "./use-generation-status";
import styles from "./create.module.css";

// Konva needs the browser; the editor is never rendered on the server.
const MaskEditor = dynamic(() => import("@/components/editor/mask-editor").then((m) => m.MaskEditor), {
  ssr: false,
  loading: EditorLoading,
});

function EditorLoading() {
  const t = useTranslations("create");
  return (
    <div className={styles.editorPlaceholder} aria-busy="true" aria-label={t("loadingEditor")}>
      <div className={`skeleton ${styles.toolbarSkeleton}`} />
      <div className={`skeleton ${styles.seedSkeleton}`} />
      <div className={styles.footerSkeleton} />
    </div>
  );
}

type Props = {
  /** `endsAt`: when the day closes (ISO), for the countdown. */
  day: { id: number; dateKey: string; endsAt: string };
  seed: { id: number; url: string; width: number; height: number };
  limits: { generationQuota: number; generationsUsed: number; submissionsPerDay: number; minCoverage: number; maxCoverage: number };
  engine: { provider: EngineProvider; model: string };
  initialAttempts: Attempt[];
};

export function CreateClient({ day, seed, limits, engine, initialAttempts }: Props) {
  const t = useTranslations("create");
  const format = useFormatter();
  const editor = useRef<MaskEditorHandle>(null);
  const [prompt, setPrompt] = useState("");
  const [mask, setMask] = useState({ coverage: 0, empty: true });
  const [attempts, setAttempts] = useState(initialAttempts);
  const [used, setUsed] = useState(limits.generationsUsed);
  const [error, setError] = useState<string>();
  // The attempt under way: when it began (for its progress) and its ticket, which names it so the
  // page can ask for its place in line while it waits.
  const [running, setRunning] = useState<{ startedAt: number; ticket: string } | null>(null);
  const status = useGenerationStatus(running?.ticket ?? null);
  const [pending, startTransition] = useTransition();
  // The mask and prompt survive a reload (create-draft.ts).
  const { saved, onModelChange } = useCreateDraft(day.dateKey, seed.id, prompt, setPrompt);

  const left = limits.generationQuota - used;
  const inBounds = !mask.empty && mask.coverage >= limits.minCoverage && mask.coverage <= limits.maxCoverage;
  const canGenerate = !pending && left > 0 && inBounds && prompt.trim().length > 0;

  function generate(e: React.FormEvent) {
    e.preventDefault();
    if (!canGenerate || !editor.current) return;
    setError(undefined);
    const handle = editor.current;
    const attempt = newTicket();
    setRunning({ startedAt: Date.now(), ticket: attempt });
    startTransition(async () => {
      try {
        const { png } = await handle.exportMask();
        const form = new FormData();
        form.set("dayId", String(day.id));
        form.set("prompt", prompt);
        form.set("mask", new File([png], "mask.png", { type: "image/png" }));
        form.set("ticket", attempt);
        const res = await generateAction(form);
        if (res.ok) {
          setAttempts(res.data.attempts);
          setUsed((u) => u + 1);
        } else {
          setError(res.message);
          if (res.code === "QUOTA") setUsed(limits.generationQuota);
        }
      } catch {
        setError(t("form.connectionLost"));
      } finally {
        setRunning(null);
      }
    });
  }

  return (
    <div className={styles.layout} data-seed-id={seed.id} data-day={day.dateKey}>
      <section
        aria-labelledby="create-title"
        className={styles.editorColumn}
        // The editor's placeholder keeps the seed's shape (create.module.css).
        style={{ "--seed-ratio": `${seed.width} / ${seed.height}` } as CSSProperties}
      >
        <h1 id="create-title">{t("title")}</h1>
        <p className="muted">{t("intro", { date: day.dateKey })}</p>
        <MaskEditor
          ref={editor}
          imageUrl={seed.url}
          width={seed.width}
          height={seed.height}
          minCoverage={limits.minCoverage}
          maxCoverage={limits.maxCoverage}
          onChange={setMask}
          disabled={pending}
          saved={saved}
          onModelChange={onModelChange}
        />
      </section>

      <section aria-labelledby="prompt-title" className={styles.side}>
        <form onSubmit={generate} className="card" aria-describedby={error ? "generate-error" : undefined}>
          <h2 id="prompt-title">{t("form.title")}</h2>
          <div className="field">
            <label htmlFor="prompt">{t("form.promptLabel")}</label>
            <textarea
              id="prompt"
              name="prompt"
              className={styles.prompt}
              rows={4}
              maxLength={PROMPT_MAX}
              value={prompt}
              onChange={(e) => setPrompt(e.target.value)}
              placeholder={t("form.promptPlaceholder")}
              aria-describedby="prompt-count"
              dir="auto"
            />
            <p id="prompt-count" className="hint">
              {t("form.promptCount", { used: format.number(prompt.trim().length), max: format.number(PROMPT_MAX, { useGrouping: false }) })}
            </p>
          </div>
          <button type="submit" className={`button ${styles.generate}`} disabled={!canGenerate}>
            {pending ? t("form.generating") : t("form.generate")}
          </button>
          {/* Beside the button it bears on, not above the editor: on a phone the picture stays near the top. */}
          <DayCountdown endsAt={day.endsAt} />
          <p className="hint" data-testid="generations-left">
            {left > 0 ? t("form.left", { left: format.number(left), quota: format.number(limits.generationQuota) }) : t("form.noneLeft")}
          </p>
          {!inBounds && !mask.empty && (
            <p className="hint">
              {t("form.adjustMask", {
                min: format.number(limits.minCoverage, { style: "percent", maximumFractionDigits: 0 }),
                max: format.number(limits.maxCoverage, { style: "percent", maximumFractionDigits: 0 }),
              })}
            </p>
          )}
          <div aria-live="polite">
            {running && (
              <GenerationProgress
                startedAt={running.startedAt}
                engine={engine.provider}
                position={status?.state === "waiting" ? status.position : null}
              />
            )}
            {error && (
              <p className="alert" role="alert" id="generate-error">
                {error}
              </p>
            )}
          </div>
          {engine.provider === "offline" && (
            <p className={styles.engineNote} data-testid="offline-engine-note">
              {t("form.offlineNote")}
            </p>
          )}
        </form>
      </section>

      <section aria-labelledby="attempts-title" className={styles.attempts}>
        <h2 id="attempts-title">{t("attempts.title")}</h2>
        <AttemptsList
          attempts={attempts}
          submissionsLeft={limits.submissionsPerDay - attempts.filter((a) => a.submitted).length}
          onChanged={(id, change) => setAttempts((list) => list.map((a) => (a.id === id ? { ...a, ...change } : a)))}
        />
      </section>
    </div>
  );
}
