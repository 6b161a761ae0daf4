// `npm run rollover`: closes every world's days that have ended in APP_TIME_ZONE and opens the next, the
// same code as GET /api/cron/rollover. Run it from cron or a systemd timer on a Node host (see
// README, "Daily rollover"); running it early or twice does nothing.
import { closeDb } from "@/lib/server/db";
import { runRollover } from "@/lib/rollover/rollover";

async function main() {
  const { today, closed, idle } = await runRollover();
  if (idle?.reason === "NOT_DUE") console.log(`Nothing was due: the open day (${idle.openDay}) ends at ${idle.dueAt}; today is ${today}.`);
  if (idle?.reason === "NO_OPEN_DAY") console.log("Nothing was due: no day is open yet (the first visit to the site opens one).");
  if (idle?.reason === "OUT_OF_ORDER") console.log("Stopped: the latest open day is not after the day before it (see the log line above).");
  for (const d of closed) {
    console.log(
      `Closed ${d.date} in world ${d.worldId}: winner ${d.winnerImageId ?? "none (seed carried over)"}, ${d.totalSubmissions} submissions, ${d.totalVotes} votes, ${d.totalParticipants} participants; opened ${d.nextDate}.`,
    );
  }
  await closeDb();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
