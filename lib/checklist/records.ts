import { z } from 'zod';
import {
  DirectionSchema,
  HistoryEntrySchema,
  ItemSchema,
  KeyFigureSchema,
  LocalizedTermsSchema,
  MatchRuleSchema,
  StatusSchema,
  ThesisPackSchema,
  TopicSchema,
  type ThesisPack,
} from '../pack/schema';

/**
 * What the checklist stores: one record per thesis, made of a base (the bundled pack, a pack
 * the user created or imported, or a subscribed feed) and the user's own layer over it
 * (status entries, item edits, thesis metadata). The base is never rewritten by the user's
 * actions; `merge.ts` joins the layers into the effective pack the pipeline reads.
 *
 * Every timestamp is an ISO date-time (`new Date().toISOString()`): the sync merge keeps the
 * newest version of each entry, item edit and metadata block by comparing them.
 */

const Id = ItemSchema.shape.id;
const IsoDate = HistoryEntrySchema.shape.date;
const Timestamp = z.string().min(1);

/** A status entry the user added. `deleted` is an undo, kept as a tombstone so sync does not bring it back. */
export const UserEntrySchema = z.object({
  id: z.string().min(1),
  itemId: Id,
  date: IsoDate,
  status: StatusSchema,
  note: z.string().min(1),
  source: HistoryEntrySchema.shape.source,
  createdAt: Timestamp,
  updatedAt: Timestamp,
  deleted: z.boolean().default(false),
});
export type UserEntry = z.infer<typeof UserEntrySchema>;

/**
 * The user's changes to one item. Fields absent are left as the base has them. An edit for an
 * id the base does not have, with title, kind and matchers, adds an item; `removed` hides one.
 * (No defaults in here: a default would silently override the base's field.)
 */
export const ItemEditSchema = z.object({
  title: z.string().min(1).optional(),
  description: z.string().optional(),
  kind: z.enum(['catalyst', 'risk']).optional(),
  matchers: z.array(MatchRuleSchema).min(1).optional(),
  cues: z.object({ supports: LocalizedTermsSchema, challenges: LocalizedTermsSchema }).optional(),
  /** Pack v2 fields (absent from edits stored before v2: the base's stay). */
  subject: LocalizedTermsSchema.optional(),
  event: LocalizedTermsSchema.optional(),
  direction: DirectionSchema.optional(),
  figures: z.array(KeyFigureSchema).optional(),
  removed: z.boolean().optional(),
  /** The user added this item (it is not in the base): its first status cannot be undone. */
  added: z.boolean().optional(),
  updatedAt: Timestamp,
  /** When each field was last set (sync merges field by field); a field missing here dates from `updatedAt`. */
  fieldsUpdatedAt: z.record(z.string(), Timestamp).optional(),
});
export type ItemEdit = z.infer<typeof ItemEditSchema>;
export type ItemPatch = Omit<ItemEdit, 'updatedAt' | 'removed' | 'added' | 'fieldsUpdatedAt'>;

export const ThesisMetaSchema = z.object({
  title: z.string().min(1).optional(),
  description: z.string().optional(),
  topics: z.array(TopicSchema).min(1).optional(),
  enabled: z.boolean(),
  /** A deleted thesis stays as a tombstone so that sync deletes it everywhere. */
  deleted: z.boolean().default(false),
  updatedAt: Timestamp,
  /** When each field was last set (sync merges field by field); a field missing here dates from `updatedAt`. */
  fieldsUpdatedAt: z.record(z.string(), Timestamp).optional(),
});
export type ThesisMeta = z.infer<typeof ThesisMetaSchema>;

export const ThesisBaseSchema = z.discriminatedUnion('kind', [
  /** The pack bundled with the extension (read-only; its newer versions arrive with updates). */
  z.object({ kind: z.literal('bundled') }),
  /** A pack the user created, duplicated or imported: theirs, stored (and synced) whole. */
  z.object({ kind: z.literal('pack'), pack: ThesisPackSchema, updatedAt: Timestamp }),
  /** A subscribed feed whose pack is the thesis (its last good version lives in the feed store). */
  z.object({ kind: z.literal('feed'), url: z.string().url() }),
  /** A deleted thesis (a tombstone, see `meta.deleted`): it keeps its id and dates, never its pack. */
  z.object({ kind: z.literal('deleted') }),
]);
export type ThesisBase = z.infer<typeof ThesisBaseSchema>;

export const ThesisRecordSchema = z.object({
  id: Id,
  base: ThesisBaseSchema,
  meta: ThesisMetaSchema,
  entries: z.array(UserEntrySchema).default([]),
  itemEdits: z.record(z.string(), ItemEditSchema).default({}),
  createdAt: Timestamp,
});
export type ThesisRecord = z.infer<typeof ThesisRecordSchema>;

/** The stored list of theses (`local:checklist.theses`). */
export interface ChecklistState {
  theses: ThesisRecord[];
}

/** A feed subscription and what the last fetches left: the last good pack survives any failure. */
export const FeedStateSchema = z.object({
  url: z.string().url(),
  subscribedAt: Timestamp,
  etag: z.string().optional(),
  lastModified: z.string().optional(),
  /** The pack id the feed had when first fetched: later versions must keep it. */
  packId: z.string().optional(),
  /** The last good version (valid pack), kept whatever happens afterwards. */
  pack: ThesisPackSchema.optional(),
  /** When the last good version was fetched (or confirmed unchanged by a 304). */
  fetchedAt: Timestamp.optional(),
  /** When the feed was last tried, successfully or not. */
  checkedAt: Timestamp.optional(),
  error: z.object({ message: z.string(), at: Timestamp }).optional(),
});
export type FeedState = z.infer<typeof FeedStateSchema>;

export interface FeedsState {
  feeds: FeedState[];
}

/** A stored record that could not be read: kept as it was (quarantined), never deleted. */
export interface RejectedRecord {
  raw: unknown;
  reason: string;
}

export type StoredParse<T> = { value: T; problems: string[]; rejected: RejectedRecord[] };

/**
 * A tombstone carries no content: an older tombstone that still holds its pack (or entries)
 * is shrunk on read, so that deleting a big thesis frees its space and sync carries no body.
 */
export function asTombstone(record: ThesisRecord): ThesisRecord {
  if (!record.meta.deleted || (record.base.kind === 'deleted' && !record.entries.length && !Object.keys(record.itemEdits).length)) return record;
  return { ...record, base: { kind: 'deleted' }, entries: [], itemEdits: {} };
}

function describe(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.map(String).join('.') || '(root)'}: ${issue.message}`)
    .join('; ');
}

/**
 * Parses the stored theses one record at a time: a corrupted record is left out of the
 * checklist and reported (the rest still works), never fatal, and returned in `rejected` so
 * that the store keeps it aside (quarantine) instead of dropping it on its next write.
 */
export function parseStoredTheses(raw: unknown): StoredParse<ChecklistState> {
  const problems: string[] = [];
  const rejected: RejectedRecord[] = [];
  const list = raw && typeof raw === 'object' && Array.isArray((raw as { theses?: unknown }).theses) ? (raw as { theses: unknown[] }).theses : null;
  if (raw != null && list == null) {
    const reason = 'stored theses: not a list of theses; kept aside, starting from the default checklist';
    return { value: { theses: [] }, problems: [reason], rejected: [{ raw, reason }] };
  }
  const theses: ThesisRecord[] = [];
  (list ?? []).forEach((record, index) => {
    const parsed = ThesisRecordSchema.safeParse(record);
    if (parsed.success) theses.push(asTombstone(parsed.data));
    else {
      const id = record && typeof record === 'object' && typeof (record as { id?: unknown }).id === 'string' ? ` "${(record as { id: string }).id}"` : '';
      const reason = `stored thesis #${index + 1}${id} is corrupted and was set aside, not deleted (${describe(parsed.error)})`;
      problems.push(reason);
      rejected.push({ raw: record, reason });
    }
  });
  return { value: { theses }, problems, rejected };
}

export function parseStoredFeeds(raw: unknown): StoredParse<FeedsState> {
  const problems: string[] = [];
  const list = raw && typeof raw === 'object' && Array.isArray((raw as { feeds?: unknown }).feeds) ? (raw as { feeds: unknown[] }).feeds : null;
  const rejected: RejectedRecord[] = [];
  if (raw != null && list == null) {
    const reason = 'stored feeds: not a list of feeds; kept aside';
    return { value: { feeds: [] }, problems: [reason], rejected: [{ raw, reason }] };
  }
  const feeds: FeedState[] = [];
  (list ?? []).forEach((record, index) => {
    const parsed = FeedStateSchema.safeParse(record);
    if (parsed.success) feeds.push(parsed.data);
    else {
      const reason = `stored feed #${index + 1} is corrupted and was set aside, not deleted (${describe(parsed.error)})`;
      problems.push(reason);
      rejected.push({ raw: record, reason });
    }
  });
  return { value: { feeds }, problems, rejected };
}

/**
 * Migrations of the stored records, keyed by the version they produce (WXT `defineItem`
 * `migrations`). Version 1 is the first shape; later versions add a function here and a test
 * in tests/unit/checklist-records.test.ts.
 */
export const THESES_RECORD_VERSION = 1;
export const FEEDS_RECORD_VERSION = 1;
export const thesesMigrations: Record<number, (old: unknown) => unknown> = {};
export const feedsMigrations: Record<number, (old: unknown) => unknown> = {};

export type { ThesisPack };
