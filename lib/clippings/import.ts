import { z } from 'zod';
import { CLIPPING_SCHEMA_VERSION, ClippingPageSchema, ClippingSchema, ItemRefSchema, LIMITS, type Clipping } from './schema';
import { StanceSchema, formatPath } from '../pack/schema';
import { ITEM_BODY_PURPOSE, STANCE_BODY_PURPOSE } from './export';
import { hostOf } from './page-key';

/**
 * Reading clippings back from W3C Web Annotation JSON (our own export, or another tool's
 * annotations with a TextQuoteSelector). A file is accepted whole or refused whole: any
 * problem refuses it with messages naming where (`first.items[3].target.source: …`), so
 * a half-imported library never happens. The caller (the background) writes the result
 * in one transaction and skips duplicates (`duplicateKey`).
 */

/** Refused before parsing: a library of 10,000 clippings exports to about 15 MB. */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;
export const MAX_IMPORT_CLIPPINGS = 50_000;
const MAX_PROBLEMS_LISTED = 10;

export class ClippingsImportError extends Error {
  constructor(readonly problems: string[]) {
    super(`Import refused, nothing was changed: ${problems.slice(0, 5).join('; ')}${problems.length > 5 ? ` (and ${problems.length - 5} more)` : ''}`);
    this.name = 'ClippingsImportError';
  }
}

/**
 * Clippings are plain text, stored as given and always shown as text (never as markup), and
 * every export escapes for its format. So an import restores exactly what was exported,
 * whatever the text says: a note such as "P/E < Meta's" or a quote from an article about
 * `<script>` injection is the reader's text, not an attack. What is not text is still
 * checked: sources and page URLs must be http(s).
 */
const PlainText = (max: number) => z.string().max(max);

const HttpUrl = z
  .string()
  .max(LIMITS.url)
  .refine((value) => /^https?:\/\//i.test(value) && URL.canParse(value), 'expected an http(s) URL');

const QuoteSelector = z.object({
  type: z.literal('TextQuoteSelector'),
  exact: PlainText(LIMITS.quote).pipe(z.string().min(1, 'the quote is empty')),
  prefix: PlainText(1000).default(''),
  suffix: PlainText(1000).default(''),
});
const PositionSelector = z.object({
  type: z.literal('TextPositionSelector'),
  start: z.number().int().min(0),
  end: z.number().int().min(1),
});
/**
 * Selectors by their type, each checked with its own schema so that a problem is reported
 * at its own path; selectors of other kinds (XPath, CSS…) are allowed and ignored. One
 * selector object alone is read as a list of one.
 */
const SelectorList = z.preprocess(
  (value) => (Array.isArray(value) ? value : [value]),
  z
    .array(z.object({ type: z.string() }).passthrough())
    .max(20)
    .superRefine((list, ctx) => {
      list.forEach((selector, i) => {
        const schema = selector.type === 'TextQuoteSelector' ? QuoteSelector : selector.type === 'TextPositionSelector' ? PositionSelector : null;
        const result = schema?.safeParse(selector);
        if (result && !result.success) for (const issue of result.error.issues) ctx.addIssue({ code: 'custom', path: [i, ...issue.path], message: issue.message });
      });
      if (!list.some((selector) => selector.type === 'TextQuoteSelector')) {
        ctx.addIssue({ code: 'custom', path: [], message: 'no TextQuoteSelector (the quote is needed to find the passage again)' });
      }
    }),
);

const Body = z.object({
  type: z.string().optional(),
  purpose: z.string().optional(),
  value: PlainText(LIMITS.note).optional(),
});

const AnnotationSchema = z.object({
  id: z.string().max(300).optional(),
  type: z.union([z.literal('Annotation'), z.array(z.string()).refine((t) => t.includes('Annotation'), 'expected type "Annotation"')]),
  created: z.iso.datetime({ offset: true }).optional(),
  modified: z.iso.datetime({ offset: true }).optional(),
  body: z.union([Body, z.array(Body).max(500)]).optional(),
  target: z.object({
    source: HttpUrl,
    selector: SelectorList,
  }),
  thesisLens: z
    .object({
      page: ClippingPageSchema.extend({ title: PlainText(LIMITS.title).default(''), site: PlainText(LIMITS.title).default('') }).optional(),
      topics: z.array(PlainText(200)).max(LIMITS.topics).optional(),
      items: z.array(ItemRefSchema).max(LIMITS.items).optional(),
      stance: StanceSchema.optional(),
    })
    .optional(),
});
type ImportedAnnotation = z.infer<typeof AnnotationSchema>;

/** Same source and same selectors: the same clipping, whatever its note or id. */
export function duplicateKey(clipping: Pick<Clipping, 'page' | 'selectors'>): string {
  const [quote, position] = clipping.selectors;
  return [clipping.page.canonicalUrl, quote.exact, quote.prefix, quote.suffix, position.start, position.end].join('\u0000');
}

/** Where the annotations are in the file, and under which path to report them. */
function locateAnnotations(data: unknown): { list: unknown[]; path: Array<string | number> } {
  if (Array.isArray(data)) return { list: data, path: [] };
  if (typeof data !== 'object' || data === null) throw new ClippingsImportError(['(root): expected a Web Annotation, an array of them, or an AnnotationCollection']);
  const record = data as Record<string, unknown>;
  const type = record.type;
  if (type === 'AnnotationCollection') {
    const first = record.first as Record<string, unknown> | undefined;
    if (!first || typeof first !== 'object' || !Array.isArray(first.items)) throw new ClippingsImportError(['first.items: expected the collection\'s annotations (an array)']);
    return { list: first.items, path: ['first', 'items'] };
  }
  if (type === 'AnnotationPage') {
    if (!Array.isArray(record.items)) throw new ClippingsImportError(['items: expected an array of annotations']);
    return { list: record.items, path: ['items'] };
  }
  return { list: [data], path: [] };
}

function toClipping(annotation: ImportedAnnotation, options: { now: string; newId: () => string }): Clipping {
  const selectors = annotation.target.selector;
  const quote = QuoteSelector.parse(selectors.find((s) => s.type === 'TextQuoteSelector'));
  const positionRaw = selectors.find((s) => s.type === 'TextPositionSelector');
  const position = positionRaw ? PositionSelector.parse(positionRaw) : undefined;
  const bodies = annotation.body === undefined ? [] : Array.isArray(annotation.body) ? annotation.body : [annotation.body];
  const valuesFor = (purpose: string) => bodies.filter((b) => b.purpose === purpose && typeof b.value === 'string').map((b) => b.value!);
  const extra = annotation.thesisLens ?? {};
  const itemsFromBodies = valuesFor(ITEM_BODY_PURPOSE)
    .map((value) => value.split('/'))
    .filter((parts) => parts.length === 2 && parts[0] && parts[1])
    .map(([thesisId, itemId]) => ({ thesisId: thesisId!, itemId: itemId! }));
  const stanceFromBody = StanceSchema.safeParse(valuesFor(STANCE_BODY_PURPOSE)[0]);
  const source = annotation.target.source;
  const uuid = annotation.id?.match(/^urn:uuid:([0-9a-f-]{36})$/i)?.[1];
  const created = annotation.created ?? options.now;
  return {
    schemaVersion: CLIPPING_SCHEMA_VERSION,
    id: uuid ?? options.newId(),
    quote: quote.exact,
    selectors: [
      { type: 'TextQuoteSelector', exact: quote.exact, prefix: quote.prefix, suffix: quote.suffix },
      // Another tool's annotation may lack a position: a placeholder that re-anchoring checks
      // against the quote (and so falls back to quote search) keeps the record complete.
      position && position.end > position.start
        ? { type: 'TextPositionSelector', start: position.start, end: position.end }
        : { type: 'TextPositionSelector', start: 0, end: quote.exact.length },
    ],
    page: extra.page ?? { url: source, canonicalUrl: source, title: '', site: hostOf(source), published: null },
    createdAt: created,
    updatedAt: annotation.modified ?? created,
    topics: extra.topics ?? [],
    items: extra.items ?? itemsFromBodies,
    note: valuesFor('commenting').join('\n\n'),
    tags: [...new Set(valuesFor('tagging').map((t) => t.trim()).filter(Boolean))],
    stance: extra.stance ?? (stanceFromBody.success ? stanceFromBody.data : 'neutral'),
  };
}

export interface ParsedImport {
  clippings: Clipping[];
  /** Clippings that appeared twice in the file itself (kept once). */
  duplicatesInFile: number;
}

/** Parses an export file; throws ClippingsImportError naming every problem (up to ten). */
export function parseClippingsImport(text: string, options: { now?: Date; newId?: () => string } = {}): ParsedImport {
  if (text.length > MAX_IMPORT_BYTES) {
    throw new ClippingsImportError([`(file): ${(text.length / 1024 / 1024).toFixed(1)} MB is over the ${MAX_IMPORT_BYTES / 1024 / 1024} MB import limit`]);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new ClippingsImportError([`(file): not JSON (${error instanceof Error ? error.message : String(error)})`]);
  }
  const { list, path } = locateAnnotations(data);
  if (list.length > MAX_IMPORT_CLIPPINGS) throw new ClippingsImportError([`${formatPath(path)}: ${list.length} annotations is over the limit of ${MAX_IMPORT_CLIPPINGS}`]);
  const now = (options.now ?? new Date()).toISOString();
  const newId = options.newId ?? (() => crypto.randomUUID());
  const problems: string[] = [];
  const clippings: Clipping[] = [];
  const seen = new Set<string>();
  const ids = new Set<string>();
  let duplicatesInFile = 0;
  list.forEach((raw, i) => {
    if (problems.length >= MAX_PROBLEMS_LISTED) return;
    const parsed = AnnotationSchema.safeParse(raw);
    if (!parsed.success) {
      for (const issue of parsed.error.issues.slice(0, 3)) problems.push(`${formatPath([...path, i, ...issue.path])}: ${issue.message}`);
      return;
    }
    const candidate = toClipping(parsed.data, { now, newId });
    if (ids.has(candidate.id)) candidate.id = newId();
    const checked = ClippingSchema.safeParse(candidate);
    if (!checked.success) {
      for (const issue of checked.error.issues.slice(0, 3)) problems.push(`${formatPath([...path, i])} (as a clipping) ${formatPath(issue.path)}: ${issue.message}`);
      return;
    }
    const key = duplicateKey(checked.data);
    if (seen.has(key)) {
      duplicatesInFile++;
      return;
    }
    seen.add(key);
    ids.add(checked.data.id);
    clippings.push(checked.data);
  });
  if (problems.length) throw new ClippingsImportError(problems);
  return { clippings, duplicatesInFile };
}
