import browser from 'webextension-polyfill';
import type { Handlers } from './router';
import type { LensCommand } from '@/lib/messages/lens';
import type { ResponseOf } from '@/lib/messages';
import { defaultPack } from '@/lib/pack/default-pack';
import { today } from '@/lib/pack/status';
import type { ThesisPack } from '@/lib/pack/schema';
import type { ChecklistOverview, ThesisSummary } from '@/lib/messages/checklist';
import { liveUserEntries, orphanedUserEntries } from '@/lib/checklist/merge';
import {
  addStatus,
  changedFields,
  ChecklistError,
  createThesis,
  deleteThesis,
  duplicateThesis,
  editItem,
  editThesis,
  effectiveTheses,
  enabledPacks,
  exportPack,
  importPack,
  removeItem,
  undoLastStatus,
} from '@/lib/checklist/theses';
import { clock, mutate, onPacksChanged, readSnapshot, watchStore, type Snapshot } from './checklist-store';
import { feedHandlers, feedView, setUpFeeds } from './feeds';
import { readSyncView, setUpSync } from './sync';

/**
 * The checklist feature in the background: the theses (bundled, the user's own, feeds), the
 * user's status updates and edits, packs in and out. It is the single writer of that data;
 * pages and the sidebar ask through these messages.
 */

export { onPacksChanged };

export function effectiveOf(snapshot: Snapshot, thesisId: string): ThesisPack {
  const view = effectiveTheses(snapshot.theses, defaultPack, snapshot.feeds.feeds).find((candidate) => candidate.record.id === thesisId);
  if (!view) throw new ChecklistError(`No thesis "${thesisId}".`);
  if (!view.pack) throw new ChecklistError(`"${thesisId}" has no content yet (its feed has not been fetched).`);
  return view.pack;
}

async function overview(): Promise<ChecklistOverview> {
  const snapshot = await readSnapshot();
  const feeds = snapshot.feeds.feeds;
  const live = effectiveTheses(snapshot.theses, defaultPack, feeds).flatMap(({ record, pack }) => (record.base.kind === 'deleted' ? [] : [{ record: { ...record, base: record.base }, pack }]));
  const theses: ThesisSummary[] = live.map(({ record, pack }) => ({
    id: record.id,
    title: pack?.title ?? record.meta.title ?? record.id,
    enabled: record.meta.enabled,
    baseKind: record.base.kind,
    feedUrl: record.base.kind === 'feed' ? record.base.url : undefined,
    feedLayers: feeds.filter((feed) => feed.pack?.id === record.id && !(record.base.kind === 'feed' && record.base.url === feed.url)).map((feed) => feed.url),
    pack: pack ?? null,
    // The first status of an item the user added is not undoable (removing the item is).
    undoable: (pack?.items ?? []).filter((item) => liveUserEntries(record.entries, item.id).length > (record.itemEdits[item.id]?.added ? 1 : 0)).map((item) => item.id),
    orphans: pack ? [...orphanedUserEntries(record, pack)].map(([itemId, entries]) => ({ itemId, entries: entries.map(({ date, status, note }) => ({ date, status, note })) })) : [],
  }));
  // Until the page has a place of its own for them, orphaned entries are listed with the problems.
  const orphanNotes = theses.flatMap((thesis) =>
    thesis.orphans.map(({ itemId, entries }) => {
      const last = entries[entries.length - 1]!;
      return `"${thesis.title}": ${entries.length === 1 ? 'your status update is' : `${entries.length} of your status updates are`} for item "${itemId}", which its pack no longer has (renamed or removed by its source); kept. Latest: ${last.date}, ${last.status}: ${last.note}`;
    }),
  );
  return { theses, feeds: feeds.map(feedView), sync: await readSyncView(), problems: [...snapshot.problems, ...orphanNotes] };
}

const mergedPacks = new WeakMap<Snapshot, ThesisPack[]>();

/** The packs the pipeline uses now. Asked before every scan of every page: merged once per version of the stored data. */
export async function effectivePacks(): Promise<ThesisPack[]> {
  const snapshot = await readSnapshot();
  let packs = mergedPacks.get(snapshot);
  if (!packs) mergedPacks.set(snapshot, (packs = enabledPacks(snapshot.theses, defaultPack, snapshot.feeds.feeds)));
  return packs;
}

type ImportReply = ResponseOf<'checklist/import-pack'>;

/** The largest pack file taken (the bundled pack is ~60 KB; a feed may be 1 MB): refused before it is read. */
export const MAX_PACK_FILE_BYTES = 2_000_000;

type ChecklistMessage =
  | 'checklist/effective-packs'
  | 'checklist/overview'
  | 'checklist/add-status'
  | 'checklist/undo-status'
  | 'checklist/create-thesis'
  | 'checklist/edit-thesis'
  | 'checklist/duplicate-thesis'
  | 'checklist/delete-thesis'
  | 'checklist/edit-item'
  | 'checklist/remove-item'
  | 'checklist/export-pack'
  | 'checklist/import-pack';

export const checklistHandlers: Handlers<ChecklistMessage> & typeof feedHandlers = {
  'checklist/effective-packs': async () => ({ packs: await effectivePacks() }),

  'checklist/overview': overview,

  'checklist/add-status': (update) =>
    mutate((snapshot) => {
      const { state, entry } = addStatus(snapshot.theses, update, clock(), effectiveOf(snapshot, update.thesisId));
      return { theses: state, result: { entryId: entry.id } };
    }),

  'checklist/undo-status': ({ thesisId, itemId }) =>
    mutate((snapshot) => {
      const { state, removed } = undoLastStatus(snapshot.theses, thesisId, itemId, clock());
      return { theses: state, result: { removed: removed !== undefined } };
    }),

  'checklist/create-thesis': (input) =>
    mutate((snapshot) => {
      const made =
        'templateId' in input
          ? createThesis(snapshot.theses, { title: input.title, template: effectiveOf(snapshot, input.templateId) }, clock(), today())
          : createThesis(snapshot.theses, input, clock(), today());
      return { theses: made.state, result: { id: made.id } };
    }),

  'checklist/edit-thesis': ({ id, ...patch }) =>
    mutate((snapshot) => ({ theses: editThesis(snapshot.theses, id, patch, clock()), result: {} })),

  'checklist/duplicate-thesis': ({ id }) =>
    mutate((snapshot) => {
      const made = duplicateThesis(snapshot.theses, id, effectiveOf(snapshot, id), clock());
      return { theses: made.state, result: { id: made.id } };
    }),

  'checklist/delete-thesis': ({ id }) => mutate((snapshot) => ({ theses: deleteThesis(snapshot.theses, id, clock()), result: {} })),

  'checklist/edit-item': ({ thesisId, itemId, patch, base }) =>
    mutate((snapshot) => {
      const effective = effectiveOf(snapshot, thesisId);
      const changed = changedFields(patch, base, effective.items.find((item) => item.id === itemId));
      // Nothing changed relative to what the editor showed: nothing to write.
      if (base && !Object.keys(changed).length) return { result: {} };
      return { theses: editItem(snapshot.theses, thesisId, itemId, changed, clock(), effective, today()), result: {} };
    }),

  'checklist/remove-item': ({ thesisId, itemId }) =>
    mutate((snapshot) => ({ theses: removeItem(snapshot.theses, thesisId, itemId, clock(), effectiveOf(snapshot, thesisId)), result: {} })),

  'checklist/export-pack': async ({ id }) => exportPack(effectiveOf(await readSnapshot(), id)),

  'checklist/import-pack': ({ text, onConflict }) => {
    const bytes = new TextEncoder().encode(text).length;
    if (bytes > MAX_PACK_FILE_BYTES) {
      const mb = (n: number) => `${(n / 1_000_000).toFixed(1)} MB`;
      return { status: 'invalid', problems: [`(file): ${mb(bytes)}, more than the ${mb(MAX_PACK_FILE_BYTES)} a pack file may have; nothing was changed`] };
    }
    return mutate<ImportReply>((snapshot) => {
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch (error) {
        return { result: { status: 'invalid' as const, problems: [`(file): not JSON: ${error instanceof Error ? error.message : String(error)}`] } };
      }
      const outcome = importPack(snapshot.theses, json, onConflict, clock());
      if (outcome.status !== 'imported') return { result: outcome };
      return { theses: outcome.state, result: { status: 'imported' as const, id: outcome.id } };
    });
  },

  ...feedHandlers,
};

const RESCAN_DELAY_MS = 300;
let rescanTimer: ReturnType<typeof setTimeout> | undefined;

/**
 * Pages where the lens runs read the packs again when they change (a status updated on the
 * checklist page, a feed refresh, sync from another browser): the item badges follow. Only the
 * lens listens for `lens/rescan`; tabs without it simply do not answer.
 */
function rescanOpenPages(): void {
  clearTimeout(rescanTimer);
  rescanTimer = setTimeout(async () => {
    const command: LensCommand = { type: 'lens/rescan' };
    for (const tab of await browser.tabs.query({})) {
      if (tab.id !== undefined) browser.tabs.sendMessage(tab.id, command).catch(() => undefined);
    }
  }, RESCAN_DELAY_MS);
}

export function setUpChecklist(): void {
  onPacksChanged(rescanOpenPages);
  watchStore();
  setUpFeeds();
  setUpSync();
}
