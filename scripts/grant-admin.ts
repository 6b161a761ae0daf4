// `npm run admin:grant -- <participant id or email> [--revoke]`: give (or take) the admin role.
// Admins can also be granted by configuration (ADMIN_PARTICIPANT_IDS, ADMIN_EMAILS).
import { z } from "zod";
import { closeDb, db } from "@/lib/server/db";
import { participantIdSchema } from "@/lib/validations/participant";

const argsSchema = z.object({
  who: z.union([z.email(), participantIdSchema], { message: "Give a participant id or an email address." }),
  revoke: z.boolean(),
});

async function main() {
  const rest = process.argv.slice(2);
  const parsed = argsSchema.safeParse({ who: rest.find((a) => !a.startsWith("--")) ?? "", revoke: rest.includes("--revoke") });
  if (!parsed.success) {
    console.error(
      `Usage: npm run admin:grant -- <participant id | email> [--revoke]\n${parsed.error.issues.map((i) => i.message).join("\n")}`,
    );
    process.exit(2);
  }
  const { who, revoke } = parsed.data;
  const where = who.includes("@") ? { email: who.toLowerCase() } : { participantId: who };
  const user = await db.user.findUnique({ where, select: { id: true } });
  if (!user) {
    console.error(`No user ${who}: they must sign in once first.`);
    process.exit(1);
  }
  await db.user.update({ where: { id: user.id }, data: { role: revoke ? "PARTICIPANT" : "ADMIN" } });
  console.log(`${who} is now ${revoke ? "a participant" : "an admin"}.`);
  await closeDb();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
