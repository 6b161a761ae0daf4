"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { announceProgress } from "@/lib/study/progress-event";
import { voteAction } from "@/lib/voting/actions";
import { EarnedBadges } from "@/components/play/badge-names";
import { personName } from "@/i18n/person-name";
import { tallyValues } from "@/i18n/tally";
import type { BadgeId } from "@/lib/rewards/types";
import type { FeedItem } from "@/lib/voting/feed";
import styles from "./vote.module.css";

type Props = {
  item: FeedItem;
  index: number;
  closed: boolean;
  signedIn: boolean;
  onOpen: () => void;
  onChange: (item: FeedItem) => void;
  onAnnounce: (text: string) => void;
};

export function VoteCard({ item, index, closed, signedIn, onOpen, onChange, onAnnounce }: Props) {
  const t = useTranslations("vote");
  const common = useTranslations("common");
  const format = useFormatter();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string>();
  const [earned, setEarned] = useState<{ id: BadgeId }[]>([]);
  const canVote = signedIn && !closed && !item.mine;

  function vote(pressed: 1 | -1) {
    // Buttons stay enabled while a vote is in flight: disabling a focused button would throw
    // keyboard users' focus back to the top of the page.
    if (pending) return;
    const value = item.myVote === pressed ? 0 : pressed;
    const before = item;
    // Optimistic: the button flips at once; the server's answer (or a rollback) follows.
    onChange({ ...item, myVote: value });
    setError(undefined);
    startTransition(async () => {
      const res = await voteAction({ imageId: item.id, value, position: item.position });
      if (res.ok) {
        const { upvotes: up, downvotes: down } = res.data;
        // A world that never shows tallies sends none, even after a vote.
        onChange({ ...before, myVote: res.data.value, tally: up === null || down === null ? null : { up, down } });
        onAnnounce(value === 0 ? t("card.removed") : value === 1 ? t("card.upvoted") : t("card.downvoted"));
        setEarned(res.data.earned);
        announceProgress();
      } else {
        onChange(before);
        setError(t("card.notSaved", { message: res.message }));
      }
    });
  }

  return (
    <article className={styles.card} aria-label={t("card.label", { position: index + 1 })} data-testid="vote-card" data-image-id={item.id}>
      <button
        type="button"
        className={styles.thumb}
        style={{ aspectRatio: `${item.width} / ${item.height}` }}
        onClick={onOpen}
        aria-label={t("card.open", { position: index + 1 })}
      >
        {/* eslint-disable-next-line @next/next/no-img-element -- pre-sized files straight from storage; the optimizer would re-encode them */}
        <img
          src={item.thumbUrl}
          alt={item.prompt}
          width={item.width}
          height={item.height}
          loading={index < 4 ? "eager" : "lazy"}
          decoding="async"
        />
      </button>
      <p className={styles.prompt} dir="auto">
        {closed && <strong>#{format.number(index + 1)} </strong>}
        {item.prompt}
      </p>
      {item.author && (
        <p className="hint">{t.rich("byAuthor", { name: personName(common, item.author), bdi: (chunks) => <bdi>{chunks}</bdi> })}</p>
      )}
      <div className={styles.actions}>
        <button
          type="button"
          className={`${styles.voteButton} ${item.myVote === 1 ? styles.up : ""}`}
          aria-pressed={item.myVote === 1}
          aria-label={t("card.upvote", { position: index + 1 })}
          disabled={!canVote}
          aria-busy={pending}
          onClick={() => vote(1)}
        >
          ▲ <span>{t("card.up")}</span>
        </button>
        <button
          type="button"
          className={`${styles.voteButton} ${item.myVote === -1 ? styles.down : ""}`}
          aria-pressed={item.myVote === -1}
          aria-label={t("card.downvote", { position: index + 1 })}
          disabled={!canVote}
          aria-busy={pending}
          onClick={() => vote(-1)}
        >
          ▼ <span>{t("card.down")}</span>
        </button>
        <span className={styles.tally} data-testid="tally">
          {item.tally ? t("card.tally", tallyValues(item.tally.up, item.tally.down)) : item.mine ? t("card.yours") : t("card.hiddenTally")}
        </span>
      </div>
      {error && (
        <p className="error-text" role="alert">
          {error}
        </p>
      )}
      <EarnedBadges badges={earned} />
    </article>
  );
}
