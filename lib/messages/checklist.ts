import { z } from 'zod';
import { defineMessages } from './protocol';
import { HistoryEntrySchema, ItemSchema, LocalizedTermsSchema, StatusSchema, ThesisPackSchema, TopicSchema } from '../pack/schema';
import { ItemEditSchema } from '../checklist/records';

const ThesisId = ItemSchema.shape.id;
const ItemId = ItemSchema.shape.id;

/** A thesis as the checklist page shows it: the effective pack plus what the user can do with it. */
export const ThesisSummarySchema = z.object({
  id: z.string(),
  title: z.string(),
  enabled: z.boolean(),
  /** Where the base comes from: bundled (read-only), the user's own pack, or a feed. */
  baseKind: z.enum(['bundled', 'pack', 'feed']),
  feedUrl: z.string().optional(),
  /** URLs of feeds layered over this thesis. */
  feedLayers: z.array(z.string()),
  /** Null when the thesis has no usable base (a feed not fetched yet). */
  pack: ThesisPackSchema.nullable(),
  /** Items whose latest user entry can be undone. */
  undoable: z.array(z.string()),
  /** The user's entries for items the pack no longer has (a feed renamed or dropped them): shown, not hidden. */
  orphans: z.array(z.object({ itemId: z.string(), entries: z.array(z.object({ date: z.string(), status: StatusSchema, note: z.string() })) })).default([]),
});
export type ThesisSummary = z.infer<typeof ThesisSummarySchema>;

export const FeedViewSchema = z.object({
  url: z.string(),
  subscribedAt: z.string(),
  packId: z.string().nullable(),
  packTitle: z.string().nullable(),
  packVersion: z.string().nullable(),
  fetchedAt: z.string().nullable(),
  checkedAt: z.string().nullable(),
  error: z.object({ message: z.string(), at: z.string() }).nullable(),
});
export type FeedView = z.infer<typeof FeedViewSchema>;

export const SyncViewSchema = z.object({
  state: z.enum(['idle', 'ok', 'full', 'error', 'unavailable']),
  message: z.string().nullable(),
  at: z.string().nullable(),
  bytes: z.number().int().nullable(),
});
export type SyncView = z.infer<typeof SyncViewSchema>;

const ChecklistOverviewSchema = z.object({
  theses: z.array(ThesisSummarySchema),
  feeds: z.array(FeedViewSchema),
  sync: SyncViewSchema,
  /** Stored records that could not be read (reported, skipped). */
  problems: z.array(z.string()),
});
export type ChecklistOverview = z.infer<typeof ChecklistOverviewSchema>;

export const StatusUpdateSchema = z.object({
  thesisId: ThesisId,
  itemId: ItemId,
  date: HistoryEntrySchema.shape.date,
  status: StatusSchema,
  note: z.string().trim().min(1, 'a note is required'),
  source: HistoryEntrySchema.shape.source,
});
export type StatusUpdate = z.infer<typeof StatusUpdateSchema>;

const Terms = LocalizedTermsSchema;
const ItemPatchSchema = ItemEditSchema.omit({ updatedAt: true, removed: true, added: true, fieldsUpdatedAt: true });
const Done = z.object({});

/**
 * Messages of the checklist feature (theses, status updates, packs, feeds, sync). The
 * sidebar (a content script) may read the effective packs and add or undo a status; all
 * the rest is for the checklist page (extension pages, the default `from`).
 */
export const checklistMessages = defineMessages({
  /**
   * The packs the pipeline should use now: every enabled thesis, with the user's layer and
   * feed entries merged over its base. The lens asks for these before it scans a page.
   */
  'checklist/effective-packs': {
    request: z.object({}),
    response: z.object({ packs: z.array(ThesisPackSchema) }),
    from: 'pages-and-content-scripts',
  },
  /** Everything the checklist page shows. */
  'checklist/overview': {
    request: z.object({}),
    response: ChecklistOverviewSchema,
  },
  /** A new dated status entry by the user (from the checklist page or the sidebar). */
  'checklist/add-status': {
    request: StatusUpdateSchema,
    response: z.object({ entryId: z.string() }),
    from: 'pages-and-content-scripts',
  },
  /** Removes the user's last entry for the item, and only that. */
  'checklist/undo-status': {
    request: z.object({ thesisId: ThesisId, itemId: ItemId }),
    response: z.object({ removed: z.boolean() }),
    from: 'pages-and-content-scripts',
  },
  'checklist/create-thesis': {
    request: z.union([
      z.object({
        title: z.string(),
        description: z.string().optional(),
        mentions: Terms,
        firstItem: z.object({ title: z.string(), kind: z.enum(['catalyst', 'risk']), matchers: Terms }),
      }),
      /** A copy of an existing thesis's structure and history as a starting point. */
      z.object({ title: z.string(), templateId: ThesisId }),
    ]),
    response: z.object({ id: z.string() }),
  },
  'checklist/edit-thesis': {
    request: z.object({
      id: ThesisId,
      title: z.string().optional(),
      description: z.string().optional(),
      enabled: z.boolean().optional(),
      topics: z.array(TopicSchema).min(1).optional(),
    }),
    response: Done,
  },
  'checklist/duplicate-thesis': {
    request: z.object({ id: ThesisId }),
    response: z.object({ id: z.string() }),
  },
  'checklist/delete-thesis': {
    request: z.object({ id: ThesisId }),
    response: Done,
  },
  /** Edits an item, or adds one when the id is new (title, kind and matchers required then). */
  'checklist/edit-item': {
    /**
     * `base`: the item's fields as the editor showed them. Only fields that differ from it are
     * applied, and a field someone else changed meanwhile is refused as a conflict.
     */
    request: z.object({ thesisId: ThesisId, itemId: ItemId, patch: ItemPatchSchema, base: ItemPatchSchema.optional() }),
    response: Done,
  },
  'checklist/remove-item': {
    request: z.object({ thesisId: ThesisId, itemId: ItemId }),
    response: Done,
  },
  'checklist/export-pack': {
    request: z.object({ id: ThesisId }),
    response: z.object({ filename: z.string(), json: z.string() }),
  },
  /** `text` is the file's content; JSON and schema problems come back with their paths. */
  'checklist/import-pack': {
    request: z.object({ text: z.string(), onConflict: z.enum(['ask', 'replace', 'keep-both']).default('ask') }),
    response: z.discriminatedUnion('status', [
      z.object({ status: z.literal('imported'), id: z.string() }),
      z.object({ status: z.literal('invalid'), problems: z.array(z.string()) }),
      z.object({ status: z.literal('conflict'), id: z.string(), title: z.string() }),
    ]),
  },
  /** After the page obtained the host permission for the feed's origin. */
  'checklist/subscribe-feed': {
    request: z.object({ url: z.string() }),
    response: z.object({ feed: FeedViewSchema }),
  },
  'checklist/refresh-feeds': {
    request: z.object({ url: z.string().optional() }),
    response: z.object({ feeds: z.array(FeedViewSchema) }),
  },
  'checklist/unsubscribe-feed': {
    request: z.object({ url: z.string() }),
    response: Done,
  },
});
