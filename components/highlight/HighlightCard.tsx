import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { FigureCheck, StanceMark, StatusBadge } from '../status/StatusBadge';
import { formatDate } from '../status/labels';
import type { ClaimView, ItemView } from '../sidebar/model';
import type { LensActions } from '../sidebar/types';

export interface HighlightCardProps {
  claim: ClaimView;
  /** The items the claim is linked to (each with this claim among its claims). */
  items: readonly ItemView[];
  /** The highlighted text's box in viewport coordinates: the card sits below it, or above when there is no room. */
  anchor: { top: number; bottom: number; left: number };
  /** Move focus into the card (opened by click or keyboard, not by hover). */
  takeFocus: boolean;
  onOpenInSidebar: (claim: ClaimView) => void;
  onClose: () => void;
  onPointerEnter?: () => void;
  onPointerLeave?: () => void;
  actions?: LensActions;
}

const MARGIN = 8;
const CARD_WIDTH = 340;

/** The small card over a highlighted claim: its items, their status, its stance and figure checks. */
export function HighlightCard(props: HighlightCardProps) {
  const { claim, items, anchor } = props;
  const ref = useRef<HTMLDivElement>(null);
  const [position, setPosition] = useState<{ top: number; left: number } | null>(null);

  useLayoutEffect(() => {
    const card = ref.current;
    if (!card) return;
    const height = card.offsetHeight;
    const below = anchor.bottom + MARGIN;
    const top = below + height <= window.innerHeight - MARGIN ? below : Math.max(MARGIN, anchor.top - MARGIN - height);
    const left = Math.min(Math.max(MARGIN, anchor.left), Math.max(MARGIN, window.innerWidth - CARD_WIDTH - MARGIN));
    setPosition({ top, left });
  }, [anchor.top, anchor.bottom, anchor.left, claim.key]);

  useEffect(() => {
    if (props.takeFocus) ref.current?.focus();
  }, [props.takeFocus, claim.key]);

  const onSave = props.actions?.onSaveClaim;
  const titleId = `tl-card-title-${claim.key.replace(/[^a-z0-9-]/gi, '-')}`;
  return (
    <div
      ref={ref}
      class="tl-card"
      role="dialog"
      aria-labelledby={titleId}
      tabIndex={-1}
      style={{ top: `${position?.top ?? anchor.bottom + MARGIN}px`, left: `${position?.left ?? anchor.left}px`, visibility: position ? 'visible' : 'hidden' }}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          props.onClose();
        }
      }}
      onPointerEnter={props.onPointerEnter}
      onPointerLeave={props.onPointerLeave}
    >
      <p class="tl-card__eyebrow" id={titleId}>
        Thesis Lens · {items.length === 1 ? 'checklist item' : `${items.length} checklist items`}
      </p>
      <ul class="tl-card__items" role="list">
        {items.map((item) => {
          const link = item.claims.find((c) => c.key === claim.key);
          return (
            <li key={`${item.thesisId}/${item.id}`} class="tl-card__item">
              <p class="tl-card__item-title">{item.title}</p>
              <p class="tl-card__row">
                <StatusBadge status={item.status} />
                {item.statusDate ? <span class="tl-card__date">as of {formatDate(item.statusDate)}</span> : null}
              </p>
              {link ? (
                <p class="tl-card__row">
                  <span class="tl-card__label">This claim:</span> <StanceMark stance={link.stance} />
                  {claim.claim.hedged ? <span class="tl-claim__hedged">Hedged</span> : null}
                </p>
              ) : null}
              {link?.checks.map((check, i) => (
                <p key={i} class="tl-card__row">
                  <FigureCheck check={check} />
                </p>
              ))}
            </li>
          );
        })}
      </ul>
      <div class="tl-card__actions">
        <button type="button" class="tl-button" onClick={() => props.onOpenInSidebar(claim)}>
          Open in sidebar
        </button>
        {onSave ? (
          <button type="button" class="tl-button" onClick={() => onSave(claim, items[0])}>
            Save<span class="tl-visually-hidden"> this claim as a clipping</span>
          </button>
        ) : null}
        <button type="button" class="tl-icon-button tl-card__close" aria-label="Close" onClick={props.onClose}>
          <span aria-hidden="true">×</span>
        </button>
      </div>
    </div>
  );
}
