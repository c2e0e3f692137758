import { z } from 'zod';
import { StanceSchema } from '../pack/schema';
import { SelectorsSchema } from '../anchoring/selectors';

// Extension pages forbid eval: tell zod not to probe for it (no CSP noise, same results).
z.config({ jitless: true });

/**
 * A clipping: a passage a reader kept because it bears on their thesis. Stored by the
 * background (IndexedDB), parsed with this schema on every read, on every message and on
 * import. `schemaVersion` lets a stored record say which shape it has; `migrations.ts`
 * brings older shapes up to this one.
 */
export const CLIPPING_SCHEMA_VERSION = 2 as const;

import { LIMITS } from './limits';

// In a module of their own so that the clipper (a content script) reads them without zod.
export { LIMITS };

const IsoDateTime = z.iso.datetime({ offset: true });
const HttpUrl = z
  .string()
  .max(LIMITS.url)
  .refine((value) => /^https?:\/\//i.test(value) && URL.canParse(value), 'expected an http(s) URL');

/** A checklist item, named by its thesis (item ids are unique within a thesis only). */
export const ItemRefSchema = z.object({ thesisId: z.string().min(1).max(200), itemId: z.string().min(1).max(200) });
export type ItemRef = z.infer<typeof ItemRefSchema>;

export const ClippingPageSchema = z.object({
  /** The address the reader saw (with its query, without the fragment). */
  url: HttpUrl,
  /** The page's own canonical address (link rel=canonical, og:url), else `url`. */
  canonicalUrl: HttpUrl,
  title: z.string().max(LIMITS.title).default(''),
  /** Publication's name (og:site_name) or host name. */
  site: z.string().max(LIMITS.title).default(''),
  /** Publication date, YYYY-MM-DD, when the page states one. */
  published: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullable().default(null),
});
export type ClippingPage = z.infer<typeof ClippingPageSchema>;

const Tag = z.string().trim().min(1).max(LIMITS.tag);

/** What the reader decides in the save dialog (and may edit later in the library). */
export const ClippingEditableSchema = z.object({
  note: z.string().max(LIMITS.note).default(''),
  tags: z.array(Tag).max(LIMITS.tags).default([]),
  items: z.array(ItemRefSchema).max(LIMITS.items).default([]),
  stance: StanceSchema.default('neutral'),
});
export type ClippingEditable = z.infer<typeof ClippingEditableSchema>;

/** What a page sends to `clippings/save`: everything but what the background assigns. */
export const ClippingDraftSchema = ClippingEditableSchema.extend({
  quote: z.string().min(1).max(LIMITS.quote),
  selectors: SelectorsSchema,
  page: ClippingPageSchema,
  topics: z.array(z.string().min(1).max(200)).max(LIMITS.topics).default([]),
});
export type ClippingDraft = z.infer<typeof ClippingDraftSchema>;
export type ClippingDraftInput = z.input<typeof ClippingDraftSchema>;

export const ClippingSchema = ClippingDraftSchema.extend({
  schemaVersion: z.literal(CLIPPING_SCHEMA_VERSION),
  id: z.string().min(1).max(200),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
});
export type Clipping = z.infer<typeof ClippingSchema>;

/**
 * The previous stored shape (schemaVersion 1, database version 1): one flat selector, a
 * comma-separated tag string, item ids of the default thesis only, an epoch timestamp, no
 * canonical URL, topics or stance. Kept to read and migrate old records, never written.
 */
export const ClippingV1Schema = z.object({
  schemaVersion: z.literal(1),
  id: z.string().min(1),
  text: z.string().min(1),
  url: z.string().min(1),
  title: z.string().default(''),
  savedAt: z.number().int().nonnegative(),
  itemIds: z.array(z.string().min(1)).default([]),
  comment: z.string().optional(),
  tags: z.string().default(''),
  selector: z.object({
    exact: z.string().min(1),
    prefix: z.string().default(''),
    suffix: z.string().default(''),
    start: z.number().int().nonnegative(),
    end: z.number().int().positive(),
  }),
});
export type ClippingV1 = z.infer<typeof ClippingV1Schema>;

/** Filters shared by the library, the checklist page and `clippings/list`. */
export const ClippingFiltersSchema = z.object({
  /** Free text: every word must appear in the quote, note, tags or title. */
  query: z.string().max(500).optional(),
  itemId: z.string().optional(),
  thesisId: z.string().optional(),
  topic: z.string().optional(),
  site: z.string().optional(),
  stance: StanceSchema.optional(),
  /** Saved on or after / on or before this day (YYYY-MM-DD, local to the reader's clock as stored: UTC). */
  from: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
  to: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
});
export type ClippingFilters = z.infer<typeof ClippingFiltersSchema>;
