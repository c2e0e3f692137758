import { z } from 'zod';
import { defineMessages } from './protocol';
import {
  ClippingDraftSchema,
  ClippingEditableSchema,
  ClippingFiltersSchema,
  ClippingSchema,
} from '../clippings/schema';

/** A stored record that could not be read: set aside (quarantined), listed for the reader, never lost. */
export const ClippingProblemSchema = z.object({
  key: z.number().int(),
  /** The record's id when it had one. */
  id: z.string().nullable(),
  reason: z.string(),
  quarantinedAt: z.string(),
  /** The start of the stored record as JSON, to recognise it. */
  preview: z.string(),
});
export type ClippingProblem = z.infer<typeof ClippingProblemSchema>;

/**
 * Messages of the clippings feature. The background is the only writer of clippings
 * (IndexedDB); pages and content scripts ask it through these.
 */
export const clippingMessages = defineMessages({
  'clippings/count': {
    request: z.object({}),
    response: z.object({ count: z.number().int() }),
  },
  /** Save a new clipping (the save dialog). */
  'clippings/save': {
    request: z.object({ draft: ClippingDraftSchema }),
    response: z.object({ clipping: ClippingSchema }),
  },
  /** Edit what the reader decides: note, tags, items, stance. */
  'clippings/update': {
    request: z.object({ id: z.string().min(1), changes: ClippingEditableSchema.partial() }),
    response: z.object({ clipping: ClippingSchema }),
  },
  /** Delete; the response carries the clipping so that the library can offer "undo" (`clippings/restore`). */
  'clippings/delete': {
    request: z.object({ id: z.string().min(1) }),
    response: z.object({ deleted: ClippingSchema.nullable() }),
  },
  /** Put a deleted clipping back as it was (undo). */
  'clippings/restore': {
    request: z.object({ clipping: ClippingSchema }),
    response: z.object({ clipping: ClippingSchema }),
  },
  /** Clippings matching filters, newest first (the library, the checklist page with `itemId`). */
  'clippings/list': {
    request: z.object({ filters: ClippingFiltersSchema.default({}), limit: z.number().int().min(1).max(100_000).optional() }),
    response: z.object({ clippings: z.array(ClippingSchema), total: z.number().int() }),
  },
  /** Clippings per item id (within one thesis when given), for the checklist page. */
  'clippings/count-by-item': {
    request: z.object({ thesisId: z.string().optional() }),
    response: z.object({ counts: z.record(z.string(), z.number().int()) }),
  },
  /** The clippings saved from a page (by the address seen or the canonical one). */
  'clippings/for-page': {
    request: z.object({ url: z.string(), canonicalUrl: z.string().nullable().optional() }),
    response: z.object({ clippings: z.array(ClippingSchema) }),
  },
  /** Stored records that failed validation and were set aside. */
  'clippings/problems': {
    request: z.object({}),
    response: z.object({ problems: z.array(ClippingProblemSchema) }),
  },
  /** Import a Web Annotation JSON export: all or nothing, duplicates skipped. */
  'clippings/import': {
    request: z.object({ text: z.string() }),
    response: z.object({ added: z.number().int(), duplicates: z.number().int() }),
  },
  /** The lens on a page wants the page's clipper (the one bundle with its code): inject it into the sender's tab if none runs. */
  'clippings/attach': {
    request: z.object({}),
    response: z.object({ attached: z.boolean() }),
  },
  /** Open the library in a tab (from the sidebar, where a content script cannot open extension pages). */
  'clippings/open-library': {
    request: z.object({ query: z.string().optional() }),
    response: z.object({}),
  },
});

/** Background → clipper content script (via tabs.sendMessage). */
export const ClipperCommandSchema = z.discriminatedUnion('type', [
  /** Context menu or keyboard command: open the save dialog for the current selection. */
  z.object({ type: z.literal('clipper/save-selection') }),
  /** Clippings changed elsewhere (library edit, delete): load this page's clippings again. */
  z.object({ type: z.literal('clipper/refresh') }),
]);
export type ClipperCommand = z.infer<typeof ClipperCommandSchema>;
