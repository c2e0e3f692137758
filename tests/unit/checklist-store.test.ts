import { beforeAll, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { defaultPack } from '@/lib/pack/default-pack';
import { addStatus } from '@/lib/checklist/theses';
import type { ChecklistState } from '@/lib/checklist/records';

/**
 * The background's store (entrypoints/background/checklist-store.ts) over WXT storage, with
 * WXT's in-memory fake of the extension APIs: versioned records, one writer, a queue that
 * never loses a change, corrupted records reported.
 */

type Store = typeof import('@/entrypoints/background/checklist-store');
let store: Store;

beforeAll(async () => {
  // WXT's storage picks the extension API object up when it is first imported.
  (globalThis as { chrome?: unknown }).chrome = fakeBrowser;
  store = await import('@/entrypoints/background/checklist-store');
  store.watchStore();
});

const add = (note: string, itemId = defaultPack.items[0]!.id) =>
  store.mutate((snapshot) => {
    const { state, entry } = addStatus(snapshot.theses, { thesisId: defaultPack.id, itemId, date: '2026-06-01', status: 'on-track', note }, store.clock(), defaultPack);
    return { theses: state, result: entry.id };
  });

describe('checklist store', () => {
  it('starts with the bundled thesis and stores versioned records', async () => {
    const snapshot = await store.readSnapshot();
    expect(snapshot.theses.theses.map((thesis) => thesis.id)).toEqual([defaultPack.id]);
    await add('first');
    const stored = await fakeBrowser.storage.local.get(null);
    expect((stored[store.THESES_KEY] as ChecklistState).theses[0]!.entries.map((entry) => entry.note)).toEqual(['first']);
    expect(stored[`${store.THESES_KEY}$`]).toMatchObject({ v: 1 });
  });

  it('queues changes: concurrent updates all land', async () => {
    let changes = 0;
    const stop = store.onPacksChanged(() => changes++);
    await Promise.all(Array.from({ length: 10 }, (_, i) => add(`parallel ${i}`)));
    stop();
    const stored = (await fakeBrowser.storage.local.get(store.THESES_KEY))[store.THESES_KEY] as ChecklistState;
    const notes = stored.theses[0]!.entries.map((entry) => entry.note);
    for (let i = 0; i < 10; i++) expect(notes).toContain(`parallel ${i}`);
    expect(changes).toBe(10);
  });

  it('a failed change writes nothing and does not block the next one', async () => {
    const before = JSON.stringify(await fakeBrowser.storage.local.get(store.THESES_KEY));
    await expect(add('x', 'no-such-item')).rejects.toThrow('No item "no-such-item"');
    expect(JSON.stringify(await fakeBrowser.storage.local.get(store.THESES_KEY))).toBe(before);
    await expect(add('after the failure')).resolves.toBeTypeOf('string');
  });

  it('a corrupted record written behind its back is reported and skipped, the rest still works', async () => {
    const current = (await fakeBrowser.storage.local.get(store.THESES_KEY))[store.THESES_KEY] as ChecklistState;
    await fakeBrowser.storage.local.set({ [store.THESES_KEY]: { theses: [...current.theses, { id: 'bad', meta: 42 }] } });
    await expect.poll(async () => (await store.readSnapshot()).problems.length).toBe(1);
    const snapshot = await store.readSnapshot();
    expect(snapshot.problems[0]).toMatch(/^stored thesis #2 "bad" is corrupted and was set aside, not deleted/);
    expect(snapshot.theses.theses.map((thesis) => thesis.id)).toEqual([defaultPack.id]);
  });
});
