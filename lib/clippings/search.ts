import type { Clipping, ClippingFilters } from './schema';
import { pageKey } from './page-key';

/**
 * Full-text search and filters over the library. Built for 10,000 clippings typed into
 * on every keystroke: the lowercased text of each clipping (quote, note, tags, title) is
 * computed once in `buildSearchIndex`, so a search is one `includes` per word per clipping.
 */

export interface SearchEntry {
  readonly clipping: Clipping;
  /** quote, note, tags and title, lowercased and normalised, separated by a character no query holds. */
  readonly haystack: string;
  /** createdAt as a day, for the date filters. */
  readonly day: string;
}

export interface SearchIndex {
  /** Newest first. */
  readonly entries: readonly SearchEntry[];
}

/** Lowercase, compatibility-normalised (full-width ＡＢＣ and ligatures fold), whitespace collapsed. */
export function normaliseForSearch(text: string): string {
  // Each step only when needed: most text is ASCII with single spaces, and this runs over
  // the whole library when it loads.
  let out = /[^\x00-\x7f]/.test(text) ? text.normalize('NFKC') : text;
  out = out.toLowerCase();
  return /\s\s|[\t\n\r\f\v\u00a0\u3000]/.test(out) ? out.replace(/\s+/g, ' ') : out;
}

export function buildSearchIndex(clippings: readonly Clipping[]): SearchIndex {
  const entries = clippings.map((clipping) => ({
    clipping,
    haystack: normaliseForSearch([clipping.quote, clipping.note, clipping.tags.join(' '), clipping.page.title].join('\u0001')),
    day: clipping.createdAt.slice(0, 10),
  }));
  // ISO timestamps sort as strings; ties broken by id for a stable order.
  entries.sort((a, b) => (a.clipping.createdAt < b.clipping.createdAt ? 1 : a.clipping.createdAt > b.clipping.createdAt ? -1 : a.clipping.id < b.clipping.id ? 1 : -1));
  return { entries };
}

/** The words of a query; "quoted phrases" stay whole. */
export function queryTerms(query: string): string[] {
  const terms: string[] = [];
  const pattern = /"([^"]+)"|(\S+)/g;
  const normalised = normaliseForSearch(query);
  for (let match = pattern.exec(normalised); match; match = pattern.exec(normalised)) {
    const term = (match[1] ?? match[2] ?? '').trim();
    if (term) terms.push(term);
  }
  return terms;
}

export function matchesFilters(entry: SearchEntry, filters: ClippingFilters, terms: readonly string[]): boolean {
  const { clipping } = entry;
  if (filters.stance && clipping.stance !== filters.stance) return false;
  if (filters.site && clipping.page.site !== filters.site) return false;
  if (filters.topic && !clipping.topics.includes(filters.topic)) return false;
  if (filters.itemId || filters.thesisId) {
    const linked = clipping.items.some(
      (ref) => (!filters.itemId || ref.itemId === filters.itemId) && (!filters.thesisId || ref.thesisId === filters.thesisId),
    );
    if (!linked) return false;
  }
  if (filters.from && entry.day < filters.from) return false;
  if (filters.to && entry.day > filters.to) return false;
  for (const term of terms) if (!entry.haystack.includes(term)) return false;
  return true;
}

/** The clippings matching every filter, newest first. */
export function searchClippings(index: SearchIndex, filters: ClippingFilters = {}): Clipping[] {
  const terms = filters.query ? queryTerms(filters.query) : [];
  const out: Clipping[] = [];
  for (const entry of index.entries) if (matchesFilters(entry, filters, terms)) out.push(entry.clipping);
  return out;
}

/** Values present in the library, for the filter menus (sorted, with counts). */
export function facetsOf(clippings: readonly Clipping[]): { sites: string[]; topics: string[]; items: Array<{ thesisId: string; itemId: string }> } {
  const sites = new Set<string>();
  const topics = new Set<string>();
  const items = new Map<string, { thesisId: string; itemId: string }>();
  for (const clipping of clippings) {
    if (clipping.page.site) sites.add(clipping.page.site);
    for (const topic of clipping.topics) topics.add(topic);
    for (const ref of clipping.items) items.set(`${ref.thesisId}/${ref.itemId}`, ref);
  }
  return {
    sites: [...sites].sort(),
    topics: [...topics].sort(),
    items: [...items.values()].sort((a, b) => (a.thesisId + a.itemId).localeCompare(b.thesisId + b.itemId)),
  };
}

/** Clippings per item id (optionally within one thesis), for the checklist page. */
export function countByItem(clippings: readonly Clipping[], thesisId?: string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const clipping of clippings) {
    const seen = new Set<string>();
    for (const ref of clipping.items) {
      if (thesisId && ref.thesisId !== thesisId) continue;
      if (seen.has(ref.itemId)) continue;
      seen.add(ref.itemId);
      counts[ref.itemId] = (counts[ref.itemId] ?? 0) + 1;
    }
  }
  return counts;
}

// ---------------------------------------------------------------------------------------
// The library's rows: one list per view, paged by the background
// ---------------------------------------------------------------------------------------

/** How the library arranges its clippings. */
export const LIBRARY_VIEWS = ['article', 'flat', 'item'] as const;
export type LibraryView = (typeof LIBRARY_VIEWS)[number];

/** An article's heading in the "by article" view. */
export interface ArticleHeading {
  kind: 'article';
  key: string;
  title: string;
  site: string;
  url: string;
  canonicalUrl: string;
  published: string | null;
  /** Matching clippings under it. */
  count: number;
  /** Distinct checklist items its matching clippings touch. */
  itemCount: number;
  latestAt: string;
}

/** A checklist item's heading in the "by item" view (`ref` null: clippings linked to no item). */
export interface ItemHeading {
  kind: 'item';
  key: string;
  ref: { thesisId: string; itemId: string } | null;
  count: number;
}

export interface ClippingRow {
  kind: 'clipping';
  clipping: Clipping;
  /** The heading it sits under ('' in the flat view). */
  group: string;
}

export type LibraryRow = ArticleHeading | ItemHeading | ClippingRow;

/** A clipping's article key, computed once per clipping (a URL parse is the costliest step of grouping). */
const articleKeys = new WeakMap<Clipping, string>();
function articleKeyOf(clipping: Clipping): string {
  let key = articleKeys.get(clipping);
  if (key === undefined) articleKeys.set(clipping, (key = pageKey(clipping.page.url)));
  return key;
}

/**
 * The rows of a view for the clippings matching `filters`: headings and clippings in display
 * order. Newest article first, its quotes in reading order; or newest first, flat; or by
 * checklist item (a clipping under each of its items), unlinked last.
 */
export function libraryRows(index: SearchIndex, filters: ClippingFilters, view: LibraryView): { rows: LibraryRow[]; matching: number } {
  const matching = searchClippings(index, filters);
  if (view === 'flat') return { rows: matching.map((clipping) => ({ kind: 'clipping', clipping, group: '' })), matching: matching.length };
  if (view === 'item') {
    const groups = new Map<string, { ref: ItemHeading['ref']; clippings: Clipping[] }>();
    const unlinked: Clipping[] = [];
    for (const clipping of matching) {
      if (clipping.items.length === 0) unlinked.push(clipping);
      const seen = new Set<string>();
      for (const ref of clipping.items) {
        const key = `${ref.thesisId}/${ref.itemId}`;
        if (seen.has(key)) continue;
        seen.add(key);
        let group = groups.get(key);
        if (!group) groups.set(key, (group = { ref: { thesisId: ref.thesisId, itemId: ref.itemId }, clippings: [] }));
        group.clippings.push(clipping);
      }
    }
    const rows: LibraryRow[] = [];
    const ordered = [...groups.entries()].sort((a, b) => b[1].clippings.length - a[1].clippings.length || (a[0] < b[0] ? -1 : 1));
    if (unlinked.length) ordered.push(['', { ref: null, clippings: unlinked }]);
    for (const [key, group] of ordered) {
      rows.push({ kind: 'item', key, ref: group.ref, count: group.clippings.length });
      for (const clipping of group.clippings) rows.push({ kind: 'clipping', clipping, group: key });
    }
    return { rows, matching: matching.length };
  }
  // By article: `matching` is newest first, so an article's first clipping is its newest.
  const articles = new Map<string, { heading: ArticleHeading; clippings: Clipping[]; items: Set<string> }>();
  for (const clipping of matching) {
    const key = articleKeyOf(clipping);
    let article = articles.get(key);
    if (!article) {
      const { page } = clipping;
      const heading: ArticleHeading = { kind: 'article', key, title: page.title, site: page.site, url: page.url, canonicalUrl: page.canonicalUrl, published: page.published, count: 0, itemCount: 0, latestAt: clipping.createdAt };
      articles.set(key, (article = { heading, clippings: [], items: new Set() }));
    }
    article.clippings.push(clipping);
    for (const ref of clipping.items) article.items.add(`${ref.thesisId}/${ref.itemId}`);
  }
  const rows: LibraryRow[] = [];
  for (const [key, article] of articles) {
    article.heading.count = article.clippings.length;
    article.heading.itemCount = article.items.size;
    rows.push(article.heading);
    article.clippings.sort((a, b) => a.selectors[1].start - b.selectors[1].start || (a.createdAt < b.createdAt ? -1 : 1));
    for (const clipping of article.clippings) rows.push({ kind: 'clipping', clipping, group: key });
  }
  return { rows, matching: matching.length };
}
