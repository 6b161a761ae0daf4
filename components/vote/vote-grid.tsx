"use client";

import { useTranslations } from "next-intl";
import { useCallback, useEffect, useId, useRef, useState } from "react";
import type { FeedPage } from "@/lib/voting/feed";
import { ImageDialog } from "./image-dialog";
import { VoteCard } from "./vote-card";
import styles from "./vote.module.css";

type Seed = { url: string; width: number; height: number };

type Props = {
  /** The first page, rendered with the page itself. */
  page: FeedPage;
  /** The day the grid shows (YYYY-MM-DD): later pages are asked for by it. */
  dayKey: string;
  seed: Seed;
  closed: boolean;
  signedIn: boolean;
};

/** Why the next page did not come: the server's message, and whether only a reload can help. */
type Failure = { message: string; reload: boolean };

/**
 * The day's submissions, one page at a time: the first comes with the page, the next as the
 * participant nears the end of the list (an IntersectionObserver on a sentinel) or presses "Show
 * more" (which then moves focus to the first new card). Each page continues the viewer's order
 * from the server's cursor, so every card keeps its global position; how many are shown is
 * announced politely. A cursor the server refuses (the order changed) offers a reload instead.
 */
export function VoteGrid({ page, dayKey, seed, closed, signedIn }: Props) {
  const t = useTranslations("vote");
  const [state, setState] = useState(page.items);
  const [cursor, setCursor] = useState(page.nextCursor);
  const [loading, setLoading] = useState(false);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [open, setOpen] = useState<number | null>(null);
  const [announce, setAnnounce] = useState("");
  const current = state.find((i) => i.id === open) ?? null;
  const countId = useId();
  const list = useRef<HTMLUListElement>(null);
  const sentinel = useRef<HTMLDivElement>(null);
  const busy = useRef(false);
  /** The card to focus once it is rendered (after "Show more"). */
  const focusNext = useRef<number | null>(null);
  /** The cards shown, for loadMore: read there, not a dependency, so a vote does not renew the observer. */
  const shown = useRef(state);
  useEffect(() => {
    shown.current = state;
  }, [state]);

  const loadMore = useCallback(
    async (fromButton: boolean) => {
      if (!cursor || busy.current) return;
      busy.current = true;
      setLoading(true);
      setFailure(null);
      try {
        const res = await fetch(`/api/vote/images?${new URLSearchParams({ day: dayKey, cursor })}`, {
          cache: "no-store",
          headers: { Accept: "application/json" },
        });
        const body = (await res.json().catch(() => null)) as (FeedPage & { error?: { code?: string; message?: string } }) | null;
        if (!res.ok || !body || !Array.isArray(body.items)) {
          const code = body?.error?.code;
          setFailure({
            message: body?.error?.message ?? t("grid.loadFailed"),
            reload: code === "STALE_CURSOR" || code === "INVALID_CURSOR",
          });
          return;
        }
        const seen = new Set(shown.current.map((i) => i.id));
        const added = body.items.filter((i) => !seen.has(i.id));
        // Functional: a vote cast while the page was loading must not be undone by this update.
        setState((items) => [...items, ...added]);
        setCursor(body.nextCursor);
        if (fromButton && added[0]) focusNext.current = added[0].id;
        setAnnounce(t("grid.loaded", { count: added.length, shown: shown.current.length + added.length, total: body.total }));
      } catch {
        setFailure({ message: t("grid.loadFailed"), reload: false });
      } finally {
        busy.current = false;
        setLoading(false);
      }
    },
    [cursor, dayKey, t],
  );

  // Near the end of the list, the next page loads by itself. A fresh observer reports at once
  // whether the sentinel is in view, so a page too short to fill the screen is followed by the next.
  useEffect(() => {
    const el = sentinel.current;
    if (!el || !cursor || failure || typeof IntersectionObserver === "undefined") return;
    const io = new IntersectionObserver((entries) => void (entries.some((e) => e.isIntersecting) && loadMore(false)), {
      rootMargin: "0px 0px 400px 0px",
    });
    io.observe(el);
    return () => io.disconnect();
  }, [cursor, failure, loadMore]);

  useEffect(() => {
    const id = focusNext.current;
    if (id === null) return;
    focusNext.current = null;
    list.current?.querySelector<HTMLElement>(`[data-image-id="${id}"] button`)?.focus();
  }, [state]);

  return (
    <>
      <p className="visually-hidden" aria-live="polite">
        {announce}
      </p>
      <ul ref={list} className={styles.grid} role="list" aria-label={closed ? t("grid.finalRanking") : t("grid.today")}>
        {state.map((item) => (
          <li key={item.id}>
            <VoteCard
              item={item}
              index={item.position}
              closed={closed}
              signedIn={signedIn}
              onOpen={() => setOpen(item.id)}
              onChange={(next) => setState((list) => list.map((x) => (x.id === next.id ? next : x)))}
              onAnnounce={setAnnounce}
            />
          </li>
        ))}
      </ul>
      {page.total > page.items.length && (
        <div className={styles.more}>
          <p className="hint" id={countId}>
            {t("grid.count", { shown: state.length, total: page.total })}
          </p>
          {failure && (
            <p className="error-text" role="alert">
              {failure.message}
            </p>
          )}
          {failure?.reload ? (
            <button type="button" className="button secondary" onClick={() => window.location.reload()}>
              {t("grid.reload")}
            </button>
          ) : (
            cursor && (
              // Never disabled while loading: a disabled button would drop a keyboard user's focus.
              <button
                type="button"
                className="button secondary"
                onClick={() => void loadMore(true)}
                aria-busy={loading}
                aria-describedby={countId}
                data-testid="show-more"
              >
                {loading ? t("grid.loading") : t("grid.showMore")}
              </button>
            )
          )}
          <div ref={sentinel} aria-hidden="true" />
        </div>
      )}
      {current && <ImageDialog item={current} seed={seed} onClose={() => setOpen(null)} canFlag={signedIn} />}
    </>
  );
}
