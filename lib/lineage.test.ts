import { describe, expect, it } from "vitest";
import { makeUser } from "@/test/fixtures";
import { db } from "./db";
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

  it("shows drafts only to their maker and hidden images only to admins", async () => {
    const maker = await makeUser();
    const draft = { status: "DRAFT", hiddenAt: null, creatorId: maker.id };
    expect(canView(draft, maker.id, false)).toBe(true);
    expect(canView(draft, maker.id + 1, false)).toBe(false);
    expect(canView(draft, null, false)).toBe(false);
    const hidden = { status: "SUBMITTED", hiddenAt: new Date(), creatorId: maker.id };
    expect(canView(hidden, maker.id, false)).toBe(false);
    expect(canView(hidden, null, true)).toBe(true);
    expect(canView({ status: "SEED", hiddenAt: null, creatorId: null }, null, false)).toBe(true);
  });
});
