import type { Handlers } from './router';
import { store } from './clippings';
import { buildSearchIndex, facetsOf, libraryRows, searchClippings, type LibraryRow, type SearchIndex } from '@/lib/clippings/search';
import { pageKey } from '@/lib/clippings/page-key';
import type { Clipping, ClippingFilters } from '@/lib/clippings/schema';
import type { LibraryView } from '@/lib/clippings/search';

/**
 * The library's reads, paged: the page asks for the rows on screen; the search, the grouping
 * and the whole collection stay here. The last view asked for is kept, so scrolling costs a
 * slice, and a keystroke one search over the prepared index (rebuilt only when the library
 * changes: `store().all()` returns a new array after each write).
 */

let indexCache: { source: Clipping[]; index: SearchIndex; facets: ReturnType<typeof facetsOf> } | null = null;
let rowsCache: { index: SearchIndex; key: string; rows: LibraryRow[]; matching: number } | null = null;

async function prepared(): Promise<NonNullable<typeof indexCache>> {
  const all = await (await store()).all();
  if (indexCache?.source !== all) indexCache = { source: all, index: buildSearchIndex(all), facets: facetsOf(all) };
  return indexCache;
}

function rowsFor(index: SearchIndex, filters: ClippingFilters, view: LibraryView) {
  const key = JSON.stringify([view, filters.query ?? '', filters.itemId, filters.thesisId, filters.topic, filters.site, filters.stance, filters.from, filters.to]);
  if (rowsCache?.index !== index || rowsCache.key !== key) rowsCache = { index, key, ...libraryRows(index, filters, view) };
  return rowsCache;
}

export const libraryQueryHandlers: Handlers<'library/query' | 'library/clippings'> = {
  // Both are for the extension's own pages only (no `from` in lib/messages/library.ts: the
  // router refuses content scripts, whose page could read what they are answered).
  'library/query': async ({ filters, view, offset, limit, withFacets }) => {
    const { index, facets, source } = await prepared();
    const { rows, matching } = rowsFor(index, filters, view);
    return { offset, rows: rows.slice(offset, offset + limit), rowCount: rows.length, matching, total: source.length, facets: withFacets ? facets : undefined };
  },
  'library/clippings': async ({ filters, articleKey }) => {
    const matching = searchClippings((await prepared()).index, filters);
    return { clippings: articleKey ? matching.filter((clipping) => pageKey(clipping.page.url) === articleKey) : matching };
  },
};
