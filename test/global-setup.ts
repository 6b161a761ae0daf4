// One migrated throwaway database per test run, dropped afterwards.
import { dropDatabase, migrate, newTestDatabase } from "./db";

export default async function setup() {
  const db = newTestDatabase("run");
  migrate(db.url);
  process.env.DATABASE_URL = db.url;
  return async () => {
    await dropDatabase(db.name);
  };
}
