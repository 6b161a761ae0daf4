import type { Metadata } from "next";
import Link from "next/link";
import { VoteGrid } from "@/components/vote/vote-grid";
import { getCurrentUser } from "@/lib/auth";
import { getCurrentDay } from "@/lib/days";
import { getVoteFeed } from "@/lib/vote-feed";

export const metadata: Metadata = { title: "Vote" };

export default async function VotePage() {
  const [user, day] = await Promise.all([getCurrentUser(), getCurrentDay()]);
  const feed = day ? await getVoteFeed(day.id, user?.id ?? null) : null;
  if (!feed) return <div className="empty">Today&apos;s picture is being prepared.</div>;

  return (
    <>
      <h1>{feed.day.closed ? `Final ranking, ${feed.day.dateKey}` : "Vote on today's patches"}</h1>
      <p className="muted">
        {feed.day.closed
          ? "This day is closed; the ranking below is final."
          : "Up-vote the patches you like, down-vote the ones you don't. Click again to take a vote back. Tallies appear once you have voted on an image."}
      </p>
      {!user && !feed.day.closed && (
        <p className="card" style={{ padding: 12 }}>
          <Link href="/signin?callbackUrl=/vote">Sign in</Link> to vote.
        </p>
      )}
      {feed.items.length === 0 ? (
        <div className="empty" data-testid="vote-empty">
          <p>Nobody has submitted a patch today yet.</p>
          <Link className="button" href="/create">
            Be the first: open the editor
          </Link>
        </div>
      ) : (
        <VoteGrid items={feed.items} seed={feed.seed} closed={feed.day.closed} signedIn={!!user} />
      )}
    </>
  );
}
