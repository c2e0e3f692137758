import type { HistoryEntry } from '@/lib/pack/schema';
import { StatusBadge } from '../status/StatusBadge';
import { formatDate, STATUS_LABELS } from '../status/labels';
import { SourceLine } from './SourceLine';

/**
 * An item's status over time: a strip of coloured segments (each status from its date to the
 * next entry's, the last one up to today) with dated ticks, then the dated entries, newest first,
 * each with its note, source link and origin (bundled pack, feed, or the user).
 */

const DAY = 86_400_000;
const WIDTH = 600;
const STRIP_Y = 4;
const STRIP_H = 14;

function dayNumber(isoDate: string): number {
  return Date.parse(`${isoDate}T00:00:00Z`) / DAY;
}

export function originLabel(entry: HistoryEntry): string {
  if (entry.origin === 'user') return 'your update';
  if (entry.origin === 'feed') {
    try {
      return `feed ${new URL(entry.originUrl ?? '').host}`;
    } catch {
      return 'feed';
    }
  }
  return 'thesis pack';
}

export function TimelineStrip({ history, today, label }: { history: HistoryEntry[]; today: string; label: string }) {
  if (history.length === 0) return null;
  const first = dayNumber(history[0]!.date);
  const last = Math.max(dayNumber(today), dayNumber(history[history.length - 1]!.date) + 1);
  const span = Math.max(1, last - first);
  const x = (isoDate: string) => ((dayNumber(isoDate) - first) / span) * WIDTH;
  const summary = history.map((entry) => `${entry.date}: ${STATUS_LABELS[entry.status].word}`).join('; ');
  // Ticks: every entry, with a date label for the first, the last and a few in between (no overlaps).
  let lastLabelX = -Infinity;
  return (
    <svg class="tl-strip" viewBox={`0 0 ${WIDTH} 40`} preserveAspectRatio="none" role="img" aria-label={`${label}: ${summary}`}>
      {history.map((entry, index) => {
        const start = x(entry.date);
        const end = index + 1 < history.length ? x(history[index + 1]!.date) : WIDTH;
        return (
          <rect key={`s${index}`} class={`tl-strip__seg tl-strip__seg--${entry.status}`} x={start} y={STRIP_Y} width={Math.max(1.5, end - start)} height={STRIP_H}>
            <title>{`${formatDate(entry.date)}: ${STATUS_LABELS[entry.status].word}`}</title>
          </rect>
        );
      })}
      {history.map((entry, index) => {
        const at = x(entry.date);
        const showLabel = index === 0 || index === history.length - 1 ? at - lastLabelX > 40 || index === history.length - 1 : at - lastLabelX > 110;
        if (showLabel) lastLabelX = at;
        return (
          <g key={`t${index}`}>
            <line class="tl-strip__tick" x1={at} x2={at} y1={STRIP_Y} y2={STRIP_Y + STRIP_H + 4} />
            {showLabel ? (
              <text class="tl-strip__label" x={Math.min(Math.max(at, 2), WIDTH - 2)} y={36} text-anchor={at > WIDTH - 60 ? 'end' : at < 60 ? 'start' : 'middle'}>
                {entry.date}
              </text>
            ) : null}
          </g>
        );
      })}
    </svg>
  );
}

export function HistoryList({ history }: { history: HistoryEntry[] }) {
  const newestFirst = [...history].reverse();
  return (
    <ol class="tl-history" reversed>
      {newestFirst.map((entry, index) => (
        <li key={index} class={`tl-history__entry tl-history__entry--${entry.origin}`} data-origin={entry.origin}>
          <div class="tl-history__head">
            <time dateTime={entry.date}>{formatDate(entry.date)}</time>
            <StatusBadge status={entry.status} />
            <span class="tl-history__origin">{originLabel(entry)}</span>
          </div>
          <p class="tl-history__note">{entry.note}</p>
          <SourceLine source={entry.source} class="tl-history__source" />
        </li>
      ))}
    </ol>
  );
}
