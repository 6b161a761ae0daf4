// `npm run replay -- <image id>`: regenerates a recorded image on the configured engine
// (IMAGE_ENGINE and its settings, as the server has them) with the parameters recorded on it, and
// prints whether the result is pixel-identical or how far it differs (lib/creating/replay.ts).
// Nothing of the original is touched; the replay is recorded in the audit log.
import { z } from "zod";
import { replayAudited } from "@/lib/creating/replay";
import { getImageEngine } from "@/lib/imagegen";
import { closeDb } from "@/lib/server/db";
import { ActionError } from "@/lib/server/errors";
import { getStorage } from "@/lib/storage";

const argsSchema = z.tuple([z.coerce.number().int().positive().max(2_147_483_647)]);

async function main() {
  const args = argsSchema.safeParse(process.argv.slice(2));
  if (!args.success) throw new Error("usage: npm run replay -- <image id>");
  const report = await replayAudited(null, args.data[0], { engine: getImageEngine(), storage: getStorage() });
  console.log(
    report.identical
      ? `image ${report.imageId}: identical (${report.engine}, ${report.engineMs} ms)`
      : `image ${report.imageId}: differs: mean absolute difference ${report.meanAbsoluteDifference.toFixed(2)} of 255, ${(report.changedShare * 100).toFixed(1)} % of pixels changed (${report.engine}, ${report.engineMs} ms)`,
  );
  console.log(JSON.stringify({ recorded: report.recorded, replayed: report.replayed }, null, 2));
  await closeDb();
}

main().catch(async (err: unknown) => {
  console.error(
    err instanceof ActionError
      ? `refused: ${err.code}${err.detail ? ` (${JSON.stringify(err.detail)})` : ""}`
      : err instanceof Error
        ? err.message
        : err,
  );
  await closeDb().catch(() => {});
  process.exit(1);
});
