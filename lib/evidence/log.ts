import { getDomain } from 'tldts';
import { isRealDate } from '../pack/schema';
import { applyCorrections, type Correction } from '../corrections';
import { pageKey, withoutFragment } from '../clippings/page-key';
import type { ScanResult } from '../pipeline/types';
import type { ReadClaim, ReadingLogEntry } from './schema';

/**
 * From one analysed page to its reading-log entry (pure: the background, `scan --digest` and
 * the tests all go through here).
 */

/** The site a URL belongs to (registrable domain, "reuters.com"), what "separate sites" counts. */
export function siteOf(url: string): string {
  try {
    const host = new URL(url).hostname.toLowerCase();
    return getDomain(host, { allowPrivateDomains: true }) ?? (host || url);
  } catch {
    return url;
  }
}

/** The address a correction is filed under (lib/corrections: the URL without its fragment). */
/** A YYYY-MM-DD date from whatever the page said ("2026-01-28T09:00:00Z" → "2026-01-28"), or null. */
export function dayOf(published: string | null | undefined): string | null {
  const day = published?.slice(0, 10) ?? '';
  return isRealDate(day) ? day : null;
}

/** The date a log entry's evidence carries: the article's own date, or the day it was read when it has none. */
export function entryDate(entry: Pick<ReadingLogEntry, 'published' | 'readAt'>): string {
  return entry.published ?? entry.readAt.slice(0, 10);
}

export interface PageSeen {
  /** The page's address as the browser reported it (never the page's own word). */
  url: string;
  /** When it was read (ISO timestamp). */
  readAt: string;
}

const MAX_CLAIM_TEXT = 2000;

/**
 * The log entry of one thesis's result for a page, after the reader's corrections, or null
 * when the page is not a relevant article for that thesis. Claims keep only their links to
 * items (neutral ones included: they say the article spoke to the item) and their checks.
 */
export function logEntryOf(result: ScanResult, page: PageSeen, corrections: readonly Correction[] = []): ReadingLogEntry | null {
  if (!result.relevant || !result.thesisId) return null;
  const url = withoutFragment(page.url);
  const [corrected] = applyCorrections([{ ...result, url }], corrections.filter((correction) => correction.pageUrl === url));
  const claims: ReadClaim[] = corrected!.claims.slice(0, 500).map((claim) => ({
    text: claim.text.slice(0, MAX_CLAIM_TEXT),
    links: claim.items.map((link) => ({ itemId: link.id, stance: link.stance })),
    hedged: claim.hedged === true,
    checks: claim.checks,
  }));
  return {
    pageKey: pageKey(url),
    url,
    title: result.title,
    site: siteOf(url),
    published: dayOf(result.published),
    readAt: page.readAt,
    thesisId: result.thesisId,
    ...(result.lang ? { lang: result.lang } : {}),
    claims,
  };
}

/**
 * An entry with the reader's corrections made after it was recorded: the same rules as on
 * the page (lib/corrections), so a sentence marked "not a claim" or re-linked stops counting.
 */
export function correctEntry(entry: ReadingLogEntry, corrections: readonly Correction[]): ReadingLogEntry {
  const mine = corrections.filter((correction) => correction.pageUrl === entry.url && correction.thesisId === entry.thesisId);
  if (mine.length === 0) return entry;
  const asResult = {
    thesisId: entry.thesisId,
    claims: entry.claims.map((claim) => ({ text: claim.text, items: claim.links.map((link) => ({ id: link.itemId, stance: link.stance })), figures: [], checks: claim.checks, hedged: claim.hedged })),
  } as unknown as ScanResult;
  const [corrected] = applyCorrections([asResult], mine);
  return {
    ...entry,
    claims: corrected!.claims.map((claim) => ({ text: claim.text, links: claim.items.map((link) => ({ itemId: link.id, stance: link.stance })), hedged: claim.hedged === true, checks: claim.checks })),
  };
}

/**
 * Entries of a log with one per page and thesis: a page seen again replaces its entry (the
 * later read wins), so nothing is counted twice.
 */
export function latestPerPage(entries: readonly ReadingLogEntry[]): ReadingLogEntry[] {
  const byPage = new Map<string, ReadingLogEntry>();
  for (const entry of entries) {
    const key = `${entry.thesisId}\u0000${entry.pageKey}`;
    const previous = byPage.get(key);
    if (!previous || previous.readAt <= entry.readAt) byPage.set(key, entry);
  }
  return [...byPage.values()];
}
