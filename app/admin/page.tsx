import type { Metadata } from "next";
import Link from "next/link";
import { z } from "zod";
import { BarChart } from "@/components/admin/bar-chart";
import { adminOrNotFound } from "@/lib/admin-guard";
import { agreementForDay } from "@/lib/admin/agreement";
import { netScores, perDaySeries, votesPerImage } from "@/lib/admin/distributions";
import { topWords, wordsOverTime } from "@/lib/admin/prompt-words";
import { getOverview, listDayHistory } from "@/lib/admin/stats";

export const metadata: Metadata = { title: "Overview" };

const querySchema = z.object({ day: z.coerce.number().int().positive().optional().catch(undefined) });

function duration(ms: number) {
  const h = Math.floor(ms / 3_600_000);
  const m = Math.floor((ms % 3_600_000) / 60_000);
  return `${h} h ${m} min`;
}

export default async function AdminOverview({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await adminOrNotFound();
  const { day: chosen } = querySchema.parse(await searchParams);
  const [overview, history, series, words] = await Promise.all([getOverview(), listDayHistory(60), perDaySeries(60), topWords(15)]);
  const lastClosed = history.find((d) => d.status === "CLOSED");
  const dayId = chosen ?? lastClosed?.dayId ?? null;
  const [perImage, net, agreement] = await Promise.all([votesPerImage(dayId), netScores(dayId), dayId ? agreementForDay(dayId).catch(() => null) : null]);
  const dayLabel = dayId ? (history.find((d) => d.dayId === dayId)?.date ?? `day ${dayId}`) : "all days";
  const shareBins = agreement ? binShares(agreement.shares) : [];
  const trend = await wordsOverTime(words.all.words.slice(0, 6).map((w) => w.word), 14);

  return (
    <>
      <h1>Overview</h1>
      {overview ? (
        <section aria-labelledby="today-title">
          <h2 id="today-title">
            Today, {overview.date} {overview.overdue && <span className="alert">ended: waiting for the rollover</span>}
          </h2>
          <div className="stat-grid" data-testid="today-stats">
            <div className="stat"><strong>{overview.submissions}</strong> submissions ({overview.hidden} hidden)</div>
            <div className="stat"><strong>{overview.distinctVoters}</strong> voters</div>
            <div className="stat"><strong>{overview.votes}</strong> votes</div>
            <div className="stat"><strong>{overview.generationsUsed}</strong> generations used</div>
            <div className="stat"><strong>{duration(overview.msLeft)}</strong> until the rollover</div>
            <div className="stat">
              <strong>{overview.leaderImageId ? <Link href={`/images/${overview.leaderImageId}`}>#{overview.leaderImageId}</Link> : "—"}</strong> leading now
            </div>
          </div>
          <p className="hint">Seed: <Link href={`/images/${overview.seedImageId}`}>image #{overview.seedImageId}</Link></p>
        </section>
      ) : (
        <div className="empty">No open day.</div>
      )}

      <section className="section" aria-labelledby="charts-title">
        <h2 id="charts-title">Votes and submissions</h2>
        <form className="hint" style={{ marginBottom: 12 }}>
          <label>
            Day for the distributions:{" "}
            <select name="day" defaultValue={dayId ?? ""}>
              {history.map((d) => (
                <option key={d.dayId} value={d.dayId}>
                  {d.date} {d.status === "OPEN" ? "(open)" : ""}
                </option>
              ))}
            </select>
          </label>{" "}
          <button className="button small secondary" type="submit">Show</button> <Link href="/admin?day=">all days</Link>
        </form>
        <div className="chart-grid">
          <BarChart title={`Votes per image, ${dayLabel}`} bars={perImage.map((b) => ({ label: String(b.value), value: b.count }))} xLabel="votes on an image" yLabel="images" />
          <BarChart title={`Net score per image, ${dayLabel}`} bars={net.map((b) => ({ label: String(b.value), value: b.count }))} xLabel="up − down" yLabel="images" color="#e07a5f" />
          <BarChart title="Votes per day" bars={series.map((d) => ({ label: d.date.slice(5), value: d.votes }))} xLabel="day" yLabel="votes" />
          <BarChart title="Submissions per day" bars={series.map((d) => ({ label: d.date.slice(5), value: d.submissions }))} xLabel="day" yLabel="submissions" color="#3d5a80" />
        </div>
      </section>

      <section className="section" aria-labelledby="agreement-title">
        <h2 id="agreement-title">Aggregated vs individual judgement ({dayLabel})</h2>
        {agreement && agreement.voters > 0 ? (
          <>
            <p>
              {agreement.voters} voters; mean pairwise agreement with the crowd&apos;s final ranking{" "}
              <strong>{agreement.meanShare === null ? "—" : `${(agreement.meanShare * 100).toFixed(0)}%`}</strong> (Kendall-style τ{" "}
              {agreement.meanTau?.toFixed(2) ?? "—"}). Personal favourite = crowd winner: {agreement.favourite.sameAsWinner}; different:{" "}
              {agreement.favourite.different}; no up-vote: {agreement.favourite.noUpvote}.
            </p>
            <BarChart title="Each voter's agreement with the crowd" bars={shareBins} xLabel="share of the voter's pairs the crowd orders the same way" yLabel="voters" color="#1b7f4c" />
          </>
        ) : (
          <div className="empty">Agreement needs a closed day with voters who cast both up- and down-votes.</div>
        )}
      </section>

      <section className="section" aria-labelledby="words-title">
        <h2 id="words-title">Prompt words</h2>
        <div className="chart-grid">
          <BarChart title={`Most frequent words, all prompts (${words.all.prompts})`} bars={words.all.words.map((w) => ({ label: w.word, value: w.prompts }))} xLabel="word" yLabel="prompts" />
          <BarChart title={`Most frequent words, winning prompts (${words.winners.prompts})`} bars={words.winners.words.map((w) => ({ label: w.word, value: w.prompts }))} xLabel="word" yLabel="prompts" color="#e07a5f" />
        </div>
        {trend.words.length > 0 && (
          <div style={{ overflowX: "auto", marginTop: 16 }}>
            <table className="data-table" aria-label="Prompts containing each of the most frequent words, per day">
              <thead>
                <tr>
                  <th scope="col">Day</th>
                  <th scope="col">Prompts</th>
                  {trend.words.map((w) => (
                    <th key={w} scope="col">
                      {w}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {trend.days.map((d) => (
                  <tr key={d.date}>
                    <td>{d.date}</td>
                    <td>{d.prompts}</td>
                    {trend.words.map((w) => (
                      <td key={w}>{d.counts[w] ?? 0}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section className="section" aria-labelledby="history-title">
        <h2 id="history-title">History</h2>
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">Day</th>
              <th scope="col">Participants</th>
              <th scope="col">Submissions</th>
              <th scope="col">Votes</th>
              <th scope="col">Winner</th>
            </tr>
          </thead>
          <tbody>
            {history.map((d) => (
              <tr key={d.dayId}>
                <td>
                  {d.date} {d.status === "OPEN" && <span className="eyebrow">open</span>}
                </td>
                <td>{d.participants}</td>
                <td>{d.submissions}</td>
                <td>{d.votes}</td>
                <td>{d.winnerImageId ? <Link href={`/images/${d.winnerImageId}`}>#{d.winnerImageId}</Link> : "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </>
  );
}

/** Shares in [0, 1] as ten bins of 10 percentage points. */
function binShares(shares: number[]) {
  const bins = Array.from({ length: 10 }, (_, i) => ({ label: `${i * 10}–${i * 10 + 10}%`, value: 0 }));
  for (const s of shares) bins[Math.min(9, Math.floor(s * 10))]!.value++;
  return bins;
}
