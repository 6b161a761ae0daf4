"use client";

import { useState, useTransition } from "react";
import { voteAction } from "@/app/(site)/vote/actions";
import type { FeedItem } from "@/lib/vote-feed";
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
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string>();
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
        onChange({ ...before, myVote: res.data.value, tally: { up: res.data.upvotes, down: res.data.downvotes } });
        onAnnounce(value === 0 ? "Vote removed." : value === 1 ? "Up-voted." : "Down-voted.");
      } else {
        onChange(before);
        setError(`Your vote was not saved: ${res.message}`);
      }
    });
  }

  return (
    <article className={styles.card} aria-label={`Submission ${index + 1}`} data-testid="vote-card" data-image-id={item.id}>
      <button type="button" className={styles.thumb} style={{ aspectRatio: `${item.width} / ${item.height}` }} onClick={onOpen} aria-label={`Open submission ${index + 1} larger`}>
        {/* eslint-disable-next-line @next/next/no-img-element -- storage URLs vary per request */}
        <img src={item.thumbUrl} alt={item.prompt} width={item.width} height={item.height} loading={index < 4 ? "eager" : "lazy"} decoding="async" />
      </button>
      <p className={styles.prompt} dir="auto">
        {closed && <strong>#{index + 1} </strong>}
        {item.prompt}
      </p>
      {item.author && <p className="hint">by {item.author}</p>}
      <div className={styles.actions}>
        <button
          type="button"
          className={`${styles.voteButton} ${item.myVote === 1 ? styles.up : ""}`}
          aria-pressed={item.myVote === 1}
          aria-label={`Up-vote submission ${index + 1}`}
          disabled={!canVote}
          aria-busy={pending}
          onClick={() => vote(1)}
        >
          ▲ <span>Up</span>
        </button>
        <button
          type="button"
          className={`${styles.voteButton} ${item.myVote === -1 ? styles.down : ""}`}
          aria-pressed={item.myVote === -1}
          aria-label={`Down-vote submission ${index + 1}`}
          disabled={!canVote}
          aria-busy={pending}
          onClick={() => vote(-1)}
        >
          ▼ <span>Down</span>
        </button>
        <span className={styles.tally} data-testid="tally">
          {item.tally ? `+${item.tally.up} / −${item.tally.down}` : item.mine ? "Your image" : "Vote to see the tally"}
        </span>
      </div>
      {error && (
        <p className="error-text" role="alert">
          {error}
        </p>
      )}
    </article>
  );
}
