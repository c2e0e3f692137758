import type { Clipping, ClippingFilters } from './schema';

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
