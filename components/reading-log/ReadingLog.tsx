import { useState } from 'preact/hooks';
import { t } from '@/lib/i18n';
import type { ReadingLogRow } from '@/lib/messages/evidence';
import type { ReadingLogSettings } from '@/lib/evidence/schema';
import { formatDate } from '../status/labels';
import type { ItemStanceCount } from './model';

export interface ReadingLogProps {
  phase: 'loading' | 'ready' | 'error';
  error?: string;
  rows: readonly ReadingLogRow[];
  /** Articles matching the search. */
  total: number;
  /** Articles in the log, whatever the search (known after an unfiltered answer). */
  logSize: number;
  query: string;
  settings: ReadingLogSettings;
  /** Claims by item and stance, per page key, when known. */
  breakdown: ReadonlyMap<string, ItemStanceCount[]>;
  itemTitle: (itemId: string) => string;
  notice: { kind: 'info' | 'error'; text: string } | null;
  checklistHref: string;
  libraryHref: string;
  onQuery: (query: string) => void;
  onMore: () => void;
  onExport: () => void;
  onClear: () => void;
  onRemove: (pageKey: string) => void;
  onEnabled: (enabled: boolean) => void;
}

/** The reading log page: the relevant articles the reader opened, newest first. Renders what it is given. */
export function ReadingLog(props: ReadingLogProps) {
  const [confirming, setConfirming] = useState(false);
  const countText =
    props.phase !== 'ready'
      ? ''
      : props.query
        ? t('readinglog_countFiltered', props.total, props.logSize)
        : props.total === 1
          ? t('readinglog_countOne')
          : t('readinglog_count', props.total);
  return (
    <main class="rl">
      <header class="rl__head">
        <h1>{t('readinglog_title')}</h1>
        <nav aria-label={t('readinglog_pagesNav')} class="rl__nav">
          <a href={props.checklistHref}>{t('readinglog_backToChecklist')}</a>
          <a href={props.libraryHref}>{t('readinglog_libraryLink')}</a>
        </nav>
      </header>
      <p class="rl__about">{t('readinglog_about')}</p>
      <div class="rl__bar">
        <label class="rl-switch">
          <input type="checkbox" name="enabled" checked={props.settings.enabled} onChange={(event) => props.onEnabled(event.currentTarget.checked)} />
          {t('readinglog_enabled')}
        </label>
        <div class="rl__actions">
          <button type="button" class="rl-button" onClick={props.onExport} disabled={props.logSize === 0}>
            {t('readinglog_export')}
          </button>
          <button type="button" class="rl-button rl-button--danger" aria-expanded={confirming} onClick={() => setConfirming(true)} disabled={props.logSize === 0}>
            {t('readinglog_clear')}
          </button>
        </div>
      </div>
      {props.settings.enabled ? null : <p class="rl-notice">{t('readinglog_offNote')}</p>}
      {confirming ? (
        <div class="rl-confirm" role="alertdialog" aria-labelledby="rl-clear-text">
          <p id="rl-clear-text">{t('readinglog_clearConfirm', props.logSize)}</p>
          <button
            type="button"
            class="rl-button rl-button--danger"
            onClick={() => {
              setConfirming(false);
              props.onClear();
            }}
          >
            {t('readinglog_clearYes')}
          </button>
          <button type="button" class="rl-button" onClick={() => setConfirming(false)}>
            {t('common_cancel')}
          </button>
        </div>
      ) : null}
      {props.notice ? (
        <p class={`rl-notice${props.notice.kind === 'error' ? ' rl-notice--error' : ''}`} role={props.notice.kind === 'error' ? 'alert' : 'status'} data-testid="reading-log-notice">
          {props.notice.text}
        </p>
      ) : null}
      {props.phase === 'error' ? (
        <p class="rl-notice rl-notice--error" role="alert">
          {t('readinglog_loadFailed', props.error ?? '')}
        </p>
      ) : null}
      <div role="search" class="rl__search">
        <label>
          <span>{t('readinglog_searchLabel')}</span>
          <input type="search" name="query" value={props.query} placeholder={t('readinglog_searchPlaceholder')} onInput={(event) => props.onQuery(event.currentTarget.value)} />
        </label>
      </div>
      <p class="rl__count" role="status" data-testid="reading-log-count">
        {props.phase === 'loading' ? t('readinglog_loading') : countText}
      </p>
      {props.phase === 'ready' && props.logSize === 0 && !props.query ? <p class="rl-empty" data-testid="reading-log-empty">{t('readinglog_empty')}</p> : null}
      {props.phase === 'ready' && props.query && props.total === 0 ? <p class="rl-empty">{t('readinglog_noMatch', props.query)}</p> : null}
      {props.rows.length ? (
        <ol class="rl-list" aria-label={t('readinglog_listLabel')}>
          {props.rows.map((row) => (
            <ReadingLogRowView key={row.pageKey} row={row} breakdown={props.breakdown.get(row.pageKey)} itemTitle={props.itemTitle} onRemove={props.onRemove} />
          ))}
        </ol>
      ) : null}
      {props.rows.length < props.total ? (
        <button type="button" class="rl-button" onClick={props.onMore}>
          {t('readinglog_more')}
        </button>
      ) : null}
    </main>
  );
}

function ReadingLogRowView({ row, breakdown, itemTitle, onRemove }: { row: ReadingLogRow; breakdown: ItemStanceCount[] | undefined; itemTitle: (itemId: string) => string; onRemove: (pageKey: string) => void }) {
  const title = row.title.trim() || t('readinglog_untitled');
  return (
    <li class="rl-row" data-page-key={row.pageKey}>
      <div class="rl-row__main">
        <h2 class="rl-row__title">
          <a href={row.url} target="_blank" rel="noopener noreferrer">
            {title}
          </a>
        </h2>
        <p class="rl-row__meta">
          <span class="rl-row__site">{row.site}</span>
          {row.published ? <span>{t('readinglog_published', formatDate(row.published))}</span> : null}
          <span>{t('readinglog_read', formatDate(row.readAt.slice(0, 10)))}</span>
          <span class="rl-row__claims">{row.claimCount === 1 ? t('readinglog_claimsOne') : t('readinglog_claims', row.claimCount)}</span>
        </p>
        {breakdown?.length ? (
          <ul class="rl-row__items" role="list">
            {breakdown.map((count) => (
              <li key={count.itemId}>
                <span class="rl-row__item">{itemTitle(count.itemId)}</span>{' '}
                <span class="rl-muted">{t('readinglog_stanceCounts', count.supports, count.challenges, count.neutral)}</span>
              </li>
            ))}
          </ul>
        ) : null}
      </div>
      <button type="button" class="rl-button rl-button--small" aria-label={t('readinglog_removeNamed', title)} onClick={() => onRemove(row.pageKey)}>
        {t('readinglog_remove')}
      </button>
    </li>
  );
}
