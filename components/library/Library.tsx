import type { Clipping, ClippingEditable, ClippingFilters, ItemRef } from '@/lib/clippings/schema';
import type { LibraryRow, LibraryView } from '@/lib/clippings/search';
import type { LibraryFacets } from '@/lib/messages/library';
import type { ClippingProblem } from '@/lib/messages/clippings';
import { STANCES } from '@/lib/pack/schema';
import { t } from '@/lib/i18n';
import { STANCE_LABELS, formatDate } from '@/components/status/labels';
import { refKey, type ItemOption } from '@/components/clippings/model';
import { ClippingCard } from './ClippingCard';
import { VirtualList } from './VirtualList';

export type ExportFormat = 'notes' | 'markdown' | 'csv' | 'json';

export interface LibraryProps {
  phase: 'loading' | 'ready' | 'error';
  error?: string;
  /** Clippings in the library. */
  total: number;
  /** Clippings matching the filters. */
  matching: number;
  /** Rows of the view (headings and clippings), and those loaded so far. */
  rowCount: number;
  rowAt: (index: number) => LibraryRow | undefined;
  /** Changes with the filters and the view: the list starts again at the top. */
  queryKey: string;
  onRange: (start: number, end: number) => void;
  view: LibraryView;
  filters: ClippingFilters;
  facets: LibraryFacets;
  itemOptions: readonly ItemOption[];
  itemTitle: (ref: ItemRef) => string;
  problems: readonly ClippingProblem[];
  notice: { kind: 'info' | 'error'; text: string } | null;
  undo: Clipping | null;
  checklistHref: string;
  onView: (view: LibraryView) => void;
  onFilters: (change: Partial<ClippingFilters>) => void;
  onUpdate: (id: string, changes: Partial<ClippingEditable>) => Promise<void>;
  onDelete: (clipping: Clipping) => void;
  onUndo: () => void;
  onExport: (format: ExportFormat) => void;
  onImport: (file: File) => void;
  onCopyArticle: (articleKey: string) => void;
  onDownloadArticle: (articleKey: string) => void;
  onCopyClipping: (clipping: Clipping) => void;
}

const VIEW_LABELS: Record<LibraryView, () => string> = {
  article: () => t('library_viewArticle'),
  flat: () => t('library_viewFlat'),
  item: () => t('library_viewItem'),
};

/** Estimated heights before a row is measured (a heading, a card). */
const estimateOf = (row: LibraryRow | undefined) => (row?.kind === 'clipping' ? 150 : row ? 76 : 150);

/** The library page: search, filters, views, the list (only what is on screen), export and import. Renders what it is given. */
export function Library(props: LibraryProps) {
  const { filters } = props;
  const set = (key: keyof ClippingFilters) => (event: Event) => {
    const value = (event.currentTarget as HTMLInputElement | HTMLSelectElement).value;
    props.onFilters({ [key]: value || undefined });
  };
  const itemValue = filters.itemId ? `${filters.thesisId ?? ''}/${filters.itemId}` : '';
  const filtered = props.matching !== props.total;
  const countText =
    props.phase === 'loading'
      ? t('library_loading')
      : filtered
        ? t('library_countFiltered', props.matching, props.total)
        : props.total === 1
          ? t('library_countOne')
          : t('library_countAll', props.total);

  const renderRow = (index: number) => {
    const row = props.rowAt(index);
    if (!row) return <li key={`p${index}`} data-row={index} class="lib-placeholder" aria-busy="true" />;
    if (row.kind === 'article') {
      return (
        <li key={`a${row.key}`} data-row={index} class="lib-group" data-article={row.key}>
          <h2 class="lib-group__title">
            <a href={row.url} target="_blank" rel="noopener noreferrer">
              {row.title || row.site || row.canonicalUrl}
            </a>
          </h2>
          <p class="lib-group__meta">
            {[row.site, row.published ? t('library_published', formatDate(row.published)) : '', t('library_articleMeta', row.count, row.itemCount)].filter(Boolean).join(' · ')}
          </p>
          <div class="lib-group__buttons">
            <button type="button" class="lib-button lib-button--small" onClick={() => props.onCopyArticle(row.key)}>
              {t('library_copyMarkdown')}
            </button>
            <button type="button" class="lib-button lib-button--small" onClick={() => props.onDownloadArticle(row.key)}>
              {t('library_exportNote')}
            </button>
          </div>
        </li>
      );
    }
    if (row.kind === 'item') {
      return (
        <li key={`i${row.key}`} data-row={index} class="lib-group lib-group--item">
          <h2 class="lib-group__title">{row.ref ? props.itemTitle(row.ref) : t('library_unlinked')}</h2>
          <p class="lib-group__meta">{t('library_itemMeta', row.count)}</p>
        </li>
      );
    }
    return (
      <ClippingCard
        key={`c${row.group}/${row.clipping.id}`}
        row={index}
        clipping={row.clipping}
        showSource={props.view !== 'article'}
        itemOptions={props.itemOptions}
        itemTitle={props.itemTitle}
        onUpdate={props.onUpdate}
        onDelete={props.onDelete}
        onCopy={props.onCopyClipping}
      />
    );
  };

  return (
    <main class="lib">
      <header class="lib__head">
        <h1>{t('library_title')}</h1>
        <nav aria-label="Thesis Lens">
          <a href={props.checklistHref} class="lib-back">
            {t('library_backToChecklist')}
          </a>
          <a href="/reading-log.html" class="lib-back" style={{ marginLeft: '16px' }}>
            {t('readinglog_link')}
          </a>
        </nav>
        <div class="lib-import">
          <label class="lib-button" title={t('library_importHelp', 20)}>
            {t('library_import')}
            <input
              type="file"
              accept="application/json,application/ld+json,.json,.jsonld"
              class="visually-hidden"
              data-testid="import-file"
              onChange={(event) => {
                const file = event.currentTarget.files?.[0];
                if (file) props.onImport(file);
                event.currentTarget.value = '';
              }}
            />
          </label>
        </div>
      </header>
      <p class="lib__count" role="status" data-testid="library-count">
        {countText}
      </p>
      {props.phase === 'error' ? <p class="lib-notice lib-notice--error">{t('library_loadFailed', props.error ?? '')}</p> : null}
      {props.notice ? (
        <p class={`lib-notice${props.notice.kind === 'error' ? ' lib-notice--error' : ''}`} role={props.notice.kind === 'error' ? 'alert' : 'status'} data-testid="library-notice">
          {props.notice.text}
        </p>
      ) : null}
      {props.problems.length ? (
        <details class="lib-notice lib-notice--error lib-problems">
          <summary>{t('library_problems', props.problems.length)}</summary>
          <ul>
            {props.problems.map((problem) => (
              <li key={problem.key}>
                {problem.id ?? t('library_noId')}: {problem.reason}
                <pre>{problem.preview}</pre>
              </li>
            ))}
          </ul>
        </details>
      ) : null}
      <div role="search" class="lib__toolbar" aria-label={t('library_searchAndFilter')}>
        <label class="lib__search">
          <span>{t('library_searchLabel')}</span>
          <input type="search" name="query" value={filters.query ?? ''} onInput={set('query')} placeholder={t('library_searchPlaceholder')} />
        </label>
        <label>
          <span>{t('library_filterItem')}</span>
          <select
            name="item"
            value={itemValue}
            onChange={(event) => {
              const value = event.currentTarget.value;
              const [thesisId, itemId] = value ? value.split('/') : [undefined, undefined];
              props.onFilters({ thesisId: thesisId || undefined, itemId: itemId || undefined });
            }}
          >
            <option value="">{t('library_allItems')}</option>
            {props.facets.items.map((ref) => (
              <option key={refKey(ref)} value={refKey(ref)}>
                {props.itemTitle(ref)}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>{t('library_filterTopic')}</span>
          <select name="topic" value={filters.topic ?? ''} onChange={set('topic')}>
            <option value="">{t('library_allTopics')}</option>
            {props.facets.topics.map((topic) => (
              <option key={topic} value={topic}>
                {topic}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>{t('library_filterSite')}</span>
          <select name="site" value={filters.site ?? ''} onChange={set('site')}>
            <option value="">{t('library_allSites')}</option>
            {props.facets.sites.map((site) => (
              <option key={site} value={site}>
                {site}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>{t('library_filterStance')}</span>
          <select name="stance" value={filters.stance ?? ''} onChange={set('stance')}>
            <option value="">{t('library_anyStance')}</option>
            {STANCES.map((stance) => (
              <option key={stance} value={stance}>
                {STANCE_LABELS[stance].word}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>{t('library_savedFrom')}</span>
          <input type="date" name="from" value={filters.from ?? ''} onChange={set('from')} />
        </label>
        <label>
          <span>{t('library_savedTo')}</span>
          <input type="date" name="to" value={filters.to ?? ''} onChange={set('to')} />
        </label>
      </div>
      <div class="lib__bar">
        <fieldset class="lib-views">
          <legend>{t('library_view')}</legend>
          {(['article', 'flat', 'item'] as const).map((view) => (
            <label key={view} class={`lib-views__option${props.view === view ? ' lib-views__option--on' : ''}`}>
              <input type="radio" name="view" value={view} checked={props.view === view} onChange={() => props.onView(view)} />
              {VIEW_LABELS[view]()}
            </label>
          ))}
        </fieldset>
        <div class="lib__actions" role="group" aria-label={t('library_export')}>
          <span>{filtered ? t('library_exportWhat', props.matching) : t('library_exportAll')}</span>
          <button type="button" class="lib-button" onClick={() => props.onExport('notes')} disabled={props.matching === 0}>
            {t('library_exportNotes')}
          </button>
          <button type="button" class="lib-button" onClick={() => props.onExport('markdown')} disabled={props.matching === 0}>
            {t('library_exportByItem')}
          </button>
          <button type="button" class="lib-button" onClick={() => props.onExport('csv')} disabled={props.matching === 0}>
            {t('library_exportCsv')}
          </button>
          <button type="button" class="lib-button" onClick={() => props.onExport('json')} disabled={props.matching === 0}>
            {t('library_exportJson')}
          </button>
        </div>
      </div>
      {props.phase === 'ready' && props.total === 0 ? <p>{t('library_empty')}</p> : null}
      {props.phase === 'ready' && props.total > 0 && props.matching === 0 ? <p>{t('library_noMatch')}</p> : null}
      <VirtualList
        count={props.rowCount}
        resetKey={props.queryKey}
        estimate={(index) => estimateOf(props.rowAt(index))}
        renderRow={renderRow}
        onRange={props.onRange}
        label={t('library_listLabel')}
      />
      {props.undo ? (
        <div class="lib-undo" role="status">
          <span>{t('library_deleted')}</span>
          <button type="button" onClick={props.onUndo}>
            {t('common_undo')}
          </button>
        </div>
      ) : null}
    </main>
  );
}
