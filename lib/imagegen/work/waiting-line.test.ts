import { describe, expect, it } from "vitest";
import { type Waiting, WaitingLine } from "./waiting-line";

type Entry = Waiting & { name: string; told: number[] };

function entry(name: string, accepted = false): Entry {
  const e: Entry = { name, accepted, position: 0, told: [] };
  e.onPosition = (p) => e.told.push(p);
  return e;
}

describe("WaitingLine", () => {
  it("serves accepted work first, then new work, each in arrival order", () => {
    const line = new WaitingLine<Entry>(10);
    for (const e of [entry("n1"), entry("a1", true), entry("n2"), entry("a2", true)]) line.push(e);
    const order: string[] = [];
    for (let e = line.shift(); e; e = line.shift()) order.push(e.name);
    expect(order).toEqual(["a1", "a2", "n1", "n2"]);
  });

  it("refuses new work past its limit, never accepted work", () => {
    const line = new WaitingLine<Entry>(2);
    line.push(entry("n1"));
    line.push(entry("n2"));
    expect(line.full).toBe(true);
    expect(() => line.push(entry("n3"))).toThrow(/full/);
    line.push(entry("a1", true));
    expect([line.size, line.waitingNew]).toEqual([3, 2]);
  });

  it("tells new work its place among new work only, and only when it changes, always downwards", () => {
    const line = new WaitingLine<Entry>(10);
    const [n1, n2, n3] = [entry("n1"), entry("n2"), entry("n3")];
    for (const e of [n1, n2, n3]) line.push(e);
    line.announce();
    line.push(entry("a1", true)); // an accepted step ahead changes nobody's place
    line.announce();
    expect(line.shift()?.name).toBe("a1");
    line.announce();
    expect(line.shift()).toBe(n1);
    line.announce();
    expect(line.remove(n2)).toBe(true);
    line.announce();
    expect([n1.told, n2.told, n3.told]).toEqual([[1], [2, 1], [3, 2, 1]]);
    expect(line.remove(n2)).toBe(false);
  });

  it("goes on when a listener throws", () => {
    const line = new WaitingLine<Entry>(10);
    const bad = entry("bad");
    bad.onPosition = () => {
      throw new Error("listener failed");
    };
    const good = entry("good");
    line.push(bad);
    line.push(good);
    expect(() => line.announce()).not.toThrow();
    expect(good.told).toEqual([2]);
  });
});
