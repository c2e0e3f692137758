import { beforeAll, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { defaultPack } from '@/lib/pack/default-pack';
import { addStatus, deleteThesis, importPack } from '@/lib/checklist/theses';
import type { ChecklistState } from '@/lib/checklist/records';

/**
 * Writes that commit or change nothing (issue 9, part 4), on the background's store with a
 * storage backend that fails like `storage.local` over its quota: the in-memory state, the
 * stored data and what sync is told stay exactly as they were.
 */

type Store = typeof import('@/entrypoints/background/checklist-store');
let store: Store;
const local = fakeBrowser.storage.local;
const realSet = local.set.bind(local);
/** Bytes the fake storage holds at most, like the browser's quota. */
let quota = Infinity;

beforeAll(async () => {
  (globalThis as { chrome?: unknown }).chrome = fakeBrowser;
  local.set = (async (items: Record<string, unknown>) => {
    const current = await local.get(null);
    const bytes = new TextEncoder().encode(JSON.stringify({ ...current, ...items })).length;
    if (bytes > quota) throw new Error('Resource::kQuotaBytes quota exceeded');
    return realSet(items);
  }) as typeof local.set;
  store = await import('@/entrypoints/background/checklist-store');
  store.watchStore();
});

const storedTheses = async () => (await local.get(store.THESES_KEY))[store.THESES_KEY] as ChecklistState | undefined;
const addNote = (note: string) =>
  store.mutate((snapshot) => ({ theses: addStatus(snapshot.theses, { thesisId: defaultPack.id, itemId: defaultPack.items[0]!.id, date: '2026-06-01', status: 'on-track', note }, store.clock(), defaultPack).state, result: note }));

/** A valid pack of about `bytes` (long item descriptions). */
/** A valid pack of about `bytes` (within the pack limits: at most 80 items, under 2 MB). */
function bigPack(id: string, bytes: number) {
  const count = 80;
  const filler = 'x'.repeat(Math.ceil(bytes / count));
  const items = Array.from({ length: count }, (_, i) => ({
    ...defaultPack.items[0]!,
    id: `item-${i}`,
    description: filler,
  }));
  return { ...defaultPack, id, title: `Big ${id}`, items };
}

describe('a write the browser refuses changes nothing', () => {
  it('an import over the quota: error, state and storage unchanged, nothing announced; later edits still save', async () => {
    await addNote('before the import');
    const before = JSON.stringify(await storedTheses());
    const snapshotBefore = await store.readSnapshot();
    quota = new TextEncoder().encode(JSON.stringify(await local.get(null))).length + 50_000;
    let announced = 0;
    const stop = store.onPacksChanged(() => announced++);
    const pack = bigPack('big-import', 200_000);
    await expect(
      store.mutate((snapshot) => {
        const outcome = importPack(snapshot.theses, pack, 'keep-both', store.clock());
        if (outcome.status !== 'imported') throw new Error(outcome.status);
        return { theses: outcome.state, result: outcome.id };
      }),
    ).rejects.toThrow(/^Not saved: the browser's storage for Thesis Lens is full .*Nothing was changed/);
    stop();
    expect(announced).toBe(0); // so sync pushes nothing
    expect(JSON.stringify(await storedTheses())).toBe(before);
    const snapshotAfter = await store.readSnapshot();
    expect(snapshotAfter).toBe(snapshotBefore);
    expect(snapshotAfter.theses.theses.map((thesis) => thesis.id)).toEqual([defaultPack.id]);

    // The next (small) edit saves, and shows what was saved.
    await addNote('after the failed import');
    const notes = (await storedTheses())!.theses[0]!.entries.map((entry) => entry.note);
    expect(notes).toEqual(['before the import', 'after the failed import']);
    quota = Infinity;
  });

  it('a failing edit is not shown as saved: the next read has the stored state', async () => {
    quota = 0;
    await expect(addNote('never stored')).rejects.toThrow(/Not saved/);
    quota = Infinity;
    const notes = (await store.readSnapshot()).theses.theses[0]!.entries.map((entry) => entry.note);
    expect(notes).not.toContain('never stored');
  });
});

describe('size limits before anything is written', () => {
  it('a change that would make the checklist bigger than the limit is refused with the sizes, before writing', async () => {
    const before = JSON.stringify(await storedTheses());
    let writes = 0;
    const counting = local.set;
    local.set = (async (items: Record<string, unknown>) => {
      writes++;
      return counting(items);
    }) as typeof local.set;
    try {
      await expect(
        store.mutate((snapshot) => {
          // Each pack is within a pack file's limit (2 MB); six of them are not within the store's.
          let theses = snapshot.theses;
          for (let n = 0; n < 6; n++) {
            const outcome = importPack(theses, bigPack(`too-big-${n}`, 1_500_000), 'keep-both', store.clock());
            if (outcome.status !== 'imported') throw new Error(`${outcome.status}: ${JSON.stringify(outcome).slice(0, 300)}`);
            theses = outcome.state;
          }
          return { theses, result: undefined };
        }),
      ).rejects.toThrow(/^Not saved: the checklist would take \d+\.\d MB, more than the 8\.0 MB Thesis Lens keeps in this browser\. Nothing was changed\.$/);
    } finally {
      local.set = counting;
    }
    expect(writes).toBe(0);
    expect(JSON.stringify(await storedTheses())).toBe(before);
  });
});

describe('pack files', () => {
  it('an 11 MB pack file is refused, with its size, before it is parsed or written', async () => {
    const { checklistHandlers } = await import('@/entrypoints/background/checklist');
    const before = JSON.stringify(await local.get(null));
    const pack = JSON.stringify(bigPack('eleven-mb', 100_000));
    // The same valid pack, padded with white space to 11 MB.
    const text = pack + ' '.repeat(11_000_000 - pack.length);
    const reply = await checklistHandlers['checklist/import-pack']({ text, onConflict: 'keep-both' }, {} as never, { kind: 'extension-page', url: 'chrome-extension://x/options.html', tabId: null });
    expect(reply).toEqual({ status: 'invalid', problems: [expect.stringMatching(/^\(file\): 1\d\.\d MB, more than the 2\.0 MB a pack file may have; nothing was changed$/)] });
    expect(JSON.stringify(await local.get(null))).toBe(before);
  });
});

describe('tombstones', () => {
  it('deleting a thesis keeps no pack body, and works when storage is nearly full', async () => {
    const id = await store.mutate((snapshot) => {
      const outcome = importPack(snapshot.theses, bigPack('to-delete', 300_000), 'keep-both', store.clock());
      if (outcome.status !== 'imported') throw new Error(outcome.status);
      return { theses: outcome.state, result: outcome.id };
    });
    // The store is full now: anything bigger fails, but deleting makes it smaller.
    quota = new TextEncoder().encode(JSON.stringify(await local.get(null))).length + 100;
    await store.mutate((snapshot) => ({ theses: deleteThesis(snapshot.theses, id, store.clock()), result: undefined }));
    quota = Infinity;
    const tombstone = (await storedTheses())!.theses.find((thesis) => thesis.id === id)!;
    expect(tombstone.meta.deleted).toBe(true);
    expect(tombstone.base).toEqual({ kind: 'deleted' });
    expect(JSON.stringify(tombstone).length).toBeLessThan(400);
  });
});

describe('corrupted records are quarantined, never deleted', () => {
  it('a thesis with one bad date is set aside on read, kept through the next write, and listed', async () => {
    const current = (await storedTheses())!;
    const good = current.theses[0]!;
    const bad = { ...JSON.parse(JSON.stringify(good)), id: 'mine-with-bad-date', base: { kind: 'pack', pack: { ...defaultPack, id: 'mine-with-bad-date' }, updatedAt: '2026-01-01T00:00:00.000Z' } };
    bad.entries = [{ ...good.entries[0], id: 'e-bad', date: 'not-a-date' }];
    await local.set({ [store.THESES_KEY]: { theses: [...current.theses, bad] } });
    await expect.poll(async () => (await store.readSnapshot()).problems.some((problem) => problem.includes('"mine-with-bad-date"'))).toBe(true);

    await addNote('a write after the corruption');
    const stored = await local.get([store.THESES_KEY, store.QUARANTINE_KEY]);
    expect((stored[store.THESES_KEY] as ChecklistState).theses.map((thesis) => thesis.id)).not.toContain('mine-with-bad-date');
    const kept = stored[store.QUARANTINE_KEY] as Array<{ reason: string; raw: unknown }>;
    expect(kept).toHaveLength(1);
    expect(kept[0]!.raw).toEqual(bad);
    expect(kept[0]!.reason).toMatch(/"mine-with-bad-date" is corrupted and was set aside, not deleted/);

    // Shown on the checklist page from then on (read again from storage).
    const fresh = await store.readSnapshot();
    expect(fresh.problems.some((problem) => /^Kept aside since \d{4}-\d{2}-\d{2}: .*mine-with-bad-date/.test(problem))).toBe(true);
  });
});
