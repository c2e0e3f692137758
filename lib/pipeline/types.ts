import { z } from 'zod';
import { StanceSchema, StatusSchema, FigureUnitSchema } from '../pack/schema';

/**
 * The pipeline's result: the JSON contract of `../shared/spec/scan-cli.md` (fields may be
 * added, none may change meaning). The same object feeds the sidebar, the highlights, the
 * toolbar badge and `npm run scan -- --json`.
 */

export const FigureSchema = z.object({
  raw: z.string(),
  value: z.number(),
  unit: z.union([FigureUnitSchema, z.string()]),
  /** The stated scale ("billion", "亿"); `value` stays in it: "RMB 380 billion" → value 380, scale "billion". */
  scale: z.string().optional(),
  /** `value` with the scale applied (380e9), the number checks compare. */
  normalized: z.number().optional(),
  atLeast: z.boolean().optional(),
});
export type Figure = z.infer<typeof FigureSchema>;

export const VerdictSchema = z.enum(['matches', 'differs', 'newer']);
export type Verdict = z.infer<typeof VerdictSchema>;

export const CheckSchema = z.object({
  itemId: z.string(),
  verdict: VerdictSchema,
  /** The known figure, quoted for the reader: "34% (quarter ended 2025-09-30)". */
  known: z.string(),
  measure: z.string().optional(),
  /** The raw figure in the claim this check is about. */
  figure: z.string().optional(),
  /** End of the period the figure is for (YYYY-MM-DD), when it can be told. */
  period: z.string().optional(),
  /** The claim's number, scale applied, and its unit: what evidence across articles compares. */
  value: z.number().optional(),
  unit: z.string().optional(),
});
export type Check = z.infer<typeof CheckSchema>;

/** Why a sentence was linked to an item: the words that made the link and its stance. */
export const LinkReasonsSchema = z.object({
  /** The subject words that bound the sentence to the item (in it, or in the sentence or heading it continues). */
  subject: z.string().optional(),
  /** The item's event or measure words found in the sentence. */
  event: z.string().optional(),
  /** The event's direction in the sentence, after negation. */
  direction: z.enum(['up', 'down']).optional(),
  negated: z.boolean().optional(),
  hedged: z.boolean().optional(),
  /** Every matched word: subject, event, matcher and direction words. */
  words: z.array(z.string()),
  /** The learned model's link probability, where the pack has one. */
  modelScore: z.number().optional(),
  /** The probability of the link from the rules' and the model's evidence together (the pack's combiner). */
  linkScore: z.number().optional(),
});
export type LinkReasons = z.infer<typeof LinkReasonsSchema>;

export const ClaimLinkSchema = z.object({ id: z.string(), stance: StanceSchema, reasons: LinkReasonsSchema.optional() });
export type ClaimLink = z.infer<typeof ClaimLinkSchema>;

export const ClaimSchema = z.object({
  text: z.string(),
  items: z.array(ClaimLinkSchema).min(1),
  figures: z.array(FigureSchema),
  checks: z.array(CheckSchema),
  /** Position of the sentence in the article's text (the concatenation `scan` analysed). */
  start: z.number().int().optional(),
  end: z.number().int().optional(),
  /** Hedged ("could", "may", "reportedly"): a forecast or report, not an established fact. */
  hedged: z.boolean().optional(),
  lang: z.enum(['en', 'zh']).optional(),
});
export type Claim = z.infer<typeof ClaimSchema>;

export const ItemSummarySchema = z.object({
  id: z.string(),
  status: StatusSchema,
  claims: z.number().int(),
  /** Date and note of the latest status entry (as of the scan's `asOf`). */
  statusDate: z.string().optional(),
  statusNote: z.string().optional(),
  title: z.string().optional(),
  kind: z.enum(['catalyst', 'risk']).optional(),
});
export type ItemSummary = z.infer<typeof ItemSummarySchema>;

export const ScanResultSchema = z.object({
  title: z.string(),
  url: z.string().nullable(),
  published: z.string().nullable(),
  isArticle: z.boolean(),
  relevant: z.boolean(),
  topics: z.array(z.string()),
  claims: z.array(ClaimSchema),
  items: z.array(ItemSummarySchema),
  timingsMs: z.object({ total: z.number() }).catchall(z.number()),
  /** The pack the page was judged with. */
  thesisId: z.string().optional(),
  lang: z.enum(['en', 'zh']).optional(),
});
export type ScanResult = z.infer<typeof ScanResultSchema>;

export interface ScanOptions {
  /** The page's URL when the document does not say (a saved file, a live page's location). */
  url?: string | null;
  /** The article's date when the page carries none (YYYY-MM-DD). */
  date?: string | null;
  /** Judge with only what the pack knew on that date (YYYY-MM-DD). Default: today. */
  asOf?: string;
  /** A clock for `timingsMs`; performance.now where available. */
  now?: () => number;
}
