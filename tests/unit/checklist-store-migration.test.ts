import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { defaultPack } from '@/lib/pack/default-pack';
import { addStatus } from '@/lib/checklist/theses';

/**
 * A failed migration of the stored checklist (WXT runs it, logs the failure and hands back the
 * old value): the store must stop writing and say so, not overwrite the old data with a
 * new-version record built from what it could read.
 */

vi.mock('@/lib/checklist/records', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/lib/checklist/records')>()),
  THESES_RECORD_VERSION: 2,
  thesesMigrations: {
    2: () => {
      throw new Error('item 3 has no kind');
    },
  },
}));

describe('a failed migration', () => {
  it('stops writes, says so on the checklist page, and leaves the stored data as it was', async () => {
    const old = { theses: [{ id: 'mine', shape: 'of version 1 that the migration cannot read' }] };
    await fakeBrowser.storage.local.set({ 'checklist-theses': old, 'checklist-theses$': { v: 1 } });
    (globalThis as { chrome?: unknown }).chrome = fakeBrowser;
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    const store = await import('@/entrypoints/background/checklist-store');

    const snapshot = await store.readSnapshot();
    expect(snapshot.problems[0]).toMatch(/^Changes are not being saved: the stored checklist could not be upgraded to version 2 \(item 3 has no kind\)\. Nothing will be written until this is fixed; your data is left as it was\.$/);
    await expect(
      store.mutate((current) => ({ theses: addStatus(current.theses, { thesisId: defaultPack.id, itemId: defaultPack.items[0]!.id, date: '2026-06-01', status: 'at-risk', note: 'x' }, store.clock(), defaultPack).state, result: null })),
    ).rejects.toThrow(/^Not saved: the stored checklist could not be upgraded/);
    expect(await fakeBrowser.storage.local.get(['checklist-theses', 'checklist-theses$'])).toEqual({ 'checklist-theses': old, 'checklist-theses$': { v: 1 } });
    errors.mockRestore();
  });
});
