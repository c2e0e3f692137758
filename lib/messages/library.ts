import { z } from 'zod';
import { defineMessages } from './protocol';
import { ClippingFiltersSchema, ClippingSchema, ItemRefSchema } from '../clippings/schema';
import { LIBRARY_VIEWS } from '../clippings/search';

/**
 * The library page's reads: one page of rows at a time, searched and grouped in the
 * background, so that a library of 10,000 clippings never crosses in one message.
 * Privileged: the background answers them only for the extension's own pages, never for a
 * content script (whose page could be reading its replies).
 */

export const LIBRARY_PAGE_MAX = 500;

const ArticleHeadingSchema = z.object({
  kind: z.literal('article'),
  key: z.string(),
  title: z.string(),
  site: z.string(),
  url: z.string(),
  canonicalUrl: z.string(),
  published: z.string().nullable(),
  count: z.number().int(),
  itemCount: z.number().int(),
  latestAt: z.string(),
});

const ItemHeadingSchema = z.object({
  kind: z.literal('item'),
  key: z.string(),
  ref: ItemRefSchema.nullable(),
  count: z.number().int(),
});

const ClippingRowSchema = z.object({ kind: z.literal('clipping'), clipping: ClippingSchema, group: z.string() });

export const LibraryRowSchema = z.discriminatedUnion('kind', [ArticleHeadingSchema, ItemHeadingSchema, ClippingRowSchema]);

export const LibraryFacetsSchema = z.object({
  sites: z.array(z.string()),
  topics: z.array(z.string()),
  items: z.array(ItemRefSchema),
});
export type LibraryFacets = z.infer<typeof LibraryFacetsSchema>;

export const libraryMessages = defineMessages({
  /** Rows `offset … offset + limit` of a view of the clippings matching `filters`. */
  'library/query': {
    request: z.object({
      filters: ClippingFiltersSchema.default({}),
      view: z.enum(LIBRARY_VIEWS).default('article'),
      offset: z.number().int().min(0).default(0),
      limit: z.number().int().min(1).max(LIBRARY_PAGE_MAX).default(100),
      /** The filter menus' values (whole library), on the first query of a page load. */
      withFacets: z.boolean().default(false),
    }),
    response: z.object({
      offset: z.number().int(),
      rows: z.array(LibraryRowSchema),
      /** Rows in the whole view (headings and clippings). */
      rowCount: z.number().int(),
      /** Clippings matching the filters. */
      matching: z.number().int(),
      /** Clippings in the library. */
      total: z.number().int(),
      facets: LibraryFacetsSchema.optional(),
    }),
  },
  /** Every clipping matching the filters (and, with `articleKey`, read in that article), for export and copy. */
  'library/clippings': {
    request: z.object({ filters: ClippingFiltersSchema.default({}), articleKey: z.string().max(5000).optional() }),
    response: z.object({ clippings: z.array(ClippingSchema) }),
  },
});
