// `npm run rollover`: closes every day that has ended in APP_TIME_ZONE and opens the next, the
// same code as GET /api/cron/rollover. Run it from cron or a systemd timer on a Node host (see
// README, "Daily rollover"); running it early or twice does nothing.
import { closeDb } from "@/lib/server/db";
import { runRollover } from "@/lib/rollover/rollover";

async function main() {
  const { today, closed } = await runRollover();
  if (closed.length === 0) console.log(`Nothing to close: the latest open day is today (${today}) or later.`);
  for (const d of closed) {
    console.log(
      `Closed ${d.date}: winner ${d.winnerImageId ?? "none (seed carried over)"}, ${d.totalSubmissions} submissions, ${d.totalVotes} votes, ${d.totalParticipants} participants; opened ${d.nextDate}.`,
    );
  }
  await closeDb();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
