import type { Page } from '@playwright/test';
import { test, expect } from './extension';
import { MANIFEST_KEY, planSyncWrite, readSyncRecords } from '../../lib/checklist/sync';
import type { ThesisRecord } from '../../lib/checklist/records';

/**
 * Sync through `chrome.storage.sync` in the built extension: the user's layer is written in
 * compressed chunks; a change arriving from "another browser" (written here the way that
 * browser's background would) is merged in; a sync area without room leaves data local and
 * says so.
 */

const THESIS = 'alibaba-ai-cloud-h200';

async function syncArea(page: Page): Promise<Record<string, unknown>> {
  return page.evaluate(() => chrome.storage.sync.get(null));
}

async function openChecklist(page: Page, extensionId: string): Promise<void> {
  await page.goto(`chrome-extension://${extensionId}/options.html#thesis=${THESIS}`);
  await expect(page.locator('.tl-card').first()).toBeVisible();
}

test('the user layer goes to sync in chunks, and a change from another browser is merged in', async ({ page, extensionId }) => {
  test.setTimeout(120_000);
  await openChecklist(page, extensionId);
  await page.evaluate(() =>
    chrome.runtime.sendMessage({ type: 'checklist/add-status', payload: { thesisId: 'alibaba-ai-cloud-h200', itemId: 'capex-commitment', date: '2026-11-22', status: 'confirmed', note: 'Written on this browser.' } }),
  );
  // Pushed after a short debounce (the untouched checklist may have been pushed at start-up already).
  const syncedNotes = async () => {
    const { records } = await readSyncRecords(await syncArea(page));
    const record = records.find((candidate) => candidate.id === THESIS)?.value as ThesisRecord | undefined;
    return record?.entries.map((entry) => entry.note) ?? null;
  };
  await expect.poll(syncedNotes, { timeout: 20_000 }).toEqual(['Written on this browser.']);
  await expect(page.locator('.tl-sync')).toContainText('Written to your browser’s sync storage');
  const synced = await syncArea(page);
  expect(Object.keys(synced)).toContain(MANIFEST_KEY);
  const { records, problems } = await readSyncRecords(synced);
  expect(problems).toEqual([]);
  const mine = records.find((record) => record.id === THESIS)!.value as ThesisRecord;

  // Another browser adds an entry and writes its chunks.
  const later = new Date(Date.now() + 60_000).toISOString();
  const remote: ThesisRecord = {
    ...mine,
    entries: [...mine.entries, { id: 'other-browser-1', itemId: 'h200-procurement', date: '2026-11-23', status: 'at-risk', note: 'Written on the laptop.', createdAt: later, updatedAt: later, deleted: false }],
  };
  const plan = await planSyncWrite(synced, records.map((record) => (record.id === THESIS ? { id: THESIS, value: remote } : record)));
  if (plan.full) throw new Error('unexpectedly full');
  await page.evaluate((set) => chrome.storage.sync.set(set), plan.set);

  const card = page.locator('.tl-card[data-item-id="h200-procurement"]');
  await expect(card.locator('.tl-card__note')).toHaveText('Written on the laptop.', { timeout: 20_000 });
  await expect(card.locator('.tl-card__head .tl-status__word')).toHaveText('At risk');
  // This browser's own entry is still there.
  await expect(page.locator('.tl-card[data-item-id="capex-commitment"] .tl-card__note')).toHaveText('Written on this browser.');
});

test('when sync has no room left, the checklist stays local and the page says sync is full', async ({ page, extensionId }) => {
  test.setTimeout(120_000);
  await openChecklist(page, extensionId);
  // Another feature's data fills the area almost to the 100 KB quota.
  await page.evaluate(async () => {
    const filler: Record<string, string> = {};
    for (let i = 0; i < 12; i++) filler[`other-feature-${i}`] = 'x'.repeat(8_150);
    await chrome.storage.sync.set(filler);
  });
  // A long note that deflate cannot shrink: random characters.
  const note = await page.evaluate(async () => {
    const bytes = crypto.getRandomValues(new Uint8Array(4_500));
    const text = btoa(String.fromCharCode(...bytes));
    await chrome.runtime.sendMessage({ type: 'checklist/add-status', payload: { thesisId: 'alibaba-ai-cloud-h200', itemId: 'capex-commitment', date: '2026-11-22', status: 'confirmed', note: text } });
    return text;
  });
  await expect(page.locator('.tl-sync')).toContainText('Sync is full', { timeout: 20_000 });
  // Nothing of it reached sync (an earlier push of the untouched checklist may be there)…
  const { records } = await readSyncRecords(await syncArea(page));
  const inSync = records.flatMap((record) => (record.value as ThesisRecord).entries.map((entry) => entry.note));
  expect(inSync).not.toContain(note);
  // …and it is saved locally.
  await expect(page.locator('.tl-card[data-item-id="capex-commitment"] .tl-card__note')).toHaveText(note);
});
