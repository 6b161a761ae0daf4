import { describe, expect, it } from "vitest";
import { readCookieHeader } from "./cookie-header";

describe("readCookieHeader", () => {
  it("reads names and values around the separators, decoding values and keeping '=' inside them", () => {
    const cookies = readCookieHeader("a=1;  NEXT_LOCALE=ar ;token=x.y=z; q=%C3%A9t%C3%A9");
    expect([...cookies]).toEqual([
      ["a", "1"],
      ["NEXT_LOCALE", "ar"],
      ["token", "x.y=z"],
      ["q", "été"],
    ]);
  });

  it("skips what is not a cookie, a value that does not decode included, and reads a missing header as none", () => {
    expect([...readCookieHeader("=nameless; bare; bad=%E0%A4%A; ok=1")]).toEqual([["ok", "1"]]);
    expect(readCookieHeader(null).size).toBe(0);
    expect(readCookieHeader("").size).toBe(0);
  });
});
