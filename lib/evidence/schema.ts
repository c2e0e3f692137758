import { z } from 'zod';
import { StanceSchema, StatusSchema, HistoryEntrySchema } from '../pack/schema';
import { CheckSchema } from '../pipeline/types';

/**
 * The contract of evidence across articles (issue 12): what the reading log keeps of each
 * relevant article, and what the pure rules in `lib/evidence` derive from it for a thesis:
 * the evidence since each item's latest status, figures that disagree between sources,
 * candidate key figures and status suggestions. The background writes the log; the checklist
 * page, the reading-log page, the panel and `scan --digest` render what these schemas carry.
 */

const IsoDate = HistoryEntrySchema.shape.date;

/** One link of a read claim to an item, after the reader's corrections. */
export const ReadLinkSchema = z.object({
  itemId: z.string().min(1),
  stance: StanceSchema,
});
export type ReadLink = z.infer<typeof ReadLinkSchema>;

/** A claim as the log keeps it: the sentence, its links, its hedge and its figure checks. */
export const ReadClaimSchema = z.object({
  text: z.string().min(1).max(2000),
  links: z.array(ReadLinkSchema).min(1),
  hedged: z.boolean().default(false),
  checks: z.array(CheckSchema).default([]),
});
export type ReadClaim = z.infer<typeof ReadClaimSchema>;

export const READING_LOG_LIMIT = 5000;

/** One relevant article the reader opened (a page seen again replaces its entry). */
export const ReadingLogEntrySchema = z.object({
  /** The page's identity: its address without query or fragment (lib/clippings/page-key). */
  pageKey: z.string().min(1),
  url: z.string().min(1),
  title: z.string(),
  /** Registrable domain of the page ("reuters.com"): what "separate sites" counts. */
  site: z.string().min(1),
  /** The article's publication date when it carries one (YYYY-MM-DD). */
  published: IsoDate.nullable(),
  /** When the reader opened it (ISO timestamp). */
  readAt: z.string().min(1),
  thesisId: z.string().min(1),
  lang: z.enum(['en', 'zh']).optional(),
  claims: z.array(ReadClaimSchema).max(500),
});
export type ReadingLogEntry = z.infer<typeof ReadingLogEntrySchema>;

/** Where a piece of evidence comes from. */
export const EvidenceSourceSchema = z.object({
  pageKey: z.string(),
  url: z.string(),
  title: z.string(),
  site: z.string(),
  /** The article's date, or the day it was read when it carries none. */
  date: IsoDate,
});
export type EvidenceSource = z.infer<typeof EvidenceSourceSchema>;

export const EvidenceClaimSchema = z.object({
  text: z.string(),
  stance: StanceSchema,
  hedged: z.boolean(),
  source: EvidenceSourceSchema,
});
export type EvidenceClaim = z.infer<typeof EvidenceClaimSchema>;

/** An item's evidence read since its latest status entry. */
export const ItemEvidenceSchema = z.object({
  itemId: z.string(),
  /** Date of the item's latest status entry; null when it has none (all evidence counts). */
  since: IsoDate.nullable(),
  supports: z.array(EvidenceClaimSchema),
  challenges: z.array(EvidenceClaimSchema),
  /** Separate sites among the supports and the challenges. */
  supportSites: z.number().int(),
  challengeSites: z.number().int(),
});
export type ItemEvidence = z.infer<typeof ItemEvidenceSchema>;

/** One source's value for a measure and period. */
export const FigureReportSchema = z.object({
  value: z.number(),
  /** The figure as written ("34%", "RMB 39.8 billion"). */
  figure: z.string(),
  text: z.string(),
  source: EvidenceSourceSchema,
});
export type FigureReport = z.infer<typeof FigureReportSchema>;

/** Sources giving different values for the same measure and period. */
export const FigureConflictSchema = z.object({
  itemId: z.string(),
  measure: z.string(),
  period: IsoDate,
  unit: z.string(),
  /** At least two distinct values; one report per source and value. */
  reports: z.array(FigureReportSchema).min(2),
});
export type FigureConflict = z.infer<typeof FigureConflictSchema>;

/** A later-period figure the checklist does not know yet; adding it is one click. */
export const CandidateFigureSchema = z.object({
  /** Stable id (item, measure, period, value): what "add" and "dismiss" name. */
  id: z.string(),
  itemId: z.string(),
  measure: z.string(),
  /** Null when the text names no period (then it cannot be added, only shown). */
  period: IsoDate.nullable(),
  unit: z.string(),
  value: z.number(),
  reports: z.array(FigureReportSchema).min(1),
});
export type CandidateFigure = z.infer<typeof CandidateFigureSchema>;

/** A status the evidence suggests; never applied without the reader. */
export const StatusSuggestionSchema = z.object({
  itemId: z.string(),
  from: StatusSchema,
  to: StatusSchema,
  /** Names the rule that fired (an i18n key suffix), so the screen can state it. */
  rule: z.string(),
  /** The claims that justify it, newest first. */
  basis: z.array(EvidenceClaimSchema).min(1),
  sites: z.number().int(),
  /** Identifies the evidence behind it: a dismissal holds until this changes. */
  fingerprint: z.string(),
});
export type StatusSuggestion = z.infer<typeof StatusSuggestionSchema>;

/** Everything the log says about one thesis, as of a date. */
export const ThesisEvidenceSchema = z.object({
  thesisId: z.string(),
  asOf: IsoDate,
  items: z.array(ItemEvidenceSchema),
  conflicts: z.array(FigureConflictSchema),
  candidates: z.array(CandidateFigureSchema),
  suggestions: z.array(StatusSuggestionSchema),
});
export type ThesisEvidence = z.infer<typeof ThesisEvidenceSchema>;

/** What one article adds, for the panel: sources and figures nobody reported before. */
export const ArticleNoveltySchema = z.object({
  /** Items this article is the first source (site) to speak to since their latest status. */
  newSourceFor: z.array(z.string()),
  /** Its figures (item, measure, period, value) no earlier article in the log reported. */
  newFigures: z.array(z.object({ itemId: z.string(), measure: z.string(), figure: z.string(), period: IsoDate.nullable() })),
});
export type ArticleNovelty = z.infer<typeof ArticleNoveltySchema>;

export const ReadingLogSettingsSchema = z.object({ enabled: z.boolean().default(true) });
export type ReadingLogSettings = z.infer<typeof ReadingLogSettingsSchema>;
