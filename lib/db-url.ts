/**
 * Connection settings from a mysql:// (or mariadb://) URL. The app's pool, the tests' and the
 * benchmarks' connections all read DATABASE_URL-style URLs the same way through this.
 */
export function connectionFromUrl(url: string) {
  const u = new URL(url);
  const database = decodeURIComponent(u.pathname.slice(1));
  return {
    host: u.hostname,
    port: Number(u.port || 3306),
    user: decodeURIComponent(u.username),
    password: decodeURIComponent(u.password),
    ...(database ? { database } : {}),
  };
}
