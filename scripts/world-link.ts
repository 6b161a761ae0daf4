// `npm run world-link -- <world id>`: the `assign` parameter that places whoever follows the link
// in that world of the running study (lib/worlds/world-link.ts), for designs that assign people
// themselves. Append it to the study URL: https://<host>/?PROLIFIC_PID=…&assign=<token>.
import { z } from "zod";
import { closeDb } from "@/lib/server/db";
import { ActionError } from "@/lib/server/errors";
import { getRunningStudy } from "@/lib/worlds/studies";
import { worldLinkToken } from "@/lib/worlds/world-link";

const argsSchema = z.tuple([z.coerce.number().int().positive()]);

async function main() {
  const args = argsSchema.safeParse(process.argv.slice(2));
  if (!args.success) throw new Error("usage: npm run world-link -- <world id of the running study>");
  const [worldId] = args.data;
  const study = await getRunningStudy();
  const world = study.worlds.find((w) => w.id === worldId);
  if (!world) throw new Error(`world ${worldId} is not in the running study (${study.worlds.map((w) => `${w.id} ${w.name}`).join(", ")})`);
  console.log(`assign=${worldLinkToken(study.id, world.id)}`);
  await closeDb();
}

main().catch(async (err: unknown) => {
  const unsigned = err instanceof ActionError && err.code === "NOT_CONFIGURED";
  // The link is signed with the server's own secret, so it must be the same one the server runs with.
  console.error(
    unsigned
      ? "Set NEXTAUTH_SECRET (or EXPORT_HASH_SALT) as the server has it: links are signed with it."
      : err instanceof Error
        ? err.message
        : err,
  );
  await closeDb().catch(() => {});
  process.exit(1);
});
