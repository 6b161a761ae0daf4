type StripItem = {
  dateKey: string;
  totalVotes: number;
  image: { id: number; prompt: string; width: number; height: number; thumbUrl: string };
};

/** Past daily winners, newest first; the landing page and /winners share the data (lib/days). */
export function WinnersStrip({ winners }: { winners: StripItem[] }) {
  if (winners.length === 0) {
    return (
      <div className="empty" data-testid="winners-empty">
        No winners yet: the first day is still open. Yours could be the first picture in the lineage.
      </div>
    );
  }
  return (
    <ul className="strip" aria-label="Past winners, newest first" role="list">
      {winners.map((w) => (
        <li key={w.dateKey}>
          <a href={`/images/${w.image.id}`}>
            <div className="figure">
              <div className="frame" style={{ aspectRatio: `${w.image.width} / ${w.image.height}` }}>
                {/* eslint-disable-next-line @next/next/no-img-element -- storage URLs vary per request */}
                <img src={w.image.thumbUrl} alt={w.image.prompt} loading="lazy" decoding="async" />
              </div>
            </div>
            <strong>{w.dateKey}</strong>
            <span className="muted"> · {w.totalVotes} votes</span>
          </a>
        </li>
      ))}
    </ul>
  );
}
