// A long study's worth of rows for the benchmarks that need scale: 1,000 days, 100,000 images and
// 1,000,000 votes by 10,000 users, written straight from MariaDB's sequence tables in seconds.
// With `worlds` > 1 the same rows are spread over that many worlds of study 1, day after day in
// turn, each world with its own timeline ending in one open day: the same data size, split.
import type mariadb from "mariadb";

export const DAYS = 1000;
export const IMAGES_PER_DAY = 100;
export const USERS = 10_000;
export const VOTES_PER_IMAGE = 10;

export async function seedHistory(conn: mariadb.Connection, { worlds = 1 }: { worlds?: number } = {}) {
  if (DAYS % worlds !== 0) throw new RangeError(`${DAYS} days do not split into ${worlds} worlds`);
  const images = DAYS * IMAGES_PER_DAY;
  const perWorld = DAYS / worlds;
  // Bulk rows straight from MariaDB's sequence tables; foreign keys are checked by the app's own
  // tests, here they would only make the seeding slower.
  await conn.query("SET FOREIGN_KEY_CHECKS = 0, UNIQUE_CHECKS = 0");
  // Study 1 and its world 1 come with the migrations; the other worlds join it.
  if (worlds > 1)
    await conn.query(
      `INSERT INTO World (id, studyId, position, name, weight) SELECT seq, 1, seq, CONCAT('World ', seq), 1 FROM seq_2_to_${worlds}`,
    );
  await conn.query(
    `INSERT INTO User (id, displayName, participantId) SELECT seq, CONCAT('u', seq), CONCAT('bench-', seq) FROM seq_1_to_${USERS}`,
  );
  await conn.query(`INSERT INTO Image (id, dayId, parentId, creatorId, prompt, status, resultKey, thumbKey, width, height, provider, model, upvotes, downvotes, submittedAt, createdAt)
    SELECT seq, (seq - 1) DIV ${IMAGES_PER_DAY} + 1, NULL, (seq * 7) MOD ${USERS} + 1, CONCAT('prompt ', seq), 'SUBMITTED', 'r.png', 't.webp', 1024, 1024, 'offline', 'bench', 0, 0,
           NOW(3) - INTERVAL (${images} - seq) MINUTE, NOW(3) - INTERVAL (${images} - seq) MINUTE
    FROM seq_1_to_${images}`);
  // Each image gets votes from ${VOTES_PER_IMAGE} distinct users (k * 1000 apart), up or down.
  await conn.query(`INSERT INTO Vote (userId, imageId, value, position, talliesVisible, createdAt, updatedAt)
    SELECT ((seq - 1) MOD ${images} + ((seq - 1) DIV ${images}) * 1000) MOD ${USERS} + 1, (seq - 1) MOD ${images} + 1,
           IF((seq * 2654435761) MOD 5 < 3, 1, -1), 0, 0, NOW(3), NOW(3)
    FROM seq_1_to_${images * VOTES_PER_IMAGE}`);
  await conn.query(`UPDATE Image i JOIN (SELECT imageId, SUM(value = 1) AS up, SUM(value = -1) AS down FROM Vote GROUP BY imageId) v ON v.imageId = i.id
    SET i.upvotes = v.up, i.downvotes = v.down`);
  // Day `seq` is world ((seq − 1) mod worlds) + 1's day number (seq − 1) div worlds + 1; a world's
  // day is seeded by the first image of its previous day (seq − worlds), and each world's last day
  // (yesterday) is the one left open.
  await conn.query(`INSERT INTO Day (id, worldId, date, status, seedImageId, winnerImageId, openedAt, closedAt)
    SELECT seq, (seq - 1) MOD ${worlds} + 1, UTC_DATE() - INTERVAL (${perWorld} - (seq - 1) DIV ${worlds}) DAY,
           IF(seq > ${DAYS - worlds}, 'OPEN', 'CLOSED'), GREATEST(1, (CAST(seq AS SIGNED) - ${worlds} - 1) * ${IMAGES_PER_DAY} + 1),
           IF(seq > ${DAYS - worlds}, NULL, (seq - 1) * ${IMAGES_PER_DAY} + 1), NOW(3), IF(seq > ${DAYS - worlds}, NULL, NOW(3))
    FROM seq_1_to_${DAYS}`);
  await conn.query("SET FOREIGN_KEY_CHECKS = 1, UNIQUE_CHECKS = 1");
  await conn.query("ANALYZE TABLE Image, Vote, Day, User, World");
}
