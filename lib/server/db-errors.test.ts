import { describe, expect, it } from "vitest";
import { isConnectionError } from "./db-errors";

describe("isConnectionError", () => {
  it("recognises lost and refused connections, directly or wrapped", () => {
    expect(
      isConnectionError(
        Object.assign(new Error("(conn:12, no: 45009, SQLState: 08S01) socket has unexpectedly been closed"), { fatal: true }),
      ),
    ).toBe(true);
    expect(
      isConnectionError(Object.assign(new Error("Raw query failed. Code: `45009`."), { code: "P2010", meta: { code: "45009" } })),
    ).toBe(true);
    expect(
      isConnectionError(
        new Error("outer", { cause: Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:3306"), { code: "ECONNREFUSED" }) }),
      ),
    ).toBe(true);
    expect(isConnectionError(Object.assign(new Error("Connection was killed"), { errno: 1927 }))).toBe(true);
    expect(isConnectionError(new Error("retrieve connection from pool timeout after 10001ms"))).toBe(true);
  });

  it("leaves query errors alone", () => {
    expect(
      isConnectionError(Object.assign(new Error("Duplicate entry 'x' for key 'PRIMARY'"), { errno: 1062, code: "ER_DUP_ENTRY" })),
    ).toBe(false);
    expect(isConnectionError(Object.assign(new Error("Unique constraint failed"), { code: "P2002" }))).toBe(false);
    expect(isConnectionError(new Error("Something else"))).toBe(false);
    expect(isConnectionError(null)).toBe(false);
  });
});
