import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { openDB } from 'idb';
import { ClippingsStore, createV1Layout } from '@/entrypoints/background/clippings-db';
import { toAnnotationJson } from '@/lib/clippings/export';
import { V1_THESIS_ID } from '@/lib/clippings/migrations';
import { clipping, draft } from './clippings-fixtures';

let dbCounter = 0;
const freshName = () => `clippings-test-${Date.now()}-${dbCounter++}`;

describe('the clippings store (IndexedDB)', () => {
  it('keeps all 200 clippings when ten tabs save twenty each at the same time', async () => {
    const name = freshName();
    // Ten "tabs": each its own connection, as concurrent message handlers would be.
    const tabs = await Promise.all(Array.from({ length: 10 }, () => ClippingsStore.open({ name })));
    const saves = tabs.flatMap((store, tab) => Array.from({ length: 20 }, (_, i) => store.save(draft(tab * 20 + i))));
    const saved = await Promise.all(saves);
    expect(new Set(saved.map((c) => c.id)).size).toBe(200);
    const reader = await ClippingsStore.open({ name });
    const all = await reader.all();
    expect(all).toHaveLength(200);
    expect(new Set(all.map((c) => c.quote)).size).toBe(200);
    for (const store of [...tabs, reader]) store.close();
  });

  it('keeps its in-memory library right while reads and saves interleave', async () => {
    const name = freshName();
    const store = await ClippingsStore.open({ name });
    await store.all(); // start with a cached (empty) library
    const work: Array<Promise<unknown>> = [];
    for (let n = 0; n < 100; n++) {
      work.push(store.save(draft(n)));
      if (n % 10 === 0) work.push(store.all());
    }
    await Promise.all(work);
    const cached = await store.all();
    expect(cached).toHaveLength(100);
    const fresh = await ClippingsStore.open({ name });
    expect((await fresh.all()).map((c) => c.id).sort()).toEqual(cached.map((c) => c.id).sort());
    const [first] = cached;
    await store.delete(first!.id);
    expect(await store.count()).toBe(99);
    await store.restore(first!);
    const restored = await store.all();
    expect(restored).toHaveLength(100);
    expect(restored).toContainEqual(first);
    const reopened = await ClippingsStore.open({ name });
    expect(await reopened.count()).toBe(100);
    reopened.close();
    store.close();
    fresh.close();
  });

  it('sets a corrupted record aside, reports it, and loads the others', async () => {
    const name = freshName();
    const store = await ClippingsStore.open({ name });
    await store.save(draft(1));
    await store.save(draft(2));
    // Corrupt one record behind the store's back (a bad write, a disk error, an old bug).
    await store.db.put('clippings', { ...clipping(3), quote: 42, selectors: 'nope' });
    await store.db.put('clippings', { id: 'strange', schemaVersion: 99 });
    // Two reads at once find the same broken records: they are set aside once.
    const [all] = await Promise.all([store.all(), store.all()]);
    expect(all.map((c) => c.quote).sort()).toEqual([draft(1).quote, draft(2).quote].sort());
    const problems = await store.problems();
    expect(problems).toHaveLength(2);
    const byId = Object.fromEntries(problems.map((p) => [p.id, p]));
    expect(byId[clipping(3).id]!.reason).toMatch(/quote|selectors/);
    expect(byId[clipping(3).id]!.preview).toContain('"quote":42');
    expect(byId.strange!.reason).toMatch(/unknown schemaVersion 99/);
    // Set aside, not lost, and not reported twice.
    expect(await store.db.count('quarantine')).toBe(2);
    expect(await store.db.count('clippings')).toBe(2);
    store.close();
  });

  it('migrates every clipping of a version 1 database', async () => {
    const name = freshName();
    const v1 = await openDB(name, 1, { upgrade: (db) => createV1Layout(db as unknown as IDBDatabase) });
    const records = Array.from({ length: 50 }, (_, i) => ({
      schemaVersion: 1,
      id: `legacy-${i}`,
      text: `Legacy quote number ${i}`,
      url: `https://www.ft.com/content/${i % 5}#comments`,
      title: `Old story ${i % 5}`,
      savedAt: Date.UTC(2025, 10, 1) + i * 1000,
      itemIds: i % 2 ? ['h200-import-approval'] : [],
      comment: i % 3 ? `comment ${i}` : undefined,
      tags: ' cloud, chips ,,cloud',
      selector: { exact: `Legacy quote number ${i}`, prefix: 'before ', suffix: ' after', start: i * 40, end: i * 40 + 20 },
    }));
    // and one that was already broken in version 1
    for (const record of [...records, { schemaVersion: 1, id: 'legacy-broken', text: '' }]) await v1.put('clippings', record);
    v1.close();

    const store = await ClippingsStore.open({ name });
    const all = await store.all();
    expect(all).toHaveLength(50);
    const first = all.find((c) => c.id === 'legacy-1')!;
    expect(first).toMatchObject({
      schemaVersion: 2,
      quote: 'Legacy quote number 1',
      note: 'comment 1',
      tags: ['cloud', 'chips'],
      items: [{ thesisId: V1_THESIS_ID, itemId: 'h200-import-approval' }],
      stance: 'neutral',
      page: { url: 'https://www.ft.com/content/1', canonicalUrl: 'https://www.ft.com/content/1', site: 'ft.com', title: 'Old story 1' },
    });
    expect(first.selectors[1]).toEqual({ type: 'TextPositionSelector', start: 40, end: 60 });
    expect(first.createdAt).toBe(new Date(Date.UTC(2025, 10, 1) + 1000).toISOString());
    // every stored record is now in the new shape, with the new indexes working
    const raws = (await store.db.getAll('clippings')) as Array<{ schemaVersion: number }>;
    expect(raws.every((r) => r.schemaVersion === 2)).toBe(true);
    expect(await store.forPage('https://www.ft.com/content/3')).toHaveLength(10);
    const problems = await store.problems();
    expect(problems.map((p) => p.id)).toEqual(['legacy-broken']);
    expect(problems[0]!.reason).toMatch(/during upgrade: version 1 record/);
    store.close();
  });

  it('finds a page\'s clippings by the address seen or the canonical one, and counts by item', async () => {
    const store = await ClippingsStore.open({ name: freshName() });
    for (let n = 0; n < 8; n++) await store.save(draft(n));
    const byCanonical = await store.forPage('https://www.reuters.com/technology/story-3/');
    expect(byCanonical.map((c) => c.quote)).toEqual([draft(3).quote]);
    expect(await store.forPage('https://www.reuters.com/technology/story-3/?utm_campaign=x#top')).toHaveLength(1);
    expect(await store.hasClippingsFor('https://www.reuters.com/technology/story-4/')).toBe(true);
    expect(await store.hasClippingsFor('https://www.reuters.com/technology/story-40/')).toBe(false);
    store.close();
  });

  it('updates, deletes and restores (undo)', async () => {
    let tick = Date.UTC(2026, 0, 10);
    const store = await ClippingsStore.open({ name: freshName(), now: () => new Date((tick += 1000)) });
    const saved = await store.save(draft(1));
    const updated = await store.update(saved.id, { note: 'rethink', tags: ['a', 'b'] });
    expect(updated).toMatchObject({ note: 'rethink', tags: ['a', 'b'], quote: saved.quote, createdAt: saved.createdAt });
    expect(updated.updatedAt > saved.updatedAt).toBe(true);
    const deleted = await store.delete(saved.id);
    expect(await store.count()).toBe(0);
    await store.restore(deleted!);
    expect(await store.all()).toEqual([updated]);
    await expect(store.update('missing', { note: 'x' })).rejects.toThrow(/No clipping/);
    store.close();
  });

  describe('import', () => {
    async function storeWithTwo() {
      const store = await ClippingsStore.open({ name: freshName() });
      await store.save(draft(1));
      await store.save(draft(2));
      return store;
    }
    const snapshot = async (store: ClippingsStore) => JSON.stringify(await store.db.getAll('clippings'));

    it('round-trips an export into a clean store and skips duplicates on a second import', async () => {
      const source = await storeWithTwo();
      const json = toAnnotationJson(await source.all());
      const target = await ClippingsStore.open({ name: freshName() });
      expect(await target.importFile(json)).toEqual({ added: 2, duplicates: 0 });
      expect(await target.all()).toEqual(await source.all());
      expect(await target.importFile(json)).toEqual({ added: 0, duplicates: 2 });
      expect(await target.count()).toBe(2);
      source.close();
      target.close();
    });

    it('refuses a file with wrong types, changes nothing, and names the path', async () => {
      const store = await storeWithTwo();
      const before = await snapshot(store);
      const good = JSON.parse(toAnnotationJson([clipping(7), clipping(8)]));
      good.first.items[1].target.selector[0].exact = 12;
      await expect(store.importFile(JSON.stringify(good))).rejects.toThrow(/first\.items\[1\]\.target\.selector\[0\]\.exact/);
      expect(await snapshot(store)).toBe(before);
      store.close();
    });

    it('refuses a 50 MB file before parsing it', async () => {
      const store = await storeWithTwo();
      const before = await snapshot(store);
      const huge = `[${'"x",'.repeat(50 * 1024 * 1024 / 4)}"x"]`;
      await expect(store.importFile(huge)).rejects.toThrow(/over the 20 MB import limit/);
      expect(await snapshot(store)).toBe(before);
      store.close();
    });

    it('refuses a javascript: source or page URL (not text), whole', async () => {
      const store = await storeWithTwo();
      const before = await snapshot(store);
      const badPage = JSON.parse(toAnnotationJson([clipping(7), clipping(8)]));
      badPage.first.items[1].thesisLens.page.url = 'javascript:alert(1)';
      await expect(store.importFile(JSON.stringify(badPage))).rejects.toThrow(/first\.items\[1\]\.thesisLens\.page\.url: expected an http\(s\) URL/);
      const badSource = JSON.parse(toAnnotationJson([clipping(7)]));
      badSource.first.items[0].target.source = 'javascript:alert(1)';
      await expect(store.importFile(JSON.stringify(badSource))).rejects.toThrow(/target\.source: expected an http\(s\) URL/);
      await expect(store.importFile('{ not json')).rejects.toThrow(/not JSON/);
      expect(await snapshot(store)).toBe(before);
      store.close();
    });
  });
});
