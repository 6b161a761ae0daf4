// Seeds the history server's empty database: the bundled seed, stored, and an OPEN day dated
// yesterday (UTC, the e2e servers' zone), so that day has ended and the rollover may close it.
import { mkdir, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import mariadb from "mariadb";
import sharp from "sharp";

const url = new URL(process.env.DATABASE_URL);
const dir = process.env.STORAGE_LOCAL_DIR;
const png = await sharp("public/default-seed.png").png().toBuffer();
const files = { "seeds/default-seed.png": png, "seeds/default-seed.thumb.webp": await sharp(png).resize(512).webp().toBuffer() };
for (const [key, body] of Object.entries(files)) {
  await mkdir(dirname(join(dir, key)), { recursive: true });
  await writeFile(join(dir, key), body);
}
const conn = await mariadb.createConnection({
  host: url.hostname,
  port: Number(url.port || 3306),
  user: decodeURIComponent(url.username),
  password: decodeURIComponent(url.password),
  database: url.pathname.slice(1),
});
const [{ n }] = await conn.query("SELECT COUNT(*) AS n FROM Day");
if (Number(n) === 0) {
  const seed = await conn.query(
    "INSERT INTO Image (prompt, status, resultKey, thumbKey, width, height, provider, model) VALUES ('The first seed: a sunset over mountains and a lake.', 'SEED', 'seeds/default-seed.png', 'seeds/default-seed.thumb.webp', 1536, 1024, 'bundled', 'default-seed')",
  );
  // Study 1's world 1, which the migration made.
  await conn.query("INSERT INTO Day (worldId, date, seedImageId) VALUES (1, UTC_DATE() - INTERVAL 1 DAY, ?)", [seed.insertId]);
}
await conn.end();
