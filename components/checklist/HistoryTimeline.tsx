import type { HistoryEntry } from '@/lib/pack/schema';
import { StatusBadge } from '../status/StatusBadge';
import { formatDate, STATUS_LABELS } from '../status/labels';
import { t, uiLanguage } from '@/lib/i18n';
import { shortDate, stripLayout, STATUS_ORDER } from './strip-layout';
import { SourceLine } from './SourceLine';

/**
 * An item's status over time: a strip of coloured segments (each status from its date to the
 * next entry's, the last one up to today) with their dates and a legend, then the dated
 * entries, newest first, each with its note, source link and origin (bundled pack, feed, or
 * the user).
 */

export function originLabel(entry: HistoryEntry): string {
  if (entry.origin === 'user') return t('checklist_originUser');
  if (entry.origin === 'feed') {
    try {
      return t('checklist_originFeedHost', new URL(entry.originUrl ?? '').host);
    } catch {
      return t('checklist_originFeed');
    }
  }
  return t('checklist_originPack');
}

/**
 * The strip: one coloured segment per status (time decides the widths, with a readable
 * minimum: see strip-layout.ts), each date under its own segment and cut to its width, so
 * that dates never overlap; a legend of the statuses it shows.
 */
export function TimelineStrip({ history, today, label }: { history: HistoryEntry[]; today: string; label: string }) {
  if (history.length === 0) return null;
  const segments = stripLayout(history, today);
  const year = today.slice(0, 4);
  const summary = history.map((entry) => `${formatDate(entry.date)}: ${STATUS_LABELS[entry.status].word}`).join('; ');
  const shown = STATUS_ORDER.filter((status) => history.some((entry) => entry.status === status));
  return (
    <figure class="tl-strip">
      <div class="tl-strip__bar" role="img" aria-label={`${label}: ${summary}`}>
        {segments.map((segment, index) => (
          <div
            key={index}
            class={`tl-strip__seg tl-strip__seg--${segment.status}`}
            style={{ left: `${segment.left}%`, width: `${segment.width}%` }}
            title={`${formatDate(segment.date)}: ${STATUS_LABELS[segment.status].word}`}
            data-date={segment.date}
          >
            <span class="tl-strip__fill" />
            {segment.labelled ? <span class="tl-strip__label">{shortDate(segment.date, year, uiLanguage())}</span> : null}
          </div>
        ))}
      </div>
      <figcaption class="tl-strip__legend" aria-hidden="true">
        {shown.map((status) => (
          <span key={status} class="tl-strip__key">
            <span class={`tl-strip__swatch tl-strip__seg--${status}`} />
            {STATUS_LABELS[status].word}
          </span>
        ))}
      </figcaption>
    </figure>
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
