import { describe, expect, it } from "vitest";
import { distinctWords, tokenize } from "./tokenize";

describe("tokenize", () => {
  it("lowercases, splits on anything but letters, drops short and stop words", () => {
    expect(tokenize("A Red FOX jumps over the lazy dog, in 4K!")).toEqual(["red", "fox", "jumps", "lazy", "dog"]);
    expect(tokenize("don't-stop: sea_shore/mountains...2024")).toEqual(["don", "stop", "sea", "shore", "mountains"]);
  });

  it("keeps Unicode letters and their combining marks together", () => {
    expect(tokenize("Café über Straße")).toEqual(["café", "über", "straße"]);
    // "cafe" + combining acute accent is normalised to the same word.
    expect(tokenize("cafe\u0301")).toEqual(["café"]);
    expect(tokenize("हिन्दी चित्र")).toEqual(["हिन्दी", "चित्र"]);
    expect(tokenize("東京タワーの夜景")).toEqual(["東京タワーの夜景"]);
    expect(tokenize("ΣΟΦΙΑ")).toEqual(["σοφια"]);
  });

  it("keeps repeats, which distinctWords collapses", () => {
    expect(tokenize("cat cat CAT")).toEqual(["cat", "cat", "cat"]);
    expect([...distinctWords("cat cat dog")]).toEqual(["cat", "dog"]);
    expect(tokenize("")).toEqual([]);
  });
});
