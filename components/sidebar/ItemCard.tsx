import { useState } from 'preact/hooks';
import { StatusBadge } from '../status/StatusBadge';
import { formatDate, KIND_LABELS } from '../status/labels';
import { t } from '@/lib/i18n';
import { ClaimCard } from './ClaimCard';
import type { ItemView } from './model';
import type { LensActions } from './types';
import { ItemEvidenceLine } from './EvidenceNote';

/**
 * A checklist item: its latest status (word, date, source, note) and, when the article touches
 * it, its claims. An item with claims folds: its header (title, status, date, source, count)
 * stays, its note and claims go.
 */
export function ItemCard({ item, onActivateClaim, actions, compact = false }: {
  item: ItemView;
  onActivateClaim: (key: string) => void;
  actions: LensActions | undefined;
  compact?: boolean;
}) {
  const headingId = `tl-item-${item.thesisId}-${item.id}`;
  const bodyId = `tl-item-body-${item.thesisId}-${item.id}`;
  const onUpdate = actions?.onUpdateStatus;
  const [ownCollapsed, setOwnCollapsed] = useState(false);
  const folds = !compact && item.claims.length > 0;
  const collapsed = folds && (actions?.isCollapsed ? actions.isCollapsed(item) : ownCollapsed);
  const toggle = () => (actions?.onToggleItem ? actions.onToggleItem(item) : setOwnCollapsed(!ownCollapsed));
  return (
    <li
      class={`tl-item tl-item--${item.status}${compact ? ' tl-item--compact' : ''}${collapsed ? ' tl-item--collapsed' : ''}`}
      aria-labelledby={headingId}
      data-item-id={item.id}
    >
      <div class="tl-item__head">
        <h4 class="tl-item__title" id={headingId}>
          {folds ? (
            <button type="button" class="tl-item__toggle" aria-expanded={collapsed ? 'false' : 'true'} aria-controls={bodyId} title={t('sidebar_item_toggle', item.title)} onClick={toggle}>
              {item.title}
            </button>
          ) : (
            item.title
          )}
        </h4>
        <StatusBadge status={item.status} />
      </div>
      <p class="tl-item__status">
        {item.kind ? <span class="tl-item__kind">{KIND_LABELS[item.kind]}</span> : null}
        {item.statusDate ? <span class="tl-item__date">{t('sidebar_status_as_of', formatDate(item.statusDate))}</span> : null}
        {!compact && item.claims.length > 0 ? (
          <span class="tl-item__count">{item.claims.length === 1 ? t('sidebar_claim_here') : t('sidebar_claims_here', item.claims.length)}</span>
        ) : null}
        {item.statusSource && !compact ? <StatusSource source={item.statusSource} /> : null}
      </p>
      <div id={bodyId} class="tl-item__body" hidden={collapsed}>
        {item.statusNote && !compact ? <p class="tl-item__note">{item.statusNote}</p> : null}
        {compact ? null : <ItemEvidenceLine itemId={item.id} />}
        {onUpdate ? (
          <div class="tl-item__actions">
            <button type="button" class="tl-button tl-button--small" onClick={() => onUpdate(item)}>
              {t('sidebar_update_status')}
              <span class="tl-visually-hidden">{t('sidebar_update_status_of', item.title)}</span>
            </button>
          </div>
        ) : null}
        {item.claims.length > 0 ? (
          <ul class="tl-claims" role="list" aria-label={t('sidebar_claims_about', item.title)}>
            {item.claims.map((claim) => (
              <ClaimCard key={claim.key} claim={claim} item={item} onActivate={onActivateClaim} actions={actions} />
            ))}
          </ul>
        ) : null}
      </div>
    </li>
  );
}

/** Where the item's latest status came from: a link when the entry has an address. */
function StatusSource({ source }: { source: { title: string; url?: string } }) {
  const label = t('sidebar_status_source', source.title);
  return (
    <span class="tl-item__source" title={label}>
      {source.url ? (
        <a href={source.url} target="_blank" rel="noopener noreferrer">
          {label}
        </a>
      ) : (
        label
      )}
    </span>
  );
}
