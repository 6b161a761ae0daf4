"use client";

import { useTranslations } from "next-intl";
import { useId, useRef, useState, useTransition } from "react";
import type { ActionResult } from "@/lib/server/safe-action";

type Handler = { (input: FormData): Promise<ActionResult<{ imageId: number }>> };

/**
 * Uploads a new first picture for the next study; once stored, `onUploaded` gets its id, which
 * the start form then uses. Not a form of its own: it sits inside the start form, so its button
 * sends only the file and its description.
 */
export function SeedUpload({ action, onUploaded }: { action: Handler; onUploaded: (imageId: number) => void }) {
  const t = useTranslations("admin");
  const id = useId();
  const file = useRef<HTMLInputElement>(null);
  const [description, setDescription] = useState("");
  const [message, setMessage] = useState<{ ok: boolean; text: string }>();
  const [pending, startTransition] = useTransition();

  function upload() {
    const data = new FormData();
    const picked = file.current?.files?.[0];
    if (picked) data.set("picture", picked);
    data.set("description", description);
    setMessage(undefined);
    startTransition(async () => {
      const res = await action(data);
      if (res.ok) {
        onUploaded(res.data.imageId);
        setMessage({ ok: true, text: t("studies.form.uploaded", { id: res.data.imageId }) });
      } else setMessage({ ok: false, text: res.message });
    });
  }

  return (
    <fieldset data-testid="seed-upload">
      <legend>{t("studies.form.upload")}</legend>
      <label htmlFor={`${id}-file`}>{t("studies.form.uploadFile")}</label>{" "}
      <input id={`${id}-file`} ref={file} type="file" accept="image/png,image/jpeg,image/webp" />{" "}
      <label htmlFor={`${id}-description`}>{t("studies.form.uploadDescription")}</label>{" "}
      <input id={`${id}-description`} value={description} onChange={(e) => setDescription(e.target.value)} maxLength={1000} dir="auto" />{" "}
      <button type="button" className="button small secondary" onClick={upload} disabled={pending} aria-busy={pending}>
        {pending ? t("studies.form.uploading") : t("studies.form.uploadButton")}
      </button>
      <span aria-live="polite">
        {message && (
          <>
            {" "}
            <span className={message.ok ? "hint" : "alert"} role={message.ok ? "status" : "alert"}>
              {message.text}
            </span>
          </>
        )}
      </span>
    </fieldset>
  );
}
