import { FigureCheck, StanceMark } from '../status/StatusBadge';
import type { ItemView, LinkedClaimView } from './model';
import type { LensActions } from './types';

/** One claim under an item: a button that shows it in the article, its stance, its figure checks. */
export function ClaimCard({ claim, item, onActivate, actions }: {
  claim: LinkedClaimView;
  item: ItemView;
  onActivate: (key: string) => void;
  actions: LensActions | undefined;
}) {
  const onSave = actions?.onSaveClaim;
  return (
    <li class="tl-claim">
      <button
        type="button"
        class="tl-claim__show"
        data-claim-key={claim.key}
        title="Show in the article"
        onClick={() => onActivate(claim.key)}
      >
        <span class="tl-claim__meta">
          <StanceMark stance={claim.stance} />
          {claim.claim.hedged ? <span class="tl-claim__hedged">Hedged</span> : null}
        </span>
        <span class="tl-claim__text">{claim.claim.text}</span>
      </button>
      {claim.checks.length > 0 ? (
        <ul class="tl-claim__checks" role="list" aria-label="Figure checks">
          {claim.checks.map((check, i) => (
            <li key={i}>
              <FigureCheck check={check} />
            </li>
          ))}
        </ul>
      ) : null}
      {onSave ? (
        <div class="tl-claim__actions">
          <button type="button" class="tl-button tl-button--small" onClick={() => onSave(claim, item)}>
            Save<span class="tl-visually-hidden"> this claim as a clipping</span>
          </button>
        </div>
      ) : null}
    </li>
  );
}
