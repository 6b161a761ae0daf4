import type { Metadata } from "next";
import { banUserAction, hideImageAction, runRolloverAction, unbanUserAction, unhideImageAction, vetoLeaderAction } from "@/app/admin/actions";
import { ReasonAction } from "@/components/admin/reason-action";
import { ImageCard } from "@/components/ui/image-card";
import { listBannedUsers, listDayCandidates } from "@/lib/admin-candidates";
import { adminOrNotFound } from "@/lib/admin-guard";
import { listFlagged } from "@/lib/admin/flags";
import { getCurrentDay } from "@/lib/days";

export const metadata: Metadata = { title: "Moderation" };

export default async function ModerationPage() {
  await adminOrNotFound();
  const day = await getCurrentDay();
  const [candidates, flagged, banned] = await Promise.all([day ? listDayCandidates(day.id) : [], listFlagged({ take: 50 }), listBannedUsers()]);
  const leader = candidates.find((c) => c.eligible);

  return (
    <>
      <h1>Moderation</h1>
      <section className="section" aria-labelledby="today-title" style={{ marginTop: 0 }}>
        <h2 id="today-title">Today&apos;s submissions {day && <span className="muted">({day.dateKey})</span>}</h2>
        <div style={{ display: "flex", gap: 10, flexWrap: "wrap", marginBottom: 12 }}>
          {day && leader && <ReasonAction label="Veto the leader" fields={{ dayId: day.id, expectedImageId: leader.id }} action={vetoLeaderAction} danger />}
          <ReasonAction label="Run the rollover now" fields={{}} action={runRolloverAction} needsReason={false} />
        </div>
        {candidates.length === 0 ? (
          <div className="empty">No submissions today.</div>
        ) : (
          <ol className="card-grid" aria-label="Ranked as the rollover sees them">
            {candidates.map((c, i) => (
              <li key={c.id} className="card" style={{ padding: 10 }} data-testid="candidate" data-image-id={c.id}>
                <ImageCard image={c}>
                  <strong>{c.eligible ? `#${i + 1}` : c.hiddenAt ? "Hidden" : c.creatorBanned ? "Creator banned" : "Not ranked yet"}</strong>{" "}
                  <span className="clamp-2">{c.prompt}</span>
                </ImageCard>
                <p className="hint" style={{ margin: "4px 0" }}>
                  +{c.upvotes} / −{c.downvotes}
                  {(c.counted.upvotes !== c.upvotes || c.counted.downvotes !== c.downvotes) && ` (ranked on +${c.counted.upvotes} / −${c.counted.downvotes} without banned voters)`} · {c.creatorName ?? "—"}
                  {c.hiddenReason ? ` · hidden: ${c.hiddenReason}` : ""}
                </p>
                <div style={{ display: "flex", gap: 6, flexWrap: "wrap" }}>
                  {c.hiddenAt ? (
                    <ReasonAction label="Unhide" fields={{ imageId: c.id }} action={unhideImageAction} needsReason={false} />
                  ) : (
                    <ReasonAction label="Hide" fields={{ imageId: c.id }} action={hideImageAction} />
                  )}
                  {c.creatorId && !c.creatorBanned && <ReasonAction label="Ban creator" fields={{ userId: c.creatorId }} action={banUserAction} danger />}
                </div>
              </li>
            ))}
          </ol>
        )}
      </section>

      <section className="section" aria-labelledby="flags-title">
        <h2 id="flags-title">Flagged images</h2>
        {flagged.length === 0 ? (
          <div className="empty">Nothing has been flagged.</div>
        ) : (
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">Image</th>
                <th scope="col">Flags</th>
                <th scope="col">Latest reasons</th>
                <th scope="col">Action</th>
              </tr>
            </thead>
            <tbody>
              {flagged.map((f) => (
                <tr key={f.imageId} data-testid="flagged">
                  <td>
                    <a href={`/images/${f.imageId}`}>#{f.imageId}</a>
                  </td>
                  <td>{f.count}</td>
                  <td>{f.reasons.join(" · ")}</td>
                  <td>{f.hidden ? "Hidden" : <ReasonAction label="Hide" fields={{ imageId: f.imageId }} action={hideImageAction} />}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <section className="section" aria-labelledby="banned-title">
        <h2 id="banned-title">Banned users</h2>
        {banned.length === 0 ? (
          <div className="empty">Nobody is banned.</div>
        ) : (
          <table className="data-table">
            <tbody>
              {banned.map((u) => (
                <tr key={u.id}>
                  <td>{u.displayName}</td>
                  <td>{u.banReason}</td>
                  <td>
                    <ReasonAction label="Unban" fields={{ userId: u.id }} action={unbanUserAction} needsReason={false} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </>
  );
}
