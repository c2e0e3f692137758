import { StatusBadge } from '../status/StatusBadge';
import { formatDate, KIND_LABELS } from '../status/labels';
import { ClaimCard } from './ClaimCard';
import type { ItemView } from './model';
import type { LensActions } from './types';
import { ItemEvidenceLine } from './EvidenceNote';

/** A checklist item: its latest status (word, date, note) and, when the article touches it, its claims. */
export function ItemCard({ item, onActivateClaim, actions, compact = false }: {
  item: ItemView;
  onActivateClaim: (key: string) => void;
  actions: LensActions | undefined;
  compact?: boolean;
}) {
  const headingId = `tl-item-${item.thesisId}-${item.id}`;
  const onUpdate = actions?.onUpdateStatus;
  return (
    <li class={`tl-item tl-item--${item.status}${compact ? ' tl-item--compact' : ''}`} aria-labelledby={headingId} data-item-id={item.id}>
      <div class="tl-item__head">
        <h4 class="tl-item__title" id={headingId}>
          {item.title}
        </h4>
        <StatusBadge status={item.status} />
      </div>
      <p class="tl-item__status">
        {item.kind ? <span class="tl-item__kind">{KIND_LABELS[item.kind]}</span> : null}
        {item.statusDate ? <span class="tl-item__date">Status as of {formatDate(item.statusDate)}</span> : null}
        {!compact && item.claims.length > 0 ? (
          <span class="tl-item__count">
            {item.claims.length} {item.claims.length === 1 ? 'claim' : 'claims'} here
          </span>
        ) : null}
      </p>
      {item.statusNote && !compact ? <p class="tl-item__note">{item.statusNote}</p> : null}
      {compact ? null : <ItemEvidenceLine itemId={item.id} />}
      {onUpdate ? (
        <div class="tl-item__actions">
          <button type="button" class="tl-button tl-button--small" onClick={() => onUpdate(item)}>
            Update status<span class="tl-visually-hidden"> of {item.title}</span>
          </button>
        </div>
      ) : null}
      {item.claims.length > 0 ? (
        <ul class="tl-claims" role="list" aria-label={`Claims about ${item.title}`}>
          {item.claims.map((claim) => (
            <ClaimCard key={claim.key} claim={claim} item={item} onActivate={onActivateClaim} actions={actions} />
          ))}
        </ul>
      ) : null}
    </li>
  );
}
