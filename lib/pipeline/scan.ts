import { DEFAULT_FIGURE_CONVENTIONS, type ThesisPack } from '../pack/schema';
import { latestStatus, today } from '../pack/status';
import { detectArticle, type ArticleInfo } from './article';
import type { ArticleReading } from './reading';
import { findClaims, OPENS_WITH_PRONOUN } from './claims';
import { checkFigures, extractFigures, toFigure } from './figures';
import { normalizeWhitespace, splitSentences, type Sentence } from './sentences';
import { scorePackTopics } from './topics';
import type { Claim, ItemSummary, ScanOptions, ScanResult } from './types';

export { readingOf, type ArticleReading } from './reading';

/**
 * The page pipeline: article → topics → sentences → claims (links, stances) → figures and
 * checks → per-item summary. The content script calls `analyzePage` on the live document;
 * `npm run scan` calls it on a parsed file. Claim offsets (`start`/`end`) index
 * `article.text.text`, which `rangeFor` maps back to the DOM.
 */

export interface PageAnalysis {
  article: ArticleInfo;
  results: ScanResult[];
}

type Timings = Record<string, number>;


function clock(options: ScanOptions): () => number {
  if (options.now) return options.now;
  const perf = (globalThis as { performance?: { now(): number } }).performance;
  return perf ? () => perf.now() : () => Date.now();
}

function round(ms: number): number {
  return Math.round(ms * 1000) / 1000;
}

/** Shared by all packs of one page: sentences are split once. */
interface PageState {
  sentences: Sentence[] | null;
}

function emptyResult(article: ArticleReading, pack: ThesisPack): ScanResult {
  return {
    title: article.title,
    url: article.url,
    published: article.published,
    isArticle: article.isArticle,
    relevant: false,
    topics: [],
    claims: [],
    items: [],
    timingsMs: { total: 0 },
    thesisId: pack.id,
    lang: article.lang,
  };
}

/** Judges an already detected article with one pack. Adds its stage timings to `timings`. */
export function scanArticle(article: ArticleReading, pack: ThesisPack, options: ScanOptions = {}, state: PageState = { sentences: null }, timings: Timings = {}): ScanResult {
  const now = clock(options);
  const asOf = options.asOf ?? today();
  const result = emptyResult(article, pack);
  if (!article.isArticle) return result;
  const text = article.text.text;

  let t = now();
  const topics = scorePackTopics({ title: article.title, text }, pack)
    .filter((score) => score.subject)
    .map((score) => score.topicId);
  timings.topics = (timings.topics ?? 0) + now() - t;
  if (topics.length === 0) return result;
  result.relevant = true;
  result.topics = topics;

  t = now();
  if (!state.sentences) state.sentences = splitSentences(text, article.lang);
  timings.sentences = (timings.sentences ?? 0) + now() - t;

  t = now();
  const linked = findClaims(text, state.sentences, pack, article.lang, article.title, article.published ?? options.date ?? null);
  timings.claims = (timings.claims ?? 0) + now() - t;

  t = now();
  const published = article.published ?? options.date ?? null;
  const conventions = pack.figureConventions ?? DEFAULT_FIGURE_CONVENTIONS;
  const sentences = state.sentences;
  const claims: Claim[] = linked.map(({ sentence, index, links, hedged }) => {
    const figures = extractFigures(sentence.text, conventions);
    const antecedent = index > 0 && OPENS_WITH_PRONOUN.test(sentence.text) ? sentences[index - 1]!.text : undefined;
    // A check never creates a link: only figures of the items the sentence is linked to are checked.
    const linkedItems = pack.items.filter((item) => links.some((link) => link.id === item.id));
    const previous = index > 0 ? sentences[index - 1]!.text : undefined;
    const checks = checkFigures({ text: sentence.text, figures, ...(antecedent ? { antecedent } : {}), ...(previous !== undefined ? { previous } : {}), boundBy: Object.fromEntries(links.map((link) => [link.id, link.reasons?.subject])) }, linkedItems, {
      published,
      asOf,
      entities: pack.entities,
      conventions,
    });
    const items = links;
    const claim: Claim = {
      text: normalizeWhitespace(sentence.text),
      items,
      figures: figures.map(toFigure),
      checks,
      start: sentence.start,
      end: sentence.end,
      lang: article.lang,
    };
    if (hedged) claim.hedged = true;
    return claim;
  });
  timings.figures = (timings.figures ?? 0) + now() - t;
  result.claims = claims;

  const counts = new Map<string, number>();
  for (const claim of claims) for (const link of claim.items) counts.set(link.id, (counts.get(link.id) ?? 0) + 1);
  result.items = pack.items.map((item): ItemSummary => {
    const entry = latestStatus(item, asOf);
    const summary: ItemSummary = { id: item.id, status: entry?.status ?? 'pending', claims: counts.get(item.id) ?? 0, title: item.title, kind: item.kind };
    if (entry) {
      summary.statusDate = entry.date;
      summary.statusNote = entry.note;
    }
    return summary;
  });
  return result;
}

/**
 * Detects the article once, then judges it with each pack, one step at a time: the caller
 * resumes the generator for each step, so that on a live page it can give the main thread
 * back in between (no single long task on a huge page). `timingsMs.total` is the pipeline's
 * time on the parsed document, article detection included, pauses between steps excluded.
 */
export function* analyzePageSteps(document: Document, packs: readonly ThesisPack[], options: ScanOptions = {}): Generator<void, PageAnalysis, void> {
  const now = clock(options);
  const start = now();
  const article = detectArticle(document, { url: options.url ?? null, date: options.date ?? null });
  const articleMs = now() - start;
  const state: PageState = { sentences: null };
  const results: ScanResult[] = [];
  for (const pack of packs) {
    yield;
    const timings: Timings = {};
    const packStart = now();
    const result = scanArticle(article, pack, options, state, timings);
    const packMs = now() - packStart;
    result.timingsMs = { total: round(articleMs + packMs), article: round(articleMs) };
    for (const [stage, ms] of Object.entries(timings)) result.timingsMs[stage] = round(ms);
    results.push(result);
  }
  return { article, results };
}

/** The whole analysis in one go (the `scan` command, tests). */
export function analyzePage(document: Document, packs: readonly ThesisPack[], options: ScanOptions = {}): PageAnalysis {
  const steps = analyzePageSteps(document, packs, options);
  let step = steps.next();
  while (!step.done) step = steps.next();
  return step.value;
}

/** One page, one pack: the `scan` command's unit of work. */
export function scan(document: Document, pack: ThesisPack, options: ScanOptions = {}): ScanResult {
  return analyzePage(document, [pack], options).results[0]!;
}
