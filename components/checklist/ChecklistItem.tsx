import type { ComponentChild } from 'preact';
import { useState } from 'preact/hooks';
import { t } from '@/lib/i18n';
import type { Item } from '@/lib/pack/schema';
import { latestStatus } from '@/lib/pack/status';
import type { ItemPatch } from '@/lib/checklist/records';
import { StatusBadge } from '../status/StatusBadge';
import { formatDate } from '../status/labels';
import { HistoryList, originLabel, TimelineStrip } from './HistoryTimeline';
import { ItemEditor } from './ItemEditor';
import { StatusUpdateForm, type StatusUpdateValue } from './StatusUpdateForm';
import { SourceLine } from './SourceLine';
import { useGuardedAction } from './use-guarded-action';

/** A clipping as this page lists it (the clippings feature owns the full record). */
export interface ClippingSummary {
  id: string;
  quote: string;
  url: string;
  title: string;
  createdAt: string;
}

export interface ChecklistItemProps {
  thesisId: string;
  item: Item;
  today: string;
  undoable: boolean;
  /** Saved clippings that back the item; undefined when the clippings feature cannot say. */
  clippingCount: number | undefined;
  takenIds: string[];
  onAddStatus: (itemId: string, value: StatusUpdateValue) => Promise<void>;
  onUndo: (itemId: string) => Promise<void>;
  onEdit: (itemId: string, patch: ItemPatch) => Promise<void>;
  onRemove: (itemId: string) => Promise<void>;
  loadClippings: (itemId: string) => Promise<ClippingSummary[]>;
  /** What the reading log says since the latest status (components/evidence), when known. */
  evidence?: ComponentChild;
}

type Panel = 'none' | 'update' | 'edit';

export function ChecklistItem({ thesisId, item, today, undoable, clippingCount, takenIds, onAddStatus, onUndo, onEdit, onRemove, loadClippings, evidence }: ChecklistItemProps) {
  const [panel, setPanel] = useState<Panel>('none');
  const { error, guard } = useGuardedAction();
  const [clippings, setClippings] = useState<ClippingSummary[] | null>(null);
  const latest = latestStatus(item, today);
  const status = latest?.status ?? 'pending';
  const headingId = `item-${thesisId}-${item.id}`;
  const prefix = `${thesisId}-${item.id}`;


  return (
    <li class={`tl-card tl-card--${status}`} aria-labelledby={headingId} data-item-id={item.id}>
      <div class="tl-card__head">
        <h4 id={headingId} class="tl-card__title">
          {item.title}
        </h4>
        <StatusBadge status={status} />
      </div>
      {item.description ? <p class="tl-card__description">{item.description}</p> : null}
      {latest ? (
        <div class="tl-card__latest">
          <p class="tl-card__meta">
            <span class="tl-card__date">
              {t('checklist_statusAsOf')} <time dateTime={latest.date}>{formatDate(latest.date)}</time>
            </span>
            <span class="tl-card__origin">({originLabel(latest)})</span>
            {clippingCount !== undefined ? (
              <span class="tl-card__clippings">
                {clippingCount === 1 ? t('checklist_savedClippingsOne') : t('checklist_savedClippings', clippingCount)}
              </span>
            ) : null}
          </p>
          <p class="tl-card__note">{latest.note}</p>
          <SourceLine source={latest.source} class="tl-card__source" />
        </div>
      ) : null}
      {evidence}

      <div class="tl-actions">
        <button type="button" class="tl-button" aria-expanded={panel === 'update'} onClick={() => setPanel(panel === 'update' ? 'none' : 'update')}>
          {t('checklist_updateStatus')}
          <span class="tl-visually-hidden"> {t('checklist_ofItem', item.title)}</span>
        </button>
        {undoable ? (
          <button type="button" class="tl-button" onClick={guard(() => onUndo(item.id))}>
            {t('checklist_undoLast')}
            <span class="tl-visually-hidden"> {t('checklist_ofItem', item.title)}</span>
          </button>
        ) : null}
        <button type="button" class="tl-button" aria-expanded={panel === 'edit'} onClick={() => setPanel(panel === 'edit' ? 'none' : 'edit')}>
          {t('checklist_edit')}
          <span class="tl-visually-hidden"> {item.title}</span>
        </button>
        {clippingCount ? (
          <button
            type="button"
            class="tl-button"
            aria-expanded={clippings !== null}
            onClick={guard(async () => setClippings(clippings ? null : await loadClippings(item.id)))}
          >
            {clippings ? t('checklist_hideClippings') : t('checklist_showClippings')}
          </button>
        ) : null}
      </div>
      {error ? (
        <p class="tl-error" role="alert">
          {error}
        </p>
      ) : null}

      {panel === 'update' ? (
        <div class="tl-card__panel">
          <StatusUpdateForm
            idPrefix={`${prefix}-update`}
            itemTitle={item.title}
            currentStatus={status}
            today={today}
            onSubmit={async (value) => {
              await onAddStatus(item.id, value);
              setPanel('none');
            }}
            onCancel={() => setPanel('none')}
          />
        </div>
      ) : null}
      {panel === 'edit' ? (
        <div class="tl-card__panel">
          <ItemEditor
            idPrefix={`${prefix}-edit`}
            item={item}
            takenIds={takenIds}
            onSave={async (itemId, patch) => {
              await onEdit(itemId, patch);
              setPanel('none');
            }}
            onCancel={() => setPanel('none')}
          />
          <button type="button" class="tl-button tl-button--danger" onClick={guard(() => onRemove(item.id))}>
            {t('checklist_removeItem')}
          </button>
        </div>
      ) : null}

      {clippings ? (
        <ul class="tl-clippings" aria-label={t('checklist_clippingsAbout', item.title)}>
          {clippings.map((clipping) => (
            <li key={clipping.id}>
              <blockquote>{clipping.quote}</blockquote>
              <a href={clipping.url} target="_blank" rel="noopener noreferrer">
                {clipping.title || clipping.url}
              </a>{' '}
              <span class="tl-muted">{t('checklist_savedOn', formatDate(clipping.createdAt.slice(0, 10)))}</span>
            </li>
          ))}
        </ul>
      ) : null}

      <TimelineStrip history={item.history} today={today} label={t('checklist_stripLabel', item.title)} />
      <details class="tl-card__history">
        <summary>
          {t('checklist_history')} <span class="tl-muted">({item.history.length === 1 ? t('checklist_entriesOne') : t('checklist_entries', item.history.length)})</span>
        </summary>
        <HistoryList history={item.history} />
      </details>
    </li>
  );
}
