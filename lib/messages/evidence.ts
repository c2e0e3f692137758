import { z } from 'zod';
import { defineMessages } from './protocol';
import {
  ArticleNoveltySchema,
  ItemEvidenceSchema,
  ReadingLogEntrySchema,
  ReadingLogSettingsSchema,
  ThesisEvidenceSchema,
} from '../evidence/schema';

/** A log entry as listed: everything but the claims, plus their count. */
export const ReadingLogRowSchema = ReadingLogEntrySchema.omit({ claims: true }).extend({ claimCount: z.number().int() });
export type ReadingLogRow = z.infer<typeof ReadingLogRowSchema>;

/**
 * The reading log and the evidence derived from it (issue 12). The background records a log
 * entry itself when it analyses a relevant page for a tab (`lens/analyze`): no page script can
 * add, read or clear one. Everything here is for extension pages only.
 */
export const evidenceMessages = defineMessages({
  /** A page of the log, newest read first, optionally filtered by words (title, site, claims). */
  'reading-log/list': {
    request: z.object({ query: z.string().max(500).default(''), offset: z.number().int().min(0).default(0), limit: z.number().int().min(1).max(500).default(50) }),
    response: z.object({
      rows: z.array(ReadingLogRowSchema),
      total: z.number().int(),
      settings: ReadingLogSettingsSchema,
      /** Stored records that could not be read: set aside (kept, not deleted) and described here. */
      problems: z.array(z.string()).default([]),
    }),
  },
  /** The whole log, for export as JSON. */
  'reading-log/export': {
    request: z.object({}),
    response: z.object({ entries: z.array(ReadingLogEntrySchema) }),
  },
  'reading-log/remove': {
    request: z.object({ pageKey: z.string().min(1) }),
    response: z.object({ removed: z.boolean() }),
  },
  'reading-log/clear': {
    request: z.object({}),
    response: z.object({ cleared: z.number().int() }),
  },
  /** Reads the settings, or changes them when `enabled` is given. Switching off keeps what is logged. */
  'reading-log/settings': {
    request: z.object({ enabled: z.boolean().optional() }),
    response: ReadingLogSettingsSchema,
  },
  /** Evidence, conflicts, candidate figures and suggestions of one thesis, as of today. */
  'evidence/thesis': {
    request: z.object({ thesisId: z.string().min(1) }),
    response: ThesisEvidenceSchema,
  },
  /**
   * For the panel's frame (an extension page inside the sender tab): what the sender tab's
   * article adds, and its items' evidence since their latest status.
   */
  'evidence/page': {
    request: z.object({}),
    response: z.object({ novelty: ArticleNoveltySchema.nullable(), items: z.array(ItemEvidenceSchema) }),
  },
  /**
   * Applies the item's current suggestion as the reader's own dated entry citing its sources.
   * The background recomputes the suggestion; a stale `fingerprint` is refused.
   */
  'evidence/apply-suggestion': {
    request: z.object({ thesisId: z.string().min(1), itemId: z.string().min(1), fingerprint: z.string().min(1) }),
    response: z.object({ applied: z.boolean() }),
  },
  /** Dismisses the item's suggestion until the evidence behind it changes. */
  'evidence/dismiss-suggestion': {
    request: z.object({ thesisId: z.string().min(1), itemId: z.string().min(1), fingerprint: z.string().min(1) }),
    response: z.object({ dismissed: z.boolean() }),
  },
  /** Adds a candidate key figure (recomputed by the background) to the item, with its source. */
  'evidence/add-figure': {
    request: z.object({ thesisId: z.string().min(1), candidateId: z.string().min(1) }),
    response: z.object({ added: z.boolean() }),
  },
});
