import type { Clipping, ClippingEditable, ClippingFilters, ItemRef } from '@/lib/clippings/schema';
import type { ClippingProblem } from '@/lib/messages/clippings';
import { STANCES } from '@/lib/pack/schema';
import { STANCE_LABELS } from '@/components/status/labels';
import { refKey, type ItemOption } from '@/components/clippings/model';
import { ClippingCard } from './ClippingCard';

export type ExportFormat = 'markdown' | 'csv' | 'json';

export interface LibraryProps {
  phase: 'loading' | 'ready' | 'error';
  error?: string;
  total: number;
  /** The clippings matching the filters, newest first. */
  shown: readonly Clipping[];
  /** How many of `shown` to render (the rest behind "Show more"). */
  visible: number;
  filters: ClippingFilters;
  facets: { sites: string[]; topics: string[]; items: ItemRef[] };
  itemOptions: readonly ItemOption[];
  itemTitle: (ref: ItemRef) => string;
  problems: readonly ClippingProblem[];
  notice: { kind: 'info' | 'error'; text: string } | null;
  undo: Clipping | null;
  onFilters: (change: Partial<ClippingFilters>) => void;
  onShowMore: () => void;
  onUpdate: (id: string, changes: Partial<ClippingEditable>) => Promise<void>;
  onDelete: (clipping: Clipping) => void;
  onUndo: () => void;
  onExport: (format: ExportFormat) => void;
  onImport: (file: File) => void;
}

/** The library page: search, filters, the list, export and import. Renders what it is given. */
export function Library(props: LibraryProps) {
  const { filters } = props;
  const set = (key: keyof ClippingFilters) => (event: Event) => {
    const value = (event.currentTarget as HTMLInputElement | HTMLSelectElement).value;
    props.onFilters({ [key]: value || undefined });
  };
  const itemValue = filters.itemId ? `${filters.thesisId ?? ''}/${filters.itemId}` : '';
  const filtered = props.shown.length !== props.total;
  return (
    <main class="lib">
      <h1>Clippings</h1>
      <p class="lib__count" role="status" data-testid="library-count">
        {props.phase === 'loading'
          ? 'Loading…'
          : filtered
            ? `${props.shown.length} of ${props.total} clippings`
            : `${props.total} clipping${props.total === 1 ? '' : 's'}`}
      </p>
      {props.phase === 'error' ? <p class="lib-notice lib-notice--error">Could not load the library: {props.error}</p> : null}
      {props.notice ? (
        <p class={`lib-notice${props.notice.kind === 'error' ? ' lib-notice--error' : ''}`} role={props.notice.kind === 'error' ? 'alert' : 'status'} data-testid="library-notice">
          {props.notice.text}
        </p>
      ) : null}
      {props.problems.length ? (
        <details class="lib-notice lib-notice--error lib-problems">
          <summary>
            {props.problems.length} stored clipping{props.problems.length === 1 ? '' : 's'} could not be read and {props.problems.length === 1 ? 'was' : 'were'} set aside
          </summary>
          <ul>
            {props.problems.map((problem) => (
              <li key={problem.key}>
                {problem.id ?? '(no id)'}: {problem.reason}
                <pre>{problem.preview}</pre>
              </li>
            ))}
          </ul>
        </details>
      ) : null}
      <div role="search" class="lib__toolbar" aria-label="Search and filter clippings">
        <label class="lib__search">
          <span>Search quotes, notes, tags and titles</span>
          <input type="search" name="query" value={filters.query ?? ''} onInput={set('query')} placeholder="e.g. H200 licence" />
        </label>
        <label>
          <span>Checklist item</span>
          <select
            name="item"
            value={itemValue}
            onChange={(event) => {
              const value = event.currentTarget.value;
              const [thesisId, itemId] = value ? value.split('/') : [undefined, undefined];
              props.onFilters({ thesisId: thesisId || undefined, itemId: itemId || undefined });
            }}
          >
            <option value="">All items</option>
            {props.facets.items.map((ref) => (
              <option key={refKey(ref)} value={refKey(ref)}>
                {props.itemTitle(ref)}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>Topic</span>
          <select name="topic" value={filters.topic ?? ''} onChange={set('topic')}>
            <option value="">All topics</option>
            {props.facets.topics.map((topic) => (
              <option key={topic} value={topic}>
                {topic}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>Site</span>
          <select name="site" value={filters.site ?? ''} onChange={set('site')}>
            <option value="">All sites</option>
            {props.facets.sites.map((site) => (
              <option key={site} value={site}>
                {site}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>Stance</span>
          <select name="stance" value={filters.stance ?? ''} onChange={set('stance')}>
            <option value="">Any stance</option>
            {STANCES.map((stance) => (
              <option key={stance} value={stance}>
                {STANCE_LABELS[stance].word}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>Saved from</span>
          <input type="date" name="from" value={filters.from ?? ''} onChange={set('from')} />
        </label>
        <label>
          <span>to</span>
          <input type="date" name="to" value={filters.to ?? ''} onChange={set('to')} />
        </label>
      </div>
      <div class="lib__actions">
        <span>Export {filtered ? `the ${props.shown.length} shown` : 'all'}:</span>
        <button type="button" class="lib-button" onClick={() => props.onExport('markdown')} disabled={props.shown.length === 0}>
          Markdown
        </button>
        <button type="button" class="lib-button" onClick={() => props.onExport('csv')} disabled={props.shown.length === 0}>
          CSV
        </button>
        <button type="button" class="lib-button" onClick={() => props.onExport('json')} disabled={props.shown.length === 0}>
          JSON (Web Annotation)
        </button>
        <label class="lib-button">
          Import JSON…
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
      {props.phase === 'ready' && props.total === 0 ? (
        <p>No clippings yet. On a page, select text and choose “Save selection to Thesis Lens” (right-click menu, or Alt+Shift+S), or use “Save” on a claim in the sidebar.</p>
      ) : null}
      {props.phase === 'ready' && props.total > 0 && props.shown.length === 0 ? <p>No clipping matches these filters.</p> : null}
      <ul class="lib-list" aria-label="Clippings">
        {props.shown.slice(0, props.visible).map((clipping) => (
          <ClippingCard
            key={clipping.id}
            clipping={clipping}
            itemOptions={props.itemOptions}
            itemTitle={props.itemTitle}
            onUpdate={props.onUpdate}
            onDelete={props.onDelete}
          />
        ))}
      </ul>
      {props.shown.length > props.visible ? (
        <button type="button" class="lib-button" onClick={props.onShowMore}>
          Show more ({props.shown.length - props.visible} more)
        </button>
      ) : null}
      {props.undo ? (
        <div class="lib-undo" role="status">
          <span>Clipping deleted.</span>
          <button type="button" onClick={props.onUndo}>
            Undo
          </button>
        </div>
      ) : null}
    </main>
  );
}
