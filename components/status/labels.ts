import type { Stance, Status } from '@/lib/pack/schema';
import type { Verdict } from '@/lib/pipeline/types';

/**
 * Words and symbols for statuses, stances and figure verdicts. Every place that shows one
 * shows the word too: colour is never the only signal (colour-blind readers, print, high
 * contrast modes).
 */

export const STATUS_LABELS: Record<Status, { word: string; icon: string; description: string }> = {
  confirmed: { word: 'Confirmed', icon: '✔', description: 'the condition has happened and supports the thesis' },
  'on-track': { word: 'On track', icon: '↗', description: 'evidence shows it progressing as the thesis needs' },
  pending: { word: 'Pending', icon: '…', description: 'no decisive evidence yet' },
  'at-risk': { word: 'At risk', icon: '!', description: 'evidence points against the thesis' },
  broken: { word: 'Broken', icon: '✖', description: 'the condition failed, or the risk has materialised' },
};

export const STANCE_LABELS: Record<Stance, { word: string; icon: string }> = {
  supports: { word: 'Supports', icon: '▲' },
  challenges: { word: 'Challenges', icon: '▼' },
  neutral: { word: 'Neutral', icon: '●' },
};

export const VERDICT_LABELS: Record<Verdict, { word: string; icon: string; explain: string }> = {
  matches: { word: 'Matches', icon: '=', explain: 'matches the checklist' },
  differs: { word: 'Differs', icon: '≠', explain: 'differs from the checklist' },
  newer: { word: 'Newer', icon: '⟳', explain: 'is newer than the checklist' },
};

export const KIND_LABELS = { catalyst: 'Catalyst', risk: 'Risk' } as const;

/** Highlight names in the page (`CSS.highlights`), one per status. */
export function highlightName(status: Status): string {
  return `thesis-lens-${status}`;
}

/** "2026-01-28" → "28 Jan 2026", in the reader's locale when the browser has one. */
export function formatDate(isoDate: string | undefined): string {
  if (!isoDate) return '';
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!match) return isoDate;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  try {
    return date.toLocaleDateString(undefined, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
  } catch {
    return isoDate;
  }
}
