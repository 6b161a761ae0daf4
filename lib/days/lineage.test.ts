import { describe, expect, it } from "vitest";
import { makeUser } from "@/test/fixtures";
import { db } from "../server/db";
import { canView, getImagePage, listAncestors } from "./lineage";

const base = { prompt: "x", resultKey: "r.png", thumbKey: "t.webp", width: 30, height: 20, provider: "offline", model: "t" };

describe("lineage", () => {
  it("walks the ancestors back to the first seed, oldest first", async () => {
    const root = await db.image.create({ data: { ...base, prompt: "root", status: "SEED" } });
    let parent = root;
    const chain = [root];
    for (let i = 0; i < 6; i++) {
      parent = await db.image.create({ data: { ...base, prompt: `gen ${i}`, status: "SUBMITTED", parentId: parent.id } });
      chain.push(parent);
    }
    const ancestors = await listAncestors(parent.id);
    expect(ancestors.map((a) => a.id)).toEqual(chain.slice(0, -1).map((c) => c.id));
    expect(await listAncestors(root.id)).toEqual([]);
  });

  it("walks a lineage of 2,500 generations whole, past MySQL's and MariaDB's 1,000-step recursion limits", async () => {
    const n = 2_500;
    const tag = `deep-${Date.now()}`;
    await db.image.createMany({
      data: Array.from({ length: n }, (_, i) => ({
        ...base,
        prompt: `${tag} ${i}`,
        status: i === 0 ? ("SEED" as const) : ("SUBMITTED" as const),
      })),
    });
    const rows = await db.image.findMany({ where: { prompt: { startsWith: tag } }, select: { id: true }, orderBy: { id: "asc" } });
    expect(rows).toHaveLength(n);
    const ids = rows.map((r) => r.id);
    // Each image's parent is the one made before it.
    for (let i = 1; i < n; i += 500) {
      const part = ids.slice(i, i + 500);
      const cases = part.map((id, k) => `WHEN ${id} THEN ${ids[i + k - 1]}`).join(" ");
      await db.$executeRawUnsafe(`UPDATE Image SET parentId = CASE id ${cases} END WHERE id IN (${part.join(",")})`);
    }
    const ancestors = await listAncestors(ids[n - 1]!);
    expect(ancestors).toHaveLength(n - 1);
    expect(ancestors.map((a) => a.id)).toEqual(ids.slice(0, -1));
    // From the middle too, where a leg boundary falls inside the walk.
    expect((await listAncestors(ids[1234]!)).map((a) => a.id)).toEqual(ids.slice(0, 1234));
  });

  it("stops at a cycle a hand-edited database might hold instead of looping", async () => {
    const a = await db.image.create({ data: { ...base, status: "SUBMITTED" } });
    const b = await db.image.create({ data: { ...base, status: "SUBMITTED", parentId: a.id } });
    await db.image.update({ where: { id: a.id }, data: { parentId: b.id } });
    expect((await listAncestors(b.id)).map((x) => x.id)).toEqual([a.id]);
  });

  it("ranks an image's children and leaves out drafts and hidden ones", async () => {
    const seed = await db.image.create({ data: { ...base, status: "SEED" } });
    const good = await db.image.create({ data: { ...base, status: "SUBMITTED", parentId: seed.id, upvotes: 20, downvotes: 1 } });
    const meh = await db.image.create({ data: { ...base, status: "SUBMITTED", parentId: seed.id, upvotes: 2, downvotes: 0 } });
    await db.image.create({ data: { ...base, status: "DRAFT", parentId: seed.id } });
    await db.image.create({ data: { ...base, status: "SUBMITTED", parentId: seed.id, hiddenAt: new Date() } });
    const page = await getImagePage(seed.id);
    expect(page!.children.map((c) => c.id)).toEqual([good.id, meh.id]);
    expect(await getImagePage(2_000_000_000)).toBeNull();
  });

  it("shows drafts only to their maker, hidden images only to admins, and another world's images to nobody but admins", async () => {
    const maker = await makeUser();
    const inWorld = (id: number | null, worldId = 1) => ({ id, worldId });
    const draft = { status: "DRAFT", hiddenAt: null, creatorId: maker.id, day: { worldId: 1 } };
    expect(canView(draft, inWorld(maker.id), false)).toBe(true);
    expect(canView(draft, inWorld(maker.id + 1), false)).toBe(false);
    expect(canView(draft, inWorld(null), false)).toBe(false);
    const hidden = { status: "SUBMITTED", hiddenAt: new Date(), creatorId: maker.id, day: { worldId: 1 } };
    expect(canView(hidden, inWorld(maker.id), false)).toBe(false);
    expect(canView(hidden, inWorld(null), true)).toBe(true);
    // A study's first seed belongs to no day, so to every world.
    expect(canView({ status: "SEED", hiddenAt: null, creatorId: null, day: null }, inWorld(null, 2), false)).toBe(true);
    const elsewhere = { status: "SUBMITTED", hiddenAt: null, creatorId: maker.id, day: { worldId: 2 } };
    expect(canView(elsewhere, inWorld(maker.id + 1, 1), false)).toBe(false);
    expect(canView(elsewhere, inWorld(maker.id + 1, 2), false)).toBe(true);
    expect(canView(elsewhere, inWorld(null, 1), true)).toBe(true);
  });
});
