// One migrated throwaway database per test run, dropped afterwards; and the image worker built
// from the current sources, since generation runs on it.
import { buildImageWorker } from "@/scripts/image-worker";
import { dropDatabase, migrate, newTestDatabase } from "./db";

export default async function setup() {
  await buildImageWorker();
  const db = newTestDatabase("run");
  migrate(db.url);
  process.env.DATABASE_URL = db.url;
  return async () => {
    await dropDatabase(db.name);
  };
}
