import { z } from 'zod';
import { StanceSchema } from '../pack/schema';

/** Stored corrections and the request for one (the background parses both; the page's script never imports this). */
export const CorrectionSchema = z.object({
  id: z.string().min(1),
  /** The page, without its fragment (from the sender tab, never from a payload). */
  pageUrl: z.string(),
  thesisId: z.string(),
  /** The sentence as the pipeline read it: corrections follow the text, not offsets. */
  text: z.string().min(1).max(4000),
  lang: z.enum(['en', 'zh']).optional(),
  kind: z.enum(['not-claim', 'stance', 'item']),
  /** The item the correction is about (stance), or the wrong item (item). */
  itemId: z.string().optional(),
  /** The right item (kind 'item'). */
  toItemId: z.string().optional(),
  stance: StanceSchema.optional(),
  createdAt: z.string(),
});
export type Correction = z.infer<typeof CorrectionSchema>;

/** What the reader asks for on a claim; the background adds id, page and date. */
export const CorrectionRequestSchema = CorrectionSchema.omit({ id: true, pageUrl: true, createdAt: true });
export type CorrectionRequest = z.infer<typeof CorrectionRequestSchema>;
