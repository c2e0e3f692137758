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

/** Quote marks a reader may type around a tag, in English and Chinese typing. */
const QUOTES = /^["'“”‘’「」『』《》`]+|["'“”‘’「」『』《》`]+$/g;

/**
 * Tags are plain words: `cloud, "H200" , #chips,,「芯片」` → ["cloud", "H200", "chips", "芯片"]
 * (unique, in order; quote marks and a leading # are not part of a tag).
 */
export function parseTags(text: string): string[] {
  const tags = text.split(/[,，;；、\n]/).map((tag) => tag.trim().replace(QUOTES, '').trim().replace(/^#/, '').trim());
  return [...new Set(tags.filter(Boolean))];
}

export const refKey = (ref: ItemRef) => `${ref.thesisId}/${ref.itemId}`;

/** Quote shortened for a list, whitespace collapsed. */
export function shortQuote(quote: string, max = 220): string {
  const flat = quote.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}
