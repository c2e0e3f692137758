import browser from 'webextension-polyfill';
import { storage } from 'wxt/utils/storage';
import { SyncViewSchema, type SyncView } from '@/lib/messages/checklist';
import { canonicalRecord, mergeSyncedState, planSyncWrite, readSyncRecords, SYNC_PREFIX } from '@/lib/checklist/sync';
import { mutate, onPacksChanged, readSnapshot } from './checklist-store';

/**
 * The user's theses in `storage.sync` (see lib/checklist/sync.ts for the format). Pushes are
 * debounced (a burst of edits is one write, well under the write-rate limits); changes from
 * the user's other browsers are merged in (newest wins per entry, history is a union).
 * Feed caches and clippings stay local.
 */

const PUSH_DELAY_MS = 3_000;
const PULL_DELAY_MS = 1_000;

const syncStateItem = storage.defineItem<unknown>('local:checklist-sync-state', { fallback: null, version: 1 });
const IDLE: SyncView = { state: 'idle', message: null, at: null, bytes: null };

export async function readSyncView(): Promise<SyncView> {
  const parsed = SyncViewSchema.safeParse(await syncStateItem.getValue());
  return parsed.success ? parsed.data : IDLE;
}

async function setSyncView(view: SyncView): Promise<void> {
  await syncStateItem.setValue(view);
}

function syncArea() {
  return browser.storage.sync as typeof browser.storage.sync | undefined;
}

let pushTimer: ReturnType<typeof setTimeout> | undefined;
let pullTimer: ReturnType<typeof setTimeout> | undefined;
let running: Promise<void> = Promise.resolve();

function serially(task: () => Promise<void>): Promise<void> {
  running = running.then(task).catch((error) => {
    console.warn('Thesis Lens: sync failed.', error);
    void setSyncView({ state: 'error', message: error instanceof Error ? error.message : String(error), at: new Date().toISOString(), bytes: null });
  });
  return running;
}

async function push(): Promise<void> {
  const area = syncArea();
  if (!area) return setSyncView({ ...IDLE, state: 'unavailable', message: 'this browser has no sync storage' });
  const { theses } = await readSnapshot();
  const records = theses.theses.map((record) => ({ id: record.id, value: canonicalRecord(record) }));
  const current = await area.get(null);
  const plan = await planSyncWrite(current, records);
  const at = new Date().toISOString();
  if (plan.full) return setSyncView({ state: 'full', message: `Sync is full: ${plan.reason}. Your checklist is kept on this device.`, at, bytes: plan.bytes });
  // One `set` call per push: the write-rate limits count calls, not keys.
  if (Object.keys(plan.set).length) await area.set(plan.set);
  if (plan.remove.length) await area.remove(plan.remove);
  await setSyncView({ state: 'ok', message: null, at, bytes: plan.bytes });
}

async function pull(): Promise<void> {
  const area = syncArea();
  if (!area) return;
  const { records, problems } = await readSyncRecords(await area.get(null));
  for (const problem of problems) console.warn(`Thesis Lens: ${problem}`);
  if (!records.length) return;
  await mutate((snapshot) => {
    const merged = mergeSyncedState(snapshot.theses, records);
    for (const problem of merged.problems) console.warn(`Thesis Lens: ${problem}`);
    return merged.state === snapshot.theses ? { result: undefined } : { theses: merged.state, result: undefined };
  });
}

export function schedulePush(): void {
  clearTimeout(pushTimer);
  pushTimer = setTimeout(() => void serially(push), PUSH_DELAY_MS);
}

export function setUpSync(): void {
  if (!syncArea()) return;
  onPacksChanged(schedulePush);
  browser.storage.onChanged.addListener((changes, area) => {
    if (area !== 'sync' || !Object.keys(changes).some((key) => key.startsWith(SYNC_PREFIX))) return;
    clearTimeout(pullTimer);
    pullTimer = setTimeout(() => void serially(pull), PULL_DELAY_MS);
  });
  // On start: take what other browsers wrote, then offer ours (writes only what differs).
  void serially(pull).then(schedulePush);
}
