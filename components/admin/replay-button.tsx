"use client";

import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import type { ReplayReport } from "@/lib/creating/replay";
import type { ActionResult } from "@/lib/server/safe-action";
import styles from "./admin.module.css";

type Handler = { (input: { imageId: number }): Promise<ActionResult<ReplayReport>> };

/** Regenerates the picture with its recorded parameters on the configured engine, and says how the result compares. */
export function ReplayButton({ imageId, action }: { imageId: number; action: Handler }) {
  const t = useTranslations("admin");
  const [result, setResult] = useState<ActionResult<ReplayReport>>();
  const [pending, startTransition] = useTransition();

  function replay() {
    setResult(undefined);
    startTransition(async () => setResult(await action({ imageId })));
  }

  const report = result?.ok ? result.data : null;
  const seconds = report ? Math.round(report.engineMs / 100) / 10 : 0;
  return (
    <div data-testid="replay">
      <button type="button" className="button small secondary" onClick={replay} disabled={pending} aria-busy={pending}>
        {pending ? t("replay.replaying") : t("replay.button")}
      </button>
      <div aria-live="polite">
        {result && !result.ok && (
          <p className="alert" role="alert">
            {result.message}
          </p>
        )}
        {report && (
          <>
            <p role="status" data-testid="replay-outcome" data-identical={report.identical}>
              {report.identical
                ? t("replay.identical", { engine: report.engine, seconds })
                : t("replay.differs", { engine: report.engine, seconds, mad: report.meanAbsoluteDifference, share: report.changedShare })}
            </p>
            {report.differences.length > 0 && (
              <p className="hint" data-testid="replay-differences">
                {t("replay.differences", { keys: report.differences.join(", ") })}
              </p>
            )}
            <p className="hint">{t("replay.replayed")}</p>
            <pre className={`hint ${styles.replayed}`}>{JSON.stringify(report.replayed, null, 2)}</pre>
          </>
        )}
      </div>
    </div>
  );
}
