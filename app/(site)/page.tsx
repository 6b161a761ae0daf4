import Link from "next/link";
import { Picture } from "@/components/ui/picture";
import { WinnersStrip } from "@/components/winners/winners-strip";
import { getCurrentUser } from "@/lib/auth";
import { getCurrentDay, listWinners } from "@/lib/days";
import { getEnv } from "@/lib/env";
import { imageUrls } from "@/lib/images/urls";

export default async function LandingPage() {
  const [user, day, winners] = await Promise.all([getCurrentUser(), getCurrentDay(), listWinners(12)]);
  const seed = day?.seedImage;
  const seedUrl = seed ? (await imageUrls(seed)).url : null;
  const strip = await Promise.all(
    winners.map(async (w) => ({ ...w, image: { ...w.image, thumbUrl: (await imageUrls(w.image)).thumbUrl } })),
  );

  return (
    <>
      <section className="hero" aria-labelledby="hero-title">
        <div>
          <p className="eyebrow">A picture that grows one patch a day</p>
          <h1 id="hero-title">Paint a patch. Shape tomorrow&apos;s picture.</h1>
          <p className="lead">
            Every day there is one picture. Mask the part you want to change, say what should be there, and an image model
            repaints only your patch. Everyone votes, and the day&apos;s favourite becomes tomorrow&apos;s picture.
          </p>
          <div className="cta-row">
            <Link className="button" href="/create">
              Create today&apos;s patch
            </Link>
            <Link className="button secondary" href="/vote">
              Vote on submissions
            </Link>
            {!user && (
              <Link className="button secondary" href="/signin">
                Sign in
              </Link>
            )}
          </div>
        </div>
        {seed && seedUrl && day ? (
          <Picture
            src={seedUrl}
            alt={`Today's picture: ${seed.prompt}`}
            width={seed.width}
            height={seed.height}
            priority
            caption={
              <span data-testid="todays-seed-caption">
                Today&apos;s picture, {day.dateKey} ({getEnv().APP_TIME_ZONE} day)
              </span>
            }
          />
        ) : (
          <div className="empty">Today&apos;s picture is being prepared.</div>
        )}
      </section>

      <section className="section" aria-labelledby="how-title">
        <h2 id="how-title">How to take part</h2>
        <ol className="steps">
          <li className="card">
            <h3>Mask a region</h3>
            <p className="muted">Open today&apos;s picture in the editor and paint over what you want to change: brush, rectangle or lasso, with undo and an eraser.</p>
          </li>
          <li className="card">
            <h3>Describe it</h3>
            <p className="muted">Write what should appear in your patch. The model repaints only the masked region; everything else stays exactly as it was.</p>
          </li>
          <li className="card">
            <h3>Submit your best</h3>
            <p className="muted">Try a few times within the daily limit, then submit the attempt you like most to today&apos;s vote.</p>
          </li>
          <li className="card">
            <h3>Vote</h3>
            <p className="muted">Up- or down-vote others&apos; patches. At the end of the day the top-ranked image becomes tomorrow&apos;s picture.</p>
          </li>
        </ol>
      </section>

      <section className="section" aria-labelledby="winners-title">
        <h2 id="winners-title">Past winners</h2>
        <WinnersStrip winners={strip} />
      </section>
    </>
  );
}
