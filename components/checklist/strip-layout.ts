import type { HistoryEntry, Item, Status } from '@/lib/pack/schema';

/**
 * Where the history strip puts each status, as shares of its width. Time decides the
 * shares, but no segment is narrower than a readable minimum: entries a day apart in a
 * year-long history, or an update made today (which has lasted no time at all yet), still
 * get room for their colour and their date. With more entries than fit, they share equally.
 */

const DAY = 86_400_000;
/** The narrowest a segment may be, in percent of the strip (room for a date such as "Dec 8"). */
export const MIN_SHARE = 11;

export interface StripSegment {
  date: string;
  status: Status;
  /** Left edge and width, in percent of the strip. */
  left: number;
  width: number;
  /** Whether its date is written under it (not when the segment is too narrow for one). */
  labelled: boolean;
}

function dayNumber(isoDate: string): number {
  return Date.parse(`${isoDate}T00:00:00Z`) / DAY;
}

export function stripLayout(history: readonly HistoryEntry[], today: string, minShare = MIN_SHARE): StripSegment[] {
  const n = history.length;
  if (n === 0) return [];
  // Each entry lasts until the next one; the last until today, and at least a day.
  const spans = history.map((entry, index) => {
    const end = index + 1 < n ? dayNumber(history[index + 1]!.date) : Math.max(dayNumber(today), dayNumber(entry.date)) + 1;
    return Math.max(0, end - dayNumber(entry.date));
  });
  const min = Math.min(minShare, 100 / n);
  // Segments below the minimum get it; the rest share what remains by time (repeat until stable).
  const fixed = new Set<number>();
  let shares: number[] = [];
  for (let pass = 0; pass <= n; pass++) {
    const free = 100 - fixed.size * min;
    const freeTime = spans.reduce((sum, span, index) => (fixed.has(index) ? sum : sum + span), 0);
    const freeCount = n - fixed.size;
    shares = spans.map((span, index) => (fixed.has(index) ? min : freeTime > 0 ? (span / freeTime) * free : free / freeCount));
    const under = shares.findIndex((share, index) => !fixed.has(index) && share < min - 1e-9);
    if (under < 0) break;
    shares.forEach((share, index) => {
      if (share < min - 1e-9) fixed.add(index);
    });
  }
  let left = 0;
  return history.map((entry, index) => {
    const segment = { date: entry.date, status: entry.status, left, width: shares[index]!, labelled: shares[index]! >= Math.min(MIN_SHARE, 100 / n) - 1e-9 && shares[index]! >= 7 };
    left += shares[index]!;
    return segment;
  });
}

/** A short date for under the strip: "Dec 8" within `year`, "Dec 8, 2025" otherwise. */
export function shortDate(isoDate: string, year: string, locale?: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!match) return isoDate;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  const options: Intl.DateTimeFormatOptions = match[1] === year ? { month: 'short', day: 'numeric', timeZone: 'UTC' } : { month: 'short', day: 'numeric', year: '2-digit', timeZone: 'UTC' };
  try {
    return date.toLocaleDateString(locale, options);
  } catch {
    return isoDate;
  }
}

// ---------------------------------------------------------------------------------------
// The thesis at a glance
// ---------------------------------------------------------------------------------------

export const STATUS_ORDER: readonly Status[] = ['confirmed', 'on-track', 'pending', 'at-risk', 'broken'];

export interface RecentChange {
  itemId: string;
  itemTitle: string;
  kind: Item['kind'];
  date: string;
  status: Status;
  /** The status before this entry (null for an item's first entry). */
  previous: Status | null;
  origin: HistoryEntry['origin'];
}

export interface ThesisGlance {
  /** Items by their latest status (as of today), per kind. */
  byStatus: Record<Item['kind'], Record<Status, number>>;
  /** Status entries dated within the last `days` days (up to today), newest first. */
  changes: RecentChange[];
}

function emptyCounts(): Record<Status, number> {
  return { confirmed: 0, 'on-track': 0, pending: 0, 'at-risk': 0, broken: 0 };
}

function addDays(isoDate: string, days: number): string {
  return new Date(Date.parse(`${isoDate}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
}

export function thesisGlance(items: readonly Item[], today: string, days = 30): ThesisGlance {
  const byStatus = { catalyst: emptyCounts(), risk: emptyCounts() };
  const since = addDays(today, -days);
  const changes: RecentChange[] = [];
  for (const item of items) {
    const known = item.history.filter((entry) => entry.date <= today);
    const latest = known[known.length - 1];
    byStatus[item.kind][latest?.status ?? 'pending']++;
    known.forEach((entry, index) => {
      if (entry.date <= since) return;
      changes.push({ itemId: item.id, itemTitle: item.title, kind: item.kind, date: entry.date, status: entry.status, previous: index > 0 ? known[index - 1]!.status : null, origin: entry.origin });
    });
  }
  changes.sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : a.itemTitle.localeCompare(b.itemTitle)));
  return { byStatus, changes };
}
