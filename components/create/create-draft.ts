// The participant's unfinished work on /create (the mask and the prompt), kept in the browser so
// a reload, a crash or a closed tab does not lose it. One draft at a time, for one day and seed:
// another day's or seed's draft is of no use and is dropped.
import { useEffect, useRef, useState } from "react";
import type { MaskModel } from "@/components/editor/model";

const KEY = "pixelpatchwork:create-draft";

export type CreateDraft = { prompt: string; model: MaskModel };
type Stored = CreateDraft & { dayKey: string; seedId: number };

/**
 * The draft saved for this day and seed, or null. What is read back is checked against the mask
 * model's schema, loaded only here (so the page's first JavaScript carries no zod): storage is
 * the user's to edit, and a draft from an older version must not break the editor.
 */
export async function readDraft(dayKey: string, seedId: number): Promise<CreateDraft | null> {
  let stored: Partial<Stored>;
  try {
    stored = JSON.parse(window.localStorage.getItem(KEY) ?? "null") ?? {};
  } catch {
    return null;
  }
  if (stored.dayKey !== dayKey || stored.seedId !== seedId) {
    if (stored.dayKey) forgetDraft();
    return null;
  }
  const { maskModelSchema } = await import("@/components/editor/model");
  const model = maskModelSchema.safeParse(stored.model);
  if (!model.success || typeof stored.prompt !== "string") return null;
  return { prompt: stored.prompt, model: model.data };
}

export function saveDraft(dayKey: string, seedId: number, draft: CreateDraft): void {
  try {
    window.localStorage.setItem(KEY, JSON.stringify({ dayKey, seedId, ...draft } satisfies Stored));
  } catch {
    // Storage full or refused (private mode): the draft is a convenience, the page works without it.
  }
}

export function forgetDraft(): void {
  try {
    window.localStorage.removeItem(KEY);
  } catch {
    // As above.
  }
}

/**
 * The create page's draft, kept: reads it once the page is interactive (handing the prompt to
 * `setPrompt` unless one was typed meanwhile, and returning the mask as `saved` for the editor),
 * then saves the prompt and the editor's model a moment after each change. Nothing is saved
 * until the stored draft has been read, so an editor that mounts first cannot overwrite it.
 */
export function useCreateDraft(dayKey: string, seedId: number, prompt: string, setPrompt: (update: (p: string) => string) => void) {
  const [saved, setSaved] = useState<MaskModel | null>(null);
  const [model, setModel] = useState<MaskModel | null>(null);
  const read = useRef(false);
  useEffect(() => {
    let live = true;
    const done = () => void (read.current = true);
    void readDraft(dayKey, seedId).then((draft) => {
      done();
      if (!live || !draft) return;
      setPrompt((p) => p || draft.prompt);
      setSaved(draft.model);
    }, done);
    return () => void (live = false);
  }, [dayKey, seedId, setPrompt]);
  useEffect(() => {
    if (!read.current || !model) return;
    const timer = setTimeout(() => saveDraft(dayKey, seedId, { prompt, model }), 300);
    return () => clearTimeout(timer);
  }, [model, prompt, dayKey, seedId]);
  return { saved, onModelChange: setModel };
}
