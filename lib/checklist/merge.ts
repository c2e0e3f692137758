import type { HistoryEntry, Item, ThesisPack } from '../pack/schema';
import type { FeedState, ThesisRecord, UserEntry } from './records';

/**
 * Joins a thesis's layers into the effective pack the pipeline and the pages read:
 * base (bundled, created or imported pack, or a feed) + feed layers + the user's layer.
 *
 * - History is the union of every layer's entries, sorted by date; on the same date the
 *   user's entries come after the feed's, which come after the pack's, so the user's word is
 *   the latest status. Each entry keeps its provenance (`origin`, `originUrl`).
 * - An entry repeated by a later layer (a feed republishing the bundled history) appears once.
 * - The user's item edits override the base's fields; a new version of the base or of a feed
 *   never touches the user's layer, so nothing the user wrote is lost.
 */

export interface FeedLayer {
  url: string;
  pack: ThesisPack;
}

export interface UserLayer {
  title?: string;
  description?: string;
  topics?: ThesisPack['topics'];
  entries: UserEntry[];
  itemEdits: ThesisRecord['itemEdits'];
}

const ORIGIN_RANK: Record<HistoryEntry['origin'], number> = { bundled: 0, feed: 1, user: 2 };

function entryKey(entry: HistoryEntry): string {
  return `${entry.date}\u0000${entry.status}\u0000${entry.note}`;
}

function fromFeed(entry: HistoryEntry, url: string): HistoryEntry {
  return { ...entry, origin: 'feed', originUrl: url };
}

/** A user entry as a history entry (origin "user"). */
export function userEntryToHistory(entry: UserEntry): HistoryEntry {
  const out: HistoryEntry = { date: entry.date, status: entry.status, note: entry.note, origin: 'user' };
  if (entry.source) out.source = entry.source;
  return out;
}

/** Sorted by date, then origin rank, then the order the layers gave (stable sort). */
export function sortHistory(entries: HistoryEntry[]): HistoryEntry[] {
  return entries
    .map((entry, index) => ({ entry, index }))
    .sort((a, b) => (a.entry.date < b.entry.date ? -1 : a.entry.date > b.entry.date ? 1 : ORIGIN_RANK[a.entry.origin] - ORIGIN_RANK[b.entry.origin] || a.index - b.index))
    .map(({ entry }) => entry);
}

/** Live user entries of an item, oldest first (as they were written). */
export function liveUserEntries(entries: UserEntry[], itemId: string): UserEntry[] {
  return entries.filter((entry) => entry.itemId === itemId && !entry.deleted).sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0));
}

/**
 * The user's live entries for items the effective pack no longer has (a feed renamed or
 * dropped the item), by item id: they stay stored and are shown, never silently hidden.
 * Items the user removed themselves are not orphans.
 */
export function orphanedUserEntries(record: Pick<ThesisRecord, 'entries' | 'itemEdits'>, pack: ThesisPack | undefined): Map<string, UserEntry[]> {
  const present = new Set(pack?.items.map((item) => item.id) ?? []);
  const orphans = new Map<string, UserEntry[]>();
  for (const entry of record.entries) {
    if (entry.deleted || present.has(entry.itemId) || record.itemEdits[entry.itemId]?.removed) continue;
    orphans.set(entry.itemId, [...(orphans.get(entry.itemId) ?? []), entry]);
  }
  for (const entries of orphans.values()) entries.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.createdAt < b.createdAt ? -1 : 1));
  return orphans;
}

export function mergeThesis(base: ThesisPack, feedLayers: FeedLayer[], user: UserLayer): ThesisPack {
  type Draft = Omit<Item, 'history'> & { history: HistoryEntry[] };
  const items = new Map<string, Draft>();
  for (const item of base.items) items.set(item.id, { ...item, history: [...item.history] });

  // Feeds add their entries, and items the base does not have; the base's definitions stay.
  for (const layer of feedLayers) {
    for (const item of layer.pack.items) {
      const feedHistory = item.history.map((entry) => fromFeed(entry, layer.url));
      const existing = items.get(item.id);
      if (existing) existing.history.push(...feedHistory);
      else items.set(item.id, { ...item, history: feedHistory });
    }
  }

  // The user's edits: field overrides, added items, removed items.
  for (const [itemId, edit] of Object.entries(user.itemEdits)) {
    const existing = items.get(itemId);
    if (edit.removed) {
      items.delete(itemId);
      continue;
    }
    const { updatedAt: _updatedAt, removed: _removed, fieldsUpdatedAt: _fieldsUpdatedAt, ...fields } = edit;
    const patch = Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)) as Partial<Item>;
    if (existing) items.set(itemId, { ...existing, ...patch, id: itemId, history: existing.history });
    else if (edit.title && edit.kind && edit.matchers) {
      items.set(itemId, {
        id: itemId,
        kind: edit.kind,
        title: edit.title,
        description: edit.description ?? '',
        subject: edit.subject ?? { en: [], zh: [] },
        event: edit.event ?? { en: [], zh: [] },
        ...(edit.direction ? { direction: edit.direction } : {}),
        matchers: edit.matchers,
        cues: edit.cues ?? { supports: { en: [], zh: [] }, challenges: { en: [], zh: [] } },
        figures: edit.figures ?? [],
        history: [],
      });
    }
  }

  for (const entry of user.entries) {
    if (entry.deleted) continue;
    items.get(entry.itemId)?.history.push(userEntryToHistory(entry));
  }

  const merged: Item[] = [];
  for (const draft of items.values()) {
    const seen = new Set<string>();
    const history = sortHistory(draft.history).filter((entry) => {
      const key = entryKey(entry);
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
    // An item with no entry at all (never happens through the background) is left out rather than made up.
    if (history.length > 0) merged.push({ ...draft, history });
  }

  return {
    ...base,
    title: user.title ?? base.title,
    description: user.description ?? base.description,
    topics: user.topics ?? base.topics,
    items: merged,
  };
}

/** The layers of one stored thesis, given the bundled pack and the feed store. */
export function resolveThesis(record: ThesisRecord, bundled: ThesisPack | undefined, feeds: FeedState[]): ThesisPack | undefined {
  let base: ThesisPack | undefined;
  let baseUrl: string | undefined;
  if (record.base.kind === 'deleted') return undefined;
  if (record.base.kind === 'bundled') base = bundled;
  else if (record.base.kind === 'pack') base = record.base.pack;
  else {
    baseUrl = record.base.url;
    const feed = feeds.find((candidate) => candidate.url === baseUrl);
    if (feed?.pack) base = { ...feed.pack, items: feed.pack.items.map((item) => ({ ...item, history: item.history.map((entry) => fromFeed(entry, baseUrl!)) })) };
  }
  if (!base) return undefined;
  const layers: FeedLayer[] = feeds
    .filter((feed) => feed.url !== baseUrl && feed.pack && feed.pack.id === record.id)
    .map((feed) => ({ url: feed.url, pack: feed.pack! }));
  const pack = mergeThesis({ ...base, id: record.id }, layers, {
    title: record.meta.title,
    description: record.meta.description,
    topics: record.meta.topics,
    entries: record.entries,
    itemEdits: record.itemEdits,
  });
  return pack.items.length > 0 ? pack : undefined;
}
