// Import this FIRST in a test file whose tests change shared state (settings, the current day):
// the file then gets a database of its own, migrated before lib/server/db is first imported. Vitest
// runs each file in its own process, so the rest of the suite never sees these changes.
import { afterAll } from "vitest";
import { resetEnvForTests } from "@/lib/server/env";
import { dropDatabase, migrate, newTestDatabase } from "./db";

const own = newTestDatabase("iso");
migrate(own.url);
process.env.DATABASE_URL = own.url;
resetEnvForTests();

afterAll(async () => {
  await dropDatabase(own.name);
});
