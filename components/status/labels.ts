import type { Stance, Status } from '@/lib/pack/schema';
import type { Verdict } from '@/lib/pipeline/types';
import { t, type MessageKey } from '@/lib/i18n';

/**
 * Words and symbols for statuses, stances and figure verdicts. Every place that shows one
 * shows the word too: colour is never the only signal (colour-blind readers, print, high
 * contrast modes).
 */

/** A label whose words are read from the UI's catalogue each time, in the browser's language. */
function label<Name extends string>(
  wordKey: MessageKey,
  icon: string,
  extra?: { name: Name; key: MessageKey },
): { word: string; icon: string } & Record<Name, string> {
  const out = { icon } as { word: string; icon: string } & Record<Name, string>;
  Object.defineProperty(out, 'word', { get: () => t(wordKey), enumerable: true });
  if (extra) Object.defineProperty(out, extra.name, { get: () => t(extra.key), enumerable: true });
  return out;
}

export const STATUS_LABELS: Record<Status, { word: string; icon: string; description: string }> = {
  confirmed: label('status_confirmed', '✔', { name: 'description', key: 'status_confirmed_explain' }),
  'on-track': label('status_onTrack', '↗', { name: 'description', key: 'status_onTrack_explain' }),
  pending: label('status_pending', '…', { name: 'description', key: 'status_pending_explain' }),
  'at-risk': label('status_atRisk', '!', { name: 'description', key: 'status_atRisk_explain' }),
  broken: label('status_broken', '✖', { name: 'description', key: 'status_broken_explain' }),
};

export const STANCE_LABELS: Record<Stance, { word: string; icon: string }> = {
  supports: label('stance_supports', '▲'),
  challenges: label('stance_challenges', '▼'),
  neutral: label('stance_neutral', '●'),
};

export const VERDICT_LABELS: Record<Verdict, { word: string; icon: string; explain: string }> = {
  matches: label('verdict_matches', '=', { name: 'explain', key: 'verdict_matches_explain' }),
  differs: label('verdict_differs', '≠', { name: 'explain', key: 'verdict_differs_explain' }),
  newer: label('verdict_newer', '⟳', { name: 'explain', key: 'verdict_newer_explain' }),
};

export const KIND_LABELS = {
  get catalyst() {
    return t('kind_catalyst');
  },
  get risk() {
    return t('kind_risk');
  },
};

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
