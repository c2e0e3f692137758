import type { Clipping, ItemRef } from '@/lib/clippings/schema';
import type { AnchorMethod } from '@/lib/anchoring/anchor';
import type { Stance } from '@/lib/pack/schema';

/** A checklist item the save dialog offers (from the enabled theses). */
export interface ItemOption extends ItemRef {
  thesisTitle: string;
  title: string;
  kind: 'catalyst' | 'risk';
}

/** What the page shows about its clippings: found again (highlighted), or not. */
export interface PageClippingsState {
  phase: 'loading' | 'ready' | 'error';
  found: Array<{ clipping: Clipping; method: AnchorMethod }>;
  /** Saved from this page but no longer found in it: listed, never dropped. */
  notFound: Clipping[];
  error?: string;
}

export const EMPTY_PAGE_CLIPPINGS: PageClippingsState = { phase: 'loading', found: [], notFound: [] };

/** The reader's choices in the save dialog. */
export interface SaveChoices {
  note: string;
  tags: string[];
  items: ItemRef[];
  stance: Stance;
}

/** "cloud, H200 , chips,," → ["cloud", "H200", "chips"] (unique, in order). */
export function parseTags(text: string): string[] {
  return [...new Set(text.split(/[,，;\n]/).map((tag) => tag.trim().replace(/^#/, '')).filter(Boolean))];
}

export const refKey = (ref: ItemRef) => `${ref.thesisId}/${ref.itemId}`;

/** Quote shortened for a list, whitespace collapsed. */
export function shortQuote(quote: string, max = 220): string {
  const flat = quote.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}
