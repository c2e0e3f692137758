import { z } from 'zod';
import { STANCES, STATUSES } from './vocabulary';

// Extension pages forbid eval: tell zod not to probe for it (no CSP noise, same results).
z.config({ jitless: true });

/**
 * A thesis pack: the checklist an investor reasons with, plus what the pipeline needs
 * to recognise it in the news. It crosses borders (bundled file, import, feed, sync),
 * so it is parsed here, once, and trusted inside.
 *
 * Terms (in `Terms` lists) are the matcher language, kept simple enough to write by hand
 * and to serialise: case-insensitive; a Latin term matches at a word start and, unless
 * it ends in `*`, at a word end too ("approv*" matches "approval", "approved");
 * a term containing CJK characters matches as a substring.
 */

export { STATUSES, STANCES, type Status, type Stance } from './vocabulary';
export const StatusSchema = z.enum(STATUSES);
export const StanceSchema = z.enum(STANCES);

/**
 * Size limits of a pack: it comes from files and feeds the user does not control, and every
 * term becomes part of a pattern run over each page.
 */
export const PACK_LIMITS = {
  items: 100,
  topics: 20,
  termsPerList: 400,
  termLength: 120,
  rulesPerItem: 40,
  historyPerItem: 1000,
  figuresPerItem: 60,
  /** Characters of the pack as JSON. */
  totalChars: 2_000_000,
} as const;

/** A real calendar date: "2026-02-30" and "2026-13-45" are refused. */
export function isRealDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD')
  .refine(isRealDate, 'not a real calendar date');

/** Only web addresses a reader can open: no `javascript:`, `data:` or `file:` links in a pack. */
export const WebUrl = z
  .string()
  .max(2048, 'URL too long (at most 2048 characters)')
  .refine((value) => {
    try {
      const url = new URL(value);
      return url.protocol === 'https:' || url.protocol === 'http:';
    } catch {
      return false;
    }
  }, 'expected an http(s) URL');
const Id = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'expected a lowercase id (a-z, 0-9, -)');

const Term = z.string().min(1).max(PACK_LIMITS.termLength, `term too long (at most ${PACK_LIMITS.termLength} characters)`);
const Terms = z.array(Term).max(PACK_LIMITS.termsPerList, `too many terms (at most ${PACK_LIMITS.termsPerList} per list)`).default([]);

/** Terms per language. Both languages are searched on every page (Chinese pages quote English names). */
export const LocalizedTermsSchema = z.object({
  en: Terms,
  zh: Terms,
});
export type LocalizedTerms = z.infer<typeof LocalizedTermsSchema>;

/** A sentence (or article) matches a rule when it contains a term from every group. */
export const MatchRuleSchema = z.object({
  all: z.array(LocalizedTermsSchema).min(1),
  /** Any of these present vetoes the rule (e.g. "Hyundai" for the H200 van). */
  none: LocalizedTermsSchema.optional(),
});
export type MatchRule = z.infer<typeof MatchRuleSchema>;

export const TopicSchema = z.object({
  id: Id,
  title: z.string().min(1),
  description: z.string().default(''),
  /** Names whose repeated, prominent mention makes the topic a subject of the page. */
  mentions: LocalizedTermsSchema,
  /** Rules the article as a whole must satisfy (e.g. chip terms AND China/export terms). */
  requires: z.array(MatchRuleSchema).default([]),
  /** Terms that explain the mentions away (the folk tale, the van). */
  negatives: LocalizedTermsSchema.default({ en: [], zh: [] }),
});
export type Topic = z.infer<typeof TopicSchema>;

export const FigureUnitSchema = z.enum(['percent', 'CNY', 'USD', 'HKD', 'JPY', 'units', 'multiple', 'count']);
export type FigureUnit = z.infer<typeof FigureUnitSchema>;

/**
 * How news about the pack's company writes its figures. These differ from company to company
 * (a March or a January fiscal year, ¥ as yuan or as yen, chips or vehicles counted), so they
 * belong to the pack, not to the pipeline. A pack without them reads calendar quarters, ¥ as
 * yuan and "units" as the only count noun.
 */
export const FigureConventionsSchema = z.object({
  /** The month the company's fiscal year ends (3: fiscal Q1 ends in June, FY2026 ends March 2026; 12: calendar year). */
  fiscalYearEndMonth: z.number().int().min(1).max(12).default(12),
  /** What a bare ¥ means in news about this company: yuan (CNY) or yen (JPY). 円 is always yen, 元 always yuan. */
  yenSign: z.enum(['CNY', 'JPY']).default('CNY'),
  /** Nouns that count things ("chips", "vehicles", "颗"): "200,000 chips" is a figure in units. */
  unitNouns: z.array(z.string().trim().min(1).max(40)).max(60).default(['units']),
});
export type FigureConventions = z.infer<typeof FigureConventionsSchema>;
export const DEFAULT_FIGURE_CONVENTIONS: FigureConventions = FigureConventionsSchema.parse({});

export const KeyFigureSchema = z.object({
  /** Stable name of the measure, shared by all figures of the same quantity (e.g. "cloud-revenue-yoy"). */
  measure: Id,
  label: z.string().min(1),
  value: z.number(),
  /** For "≥100%" style figures (triple-digit growth). */
  atLeast: z.boolean().default(false),
  unit: FigureUnitSchema,
  /** Human label of the period the figure describes, e.g. "quarter ended 2025-09-30". */
  period: z.string().min(1),
  /** Last day of that period, used to tell a later period from the same one. */
  periodEnd: IsoDate,
  /** When the figure became known. A check as of an earlier date ignores it. */
  asOf: IsoDate,
  /** Terms that must be near a number in a sentence for it to be this measure. */
  context: z.array(LocalizedTermsSchema).min(1),
  /**
   * A market reading (a multiple, a drawdown from a peak) rather than a period's result: a
   * number quoted without a period is for the month the article is dated in, so the same
   * month compares (matches / differs) and a later month is newer.
   */
  pointInTime: z.boolean().optional(),
  /** Terms that, near the number, make it another measure ("AI-related" next to cloud revenue). */
  without: LocalizedTermsSchema.optional(),
  /**
   * Whose figure it is when not the pack's own company (`entities.self`): e.g. the US
   * government's revenue share. A number nearest to another company's name is not checked.
   */
  subject: LocalizedTermsSchema.optional(),
  /** Allowed relative difference for `matches` (default: exact for percentages, 2% for amounts). */
  tolerance: z.number().min(0).max(1).optional(),
  source: z.string().optional(),
});
export type KeyFigure = z.infer<typeof KeyFigureSchema>;

export const OriginSchema = z.enum(['bundled', 'user', 'feed']);
export const HistoryEntrySchema = z.object({
  date: IsoDate,
  status: StatusSchema,
  note: z.string().min(1),
  source: z.object({ title: z.string().min(1), url: WebUrl.optional() }).optional(),
  /** Who wrote the entry: the pack's author, the user, or a subscribed feed. */
  origin: OriginSchema.default('bundled'),
  /** For origin "feed": the feed URL. */
  originUrl: WebUrl.optional(),
});
export type HistoryEntry = z.infer<typeof HistoryEntrySchema>;

export const DirectionSchema = z.enum(['up', 'down']);
export type Direction = z.infer<typeof DirectionSchema>;

export const ItemSchema = z.object({
  id: Id,
  kind: z.enum(['catalyst', 'risk']),
  title: z.string().min(1),
  description: z.string().default(''),
  /**
   * Pack v2. Whose action or figure counts (the company and its units, a government and its
   * agencies): a sentence links to the item only when one of these is its actor or owner, in
   * the sentence or in the sentence or heading it continues. Empty: any actor (v1 packs).
   */
  subject: LocalizedTermsSchema.default({ en: [], zh: [] }),
  /** Pack v2. The event or measure the item is about ("cloud revenue", "export licence"); shown as a link's reason. */
  event: LocalizedTermsSchema.default({ en: [], zh: [] }),
  /**
   * Pack v2. Which direction of the event is good for the thesis, in the generic event
   * vocabulary's sense (lib/text/events.ts): `up` = more, allowed, sooner, growing;
   * `down` = less, blocked, later, shrinking. Default: `up` for a catalyst, `down` for a risk.
   */
  direction: DirectionSchema.optional(),
  /** When a sentence is about this item. */
  matchers: z.array(MatchRuleSchema).min(1).max(PACK_LIMITS.rulesPerItem),
  /**
   * Cues for the stance of a linked claim, relative to the thesis. For a risk item,
   * `challenges` cues are the risk rising. Negation and hedging are handled by the pipeline.
   * `burdens` (optional): what is bad for the item whatever the event, as restrictions are in
   * the generic vocabulary ("domestic chips" for access to foreign ones): a quantity word on
   * one turns over ("the share of domestic chips will rise" challenges), and one named alone
   * reads as less.
   */
  cues: z
    .object({ supports: LocalizedTermsSchema, challenges: LocalizedTermsSchema, burdens: LocalizedTermsSchema.optional() })
    .default({ supports: { en: [], zh: [] }, challenges: { en: [], zh: [] } }),
  figures: z.array(KeyFigureSchema).max(PACK_LIMITS.figuresPerItem).default([]),
  history: z.array(HistoryEntrySchema).min(1).max(PACK_LIMITS.historyPerItem),
});
export type Item = z.infer<typeof ItemSchema>;

export const PACK_SCHEMA = 'thesis-lens/pack@2';

export const ThesisPackSchema = z
  .object({
    /**
     * v1 packs (no item subject, event or direction) are read as v2: the new fields take
     * their defaults (any actor; direction from the item's kind) and the pack is written back as v2.
     */
    schema: z
      .enum(['thesis-lens/pack@1', 'thesis-lens/pack@2'])
      .default(PACK_SCHEMA)
      .transform(() => PACK_SCHEMA),
    id: Id,
    title: z.string().min(1),
    version: z.string().min(1),
    description: z.string().default(''),
    topics: z.array(TopicSchema).min(1).max(PACK_LIMITS.topics, `too many topics (at most ${PACK_LIMITS.topics})`),
    items: z.array(ItemSchema).min(1).max(PACK_LIMITS.items, `too many items (at most ${PACK_LIMITS.items})`),
    /**
     * Who the thesis is about (`self`) and other companies (`others`) whose figures, quoted in
     * the same sentence, must not be checked against this pack's figures.
     */
    entities: z.object({ self: LocalizedTermsSchema, others: LocalizedTermsSchema }).optional(),
    /**
     * Fiscal calendar, currency sign and count nouns of the company. A pack without them (v2
     * packs stored before they existed, a thesis made on the checklist page) is read with
     * DEFAULT_FIGURE_CONVENTIONS: calendar quarters, ¥ as yuan, "units".
     */
    figureConventions: FigureConventionsSchema.optional(),
  })
  .superRefine((pack, ctx) => {
    const seen = new Set<string>();
    pack.items.forEach((item, i) => {
      if (seen.has(item.id)) ctx.addIssue({ code: 'custom', path: ['items', i, 'id'], message: `duplicate item id "${item.id}"` });
      seen.add(item.id);
    });
    const topics = new Set<string>();
    pack.topics.forEach((topic, i) => {
      if (topics.has(topic.id)) ctx.addIssue({ code: 'custom', path: ['topics', i, 'id'], message: `duplicate topic id "${topic.id}"` });
      topics.add(topic.id);
    });
  });
export type ThesisPack = z.infer<typeof ThesisPackSchema>;
export type ThesisPackInput = z.input<typeof ThesisPackSchema>;

/** Formats a zod path as `items[3].history[0].status`. */
export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out || '(root)';
}

/** One line per problem, each naming the path: `items[3].history[0].status: expected one of …`. */
export function formatIssues(error: z.ZodError): string[] {
  return error.issues.map((issue) => `${formatPath(issue.path)}: ${issue.message}`);
}

export class PackValidationError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid thesis pack: ${problems.slice(0, 5).join('; ')}${problems.length > 5 ? ` (and ${problems.length - 5} more)` : ''}`);
    this.name = 'PackValidationError';
  }
}

export type PackParseResult = { ok: true; pack: ThesisPack } | { ok: false; problems: string[] };

export function safeParsePack(input: unknown): PackParseResult {
  let size = 0;
  try {
    size = JSON.stringify(input)?.length ?? 0;
  } catch {
    return { ok: false, problems: ['(root): not serialisable as JSON'] };
  }
  if (size > PACK_LIMITS.totalChars) return { ok: false, problems: [`(root): pack too large (${size} characters; at most ${PACK_LIMITS.totalChars})`] };
  const result = ThesisPackSchema.safeParse(input);
  return result.success ? { ok: true, pack: result.data } : { ok: false, problems: formatIssues(result.error) };
}

export function parsePack(input: unknown): ThesisPack {
  const result = safeParsePack(input);
  if (!result.ok) throw new PackValidationError(result.problems);
  return result.pack;
}
