"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import type { FeedItem } from "@/lib/voting/feed";
import { ImageDialog } from "./image-dialog";
import { VoteCard } from "./vote-card";
import styles from "./vote.module.css";

type Seed = { url: string; width: number; height: number };

export function VoteGrid({ items, seed, closed, signedIn }: { items: FeedItem[]; seed: Seed; closed: boolean; signedIn: boolean }) {
  const t = useTranslations("vote");
  const [state, setState] = useState(items);
  const [open, setOpen] = useState<number | null>(null);
  const [announce, setAnnounce] = useState("");
  const current = state.find((i) => i.id === open) ?? null;

  return (
    <>
      <p className="visually-hidden" aria-live="polite">
        {announce}
      </p>
      <ul className={styles.grid} role="list" aria-label={closed ? t("grid.finalRanking") : t("grid.today")}>
        {state.map((item, i) => (
          <li key={item.id}>
            <VoteCard
              item={item}
              index={i}
              closed={closed}
              signedIn={signedIn}
              onOpen={() => setOpen(item.id)}
              onChange={(next) => setState((list) => list.map((x) => (x.id === next.id ? next : x)))}
              onAnnounce={setAnnounce}
            />
          </li>
        ))}
      </ul>
      {current && <ImageDialog item={current} seed={seed} onClose={() => setOpen(null)} canFlag={signedIn} />}
    </>
  );
}
