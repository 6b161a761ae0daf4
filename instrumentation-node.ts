// A bad environment stops start-up here, with a message naming each variable, instead of
// surfacing later as a confusing request error.
import { EnvError, getEnv } from "@/lib/server/env";

try {
  getEnv();
} catch (err) {
  if (err instanceof EnvError) {
    console.error(err.message);
    process.exit(1);
  }
  throw err;
}
