import { PACK_SCHEMA, safeParsePack, type HistoryEntry, type Item, type ThesisPack, type Topic } from '../pack/schema';
import { liveUserEntries, resolveThesis } from './merge';
import type { ChecklistState, FeedState, ItemEdit, ItemPatch, ThesisRecord, UserEntry } from './records';

/**
 * Operations on the stored theses, as pure functions from state to state: the background
 * calls them and writes the result (it is the single writer). Each returns a new state and
 * throws a `ChecklistError` with a sentence for the user when the action cannot be done, in
 * which case nothing changed.
 */

export class ChecklistError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ChecklistError';
  }
}

/** Time and identity come from outside, so that the functions stay pure and testable. */
export interface Clock {
  /** ISO date-time of the change. */
  now: string;
  /** A fresh unique id (e.g. crypto.randomUUID()). */
  newId: () => string;
}

export function liveTheses(state: ChecklistState): ThesisRecord[] {
  return state.theses.filter((thesis) => !thesis.meta.deleted);
}

function findThesis(state: ChecklistState, id: string): ThesisRecord {
  const thesis = state.theses.find((candidate) => candidate.id === id && !candidate.meta.deleted);
  if (!thesis) throw new ChecklistError(`No thesis "${id}".`);
  return thesis;
}

function replaceThesis(state: ChecklistState, next: ThesisRecord): ChecklistState {
  const exists = state.theses.some((thesis) => thesis.id === next.id);
  return { theses: exists ? state.theses.map((thesis) => (thesis.id === next.id ? next : thesis)) : [...state.theses, next] };
}

/** `base`, or `base-2`, `base-3`… whichever is not taken (deleted theses keep their ids: sync tombstones). */
export function uniqueId(base: string, taken: Iterable<string>): string {
  const set = new Set(taken);
  const stem = base.replace(/-\d+$/, '') || 'thesis';
  if (!set.has(base)) return base;
  for (let n = 2; n < 10_000; n++) if (!set.has(`${stem}-${n}`)) return `${stem}-${n}`;
  throw new ChecklistError('Too many theses with the same name.');
}

/** "Alibaba: AI cloud" → "alibaba-ai-cloud"; non-Latin titles fall back to "thesis". */
export function slugify(title: string): string {
  const slug = title
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 48)
    .replace(/-+$/, '');
  return slug || 'thesis';
}

/** The record for the bundled default thesis, enabled out of the box. */
export function bundledRecord(bundled: ThesisPack, now: string): ThesisRecord {
  return { id: bundled.id, base: { kind: 'bundled' }, meta: { enabled: true, deleted: false, updatedAt: now }, entries: [], itemEdits: {}, createdAt: now };
}

/** Makes sure the bundled thesis has a record (first run, or after a reset); keeps a deleted one deleted. */
export function withBundled(state: ChecklistState, bundled: ThesisPack | undefined, now: string): ChecklistState {
  if (!bundled || state.theses.some((thesis) => thesis.id === bundled.id)) return state;
  return { theses: [bundledRecord(bundled, now), ...state.theses] };
}

// ---------------------------------------------------------------- status entries

export interface NewStatus {
  thesisId: string;
  itemId: string;
  date: string;
  status: HistoryEntry['status'];
  note: string;
  source?: HistoryEntry['source'];
}

export function addStatus(state: ChecklistState, input: NewStatus, clock: Clock, effective: ThesisPack | undefined): { state: ChecklistState; entry: UserEntry } {
  const thesis = findThesis(state, input.thesisId);
  if (effective && !effective.items.some((item) => item.id === input.itemId)) throw new ChecklistError(`No item "${input.itemId}" in "${effective.title}".`);
  const entry: UserEntry = {
    id: clock.newId(),
    itemId: input.itemId,
    date: input.date,
    status: input.status,
    note: input.note.trim(),
    ...(input.source ? { source: input.source } : {}),
    createdAt: clock.now,
    updatedAt: clock.now,
    deleted: false,
  };
  if (!entry.note) throw new ChecklistError('A status update needs a note.');
  return { state: replaceThesis(state, { ...thesis, entries: [...thesis.entries, entry] }), entry };
}

/**
 * Undo removes the user's last entry for the item (a tombstone, so that sync removes it
 * everywhere) and nothing else: the pack's and the feeds' history is never rewritten.
 * The only entry of an item the user added cannot be undone (remove the item instead).
 */
export function undoLastStatus(state: ChecklistState, thesisId: string, itemId: string, clock: Clock): { state: ChecklistState; removed: UserEntry | undefined } {
  const thesis = findThesis(state, thesisId);
  const live = liveUserEntries(thesis.entries, itemId);
  const last = live.at(-1);
  if (!last) return { state, removed: undefined };
  if (thesis.itemEdits[itemId]?.added && live.length === 1) throw new ChecklistError('This is the first status of an item you added: remove the item instead.');
  const entries = thesis.entries.map((entry) => (entry.id === last.id ? { ...entry, deleted: true, updatedAt: clock.now } : entry));
  return { state: replaceThesis(state, { ...thesis, entries }), removed: last };
}

// ---------------------------------------------------------------- theses

export interface NewThesis {
  title: string;
  description?: string;
  /** Terms naming what the thesis is about (at least one, in either language). */
  mentions: { en: string[]; zh: string[] };
  firstItem: { title: string; kind: Item['kind']; matchers: { en: string[]; zh: string[] } };
}

function cleanTerms(terms: { en: string[]; zh: string[] }): { en: string[]; zh: string[] } {
  const clean = (list: string[]) => [...new Set(list.map((term) => term.trim()).filter(Boolean))];
  return { en: clean(terms.en), zh: clean(terms.zh) };
}

function hasTerms(terms: { en: string[]; zh: string[] }): boolean {
  return terms.en.length + terms.zh.length > 0;
}

/** A new thesis of the user's (base kind "pack"), either from scratch or copied from a template pack. */
export function createThesis(state: ChecklistState, input: NewThesis | { title: string; template: ThesisPack }, clock: Clock, today: string): { state: ChecklistState; id: string } {
  const title = input.title.trim();
  if (!title) throw new ChecklistError('A thesis needs a title.');
  const id = uniqueId(slugify(title), state.theses.map((thesis) => thesis.id));
  let pack: ThesisPack;
  if ('template' in input) {
    pack = { ...structuredClone(input.template), id, title, version: '1' };
  } else {
    const mentions = cleanTerms(input.mentions);
    const matchers = cleanTerms(input.firstItem.matchers);
    if (!hasTerms(mentions)) throw new ChecklistError('Name at least one term that tells an article is about this thesis.');
    if (!input.firstItem.title.trim()) throw new ChecklistError('The first item needs a title.');
    if (!hasTerms(matchers)) throw new ChecklistError('The first item needs at least one matcher term.');
    const topic: Topic = { id: 'main', title, description: '', mentions, requires: [], negatives: { en: [], zh: [] } };
    pack = {
      schema: PACK_SCHEMA,
      id,
      title,
      version: '1',
      description: input.description?.trim() ?? '',
      topics: [topic],
      items: [
        {
          id: uniqueId(slugify(input.firstItem.title), []),
          kind: input.firstItem.kind,
          title: input.firstItem.title.trim(),
          description: '',
          subject: { en: [], zh: [] },
          event: { en: [], zh: [] },
          matchers: [{ all: [matchers] }],
          cues: { supports: { en: [], zh: [] }, challenges: { en: [], zh: [] } },
          figures: [],
          history: [{ date: today, status: 'pending', note: 'Added to the checklist.', origin: 'user' }],
        },
      ],
    };
  }
  const checked = safeParsePack(pack);
  if (!checked.ok) throw new ChecklistError(`The new thesis is not valid: ${checked.problems.join('; ')}`);
  const record: ThesisRecord = {
    id,
    base: { kind: 'pack', pack: checked.pack, updatedAt: clock.now },
    meta: { enabled: true, deleted: false, updatedAt: clock.now },
    entries: [],
    itemEdits: {},
    createdAt: clock.now,
  };
  return { state: { theses: [...state.theses, record] }, id };
}

export interface ThesisMetaPatch {
  title?: string;
  description?: string;
  enabled?: boolean;
  topics?: Topic[];
}

export function editThesis(state: ChecklistState, id: string, patch: ThesisMetaPatch, clock: Clock): ChecklistState {
  const thesis = findThesis(state, id);
  if (patch.title !== undefined && !patch.title.trim()) throw new ChecklistError('A thesis needs a title.');
  if (patch.topics !== undefined && patch.topics.length === 0) throw new ChecklistError('A thesis needs at least one topic.');
  const meta = { ...thesis.meta, updatedAt: clock.now, fieldsUpdatedAt: { ...thesis.meta.fieldsUpdatedAt } };
  if (patch.title !== undefined) meta.title = patch.title.trim();
  if (patch.description !== undefined) meta.description = patch.description;
  if (patch.enabled !== undefined) meta.enabled = patch.enabled;
  if (patch.topics !== undefined) meta.topics = patch.topics;
  for (const field of ['title', 'description', 'enabled', 'topics'] as const) if (patch[field] !== undefined) meta.fieldsUpdatedAt[field] = clock.now;
  return replaceThesis(state, { ...thesis, meta });
}

/** A copy the user owns: the effective pack (all layers, provenance kept) becomes its base. */
export function duplicateThesis(state: ChecklistState, id: string, effective: ThesisPack, clock: Clock): { state: ChecklistState; id: string } {
  findThesis(state, id);
  const newId = uniqueId(`${id}-copy`, state.theses.map((thesis) => thesis.id));
  const pack: ThesisPack = { ...structuredClone(effective), id: newId, title: `${effective.title} (copy)` };
  const record: ThesisRecord = {
    id: newId,
    base: { kind: 'pack', pack, updatedAt: clock.now },
    meta: { enabled: false, deleted: false, updatedAt: clock.now },
    entries: [],
    itemEdits: {},
    createdAt: clock.now,
  };
  return { state: { theses: [...state.theses, record] }, id: newId };
}

/** The bundled thesis cannot be deleted (it comes back with every update); disable it instead. */
export function deleteThesis(state: ChecklistState, id: string, clock: Clock): ChecklistState {
  const thesis = findThesis(state, id);
  if (thesis.base.kind === 'bundled') throw new ChecklistError('The bundled thesis cannot be deleted; disable it instead.');
  // A tombstone (kept so that sync deletes it in the user's other browsers too), without its
  // pack: deleting must free space, even when the store is full because of that pack.
  return replaceThesis(state, { ...thesis, base: { kind: 'deleted' }, entries: [], itemEdits: {}, meta: { enabled: false, deleted: true, updatedAt: clock.now } });
}

// ---------------------------------------------------------------- items

const ITEM_FIELDS = ['title', 'description', 'kind', 'matchers', 'cues', 'figures'] as const;
type ItemField = (typeof ITEM_FIELDS)[number];
const sameValue = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * An edit made from what the editor showed (`base`): only the fields the user changed are
 * applied, so a second tab (or a stale form) never reverts another's change to a field it did
 * not touch; a field it did change that someone else changed meanwhile is a conflict, refused
 * with the field named (nothing is written). Without `base`, the whole patch applies.
 */
export function changedFields(patch: ItemPatch, base: ItemPatch | undefined, current: Item | undefined): ItemPatch {
  if (!base || !current) return patch;
  const changed: Record<string, unknown> = {};
  const conflicts: string[] = [];
  for (const field of ITEM_FIELDS) {
    if (patch[field] === undefined || sameValue(patch[field], base[field])) continue;
    if (!sameValue(current[field as ItemField], base[field]) && !sameValue(current[field as ItemField], patch[field])) conflicts.push(field);
    changed[field] = patch[field];
  }
  if (conflicts.length) {
    throw new ChecklistError(`This item was changed elsewhere (in another tab or browser) since you opened it: ${conflicts.join(', ')}. Nothing was saved; reopen it to see the current version.`);
  }
  return changed as ItemPatch;
}

/** Edits an item (or adds one when `itemId` is new and the patch has title, kind and matchers). */
export function editItem(state: ChecklistState, thesisId: string, itemId: string, patch: ItemPatch, clock: Clock, effective: ThesisPack, today: string): ChecklistState {
  const thesis = findThesis(state, thesisId);
  const exists = effective.items.some((item) => item.id === itemId);
  const previous = thesis.itemEdits[itemId];
  const applied = stripUndefined(patch);
  const kept = previous && !previous.removed ? previous : undefined;
  const fieldsUpdatedAt = { ...kept?.fieldsUpdatedAt };
  for (const field of Object.keys(applied)) fieldsUpdatedAt[field] = clock.now;
  const edit: ItemEdit = { ...(kept ?? {}), ...applied, updatedAt: clock.now, fieldsUpdatedAt };
  delete edit.removed;
  if (edit.title !== undefined && !edit.title.trim()) throw new ChecklistError('An item needs a title.');
  let entries = thesis.entries;
  if (!exists) {
    if (!edit.title || !edit.kind || !edit.matchers) throw new ChecklistError('A new item needs a title, a kind and at least one matcher.');
    edit.added = true;
    entries = [
      ...entries,
      { id: clock.newId(), itemId, date: today, status: 'pending', note: 'Added to the checklist.', createdAt: clock.now, updatedAt: clock.now, deleted: false },
    ];
  }
  return replaceThesis(state, { ...thesis, entries, itemEdits: { ...thesis.itemEdits, [itemId]: edit } });
}

export function removeItem(state: ChecklistState, thesisId: string, itemId: string, clock: Clock, effective: ThesisPack): ChecklistState {
  const thesis = findThesis(state, thesisId);
  if (!effective.items.some((item) => item.id === itemId)) throw new ChecklistError(`No item "${itemId}".`);
  if (effective.items.length <= 1) throw new ChecklistError('A thesis needs at least one item.');
  return replaceThesis(state, { ...thesis, itemEdits: { ...thesis.itemEdits, [itemId]: { removed: true, updatedAt: clock.now } } });
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

// ---------------------------------------------------------------- packs

export type ImportOutcome =
  | { status: 'imported'; id: string; state: ChecklistState }
  | { status: 'invalid'; problems: string[] }
  | { status: 'conflict'; id: string; title: string };

/**
 * Imports a pack (already parsed from JSON). Invalid → the problems, each with its path, and
 * nothing changes. An id already in use → `conflict`, unless the caller says what to do:
 * `replace` swaps the base and keeps the user's layer (their entries survive), `keep-both`
 * stores the pack under a new id.
 */
export function importPack(state: ChecklistState, input: unknown, onConflict: 'ask' | 'replace' | 'keep-both', clock: Clock): ImportOutcome {
  const parsed = safeParsePack(input);
  if (!parsed.ok) return { status: 'invalid', problems: parsed.problems };
  const pack = parsed.pack;
  const existing = liveTheses(state).find((thesis) => thesis.id === pack.id);
  if (existing && onConflict === 'ask') return { status: 'conflict', id: pack.id, title: existing.meta.title ?? pack.title };
  if (existing && onConflict === 'replace') {
    const meta = { ...existing.meta, title: undefined, description: undefined, topics: undefined, updatedAt: clock.now };
    return { status: 'imported', id: pack.id, state: replaceThesis(state, { ...existing, base: { kind: 'pack', pack, updatedAt: clock.now }, meta }) };
  }
  const id = existing ? uniqueId(`${pack.id}-2`, state.theses.map((thesis) => thesis.id)) : pack.id;
  const tombstone = state.theses.find((thesis) => thesis.id === id);
  const record: ThesisRecord = {
    id,
    base: { kind: 'pack', pack: { ...pack, id }, updatedAt: clock.now },
    meta: { enabled: true, deleted: false, updatedAt: clock.now },
    entries: [],
    itemEdits: {},
    createdAt: tombstone?.createdAt ?? clock.now,
  };
  return { status: 'imported', id, state: replaceThesis(state, record) };
}

/** The effective pack as a file: what `importPack` reads back. */
export function exportPack(pack: ThesisPack): { filename: string; json: string } {
  return { filename: `${pack.id}.thesis.json`, json: `${JSON.stringify(pack, null, 2)}\n` };
}

// ---------------------------------------------------------------- feeds

/** A feed whose pack is a thesis nobody has yet becomes a thesis of its own (base kind "feed"). */
export function withFeedTheses(state: ChecklistState, feeds: FeedState[], now: string): ChecklistState {
  let next = state;
  for (const feed of feeds) {
    if (!feed.pack) continue;
    const taken = next.theses.find((thesis) => thesis.id === feed.pack!.id);
    if (taken && !taken.meta.deleted) continue;
    const record: ThesisRecord = {
      id: feed.pack.id,
      base: { kind: 'feed', url: feed.url },
      meta: { enabled: true, deleted: false, updatedAt: now },
      entries: [],
      itemEdits: {},
      createdAt: now,
    };
    next = replaceThesis(next, record);
  }
  return next;
}

/** After unsubscribing, a thesis that was the feed keeps its last good version as the user's own pack. */
export function detachFeed(state: ChecklistState, feed: FeedState, now: string): ChecklistState {
  return {
    theses: state.theses.map((thesis) =>
      thesis.base.kind === 'feed' && thesis.base.url === feed.url
        ? feed.pack
          ? { ...thesis, base: { kind: 'pack', pack: { ...feed.pack, id: thesis.id }, updatedAt: now } }
          : { ...thesis, meta: { ...thesis.meta, deleted: true, enabled: false, updatedAt: now } }
        : thesis,
    ),
  };
}

// ---------------------------------------------------------------- reading

export interface ThesisView {
  record: ThesisRecord;
  pack: ThesisPack | undefined;
}

export function effectiveTheses(state: ChecklistState, bundled: ThesisPack | undefined, feeds: FeedState[]): ThesisView[] {
  return liveTheses(state).map((record) => ({ record, pack: resolveThesis(record, bundled, feeds) }));
}

/** What the pipeline uses: every enabled thesis that resolves to a pack. */
export function enabledPacks(state: ChecklistState, bundled: ThesisPack | undefined, feeds: FeedState[]): ThesisPack[] {
  return effectiveTheses(state, bundled, feeds)
    .filter((view) => view.record.meta.enabled && view.pack)
    .map((view) => view.pack!);
}
