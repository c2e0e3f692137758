import { FigureCheck, StanceMark } from '../status/StatusBadge';
import { t } from '@/lib/i18n';
import type { ItemView, LinkedClaimView } from './model';
import { reasonsOf, type LinkReasons } from './note';
import type { LensActions } from './types';
import { useState } from 'preact/hooks';
import { STANCES, type Stance } from '@/lib/pack/schema';
import { STANCE_LABELS } from '../status/labels';
import type { ClaimView } from './model';

/** One claim under an item: a button that shows it in the article, its stance, its figure checks. */
export function ClaimCard({ claim, item, onActivate, actions }: {
  claim: LinkedClaimView;
  item: ItemView;
  onActivate: (key: string) => void;
  actions: LensActions | undefined;
}) {
  const onSave = actions?.onSaveClaim;
  const [open, setOpen] = useState(false);
  const textId = `tl-text-${claim.key}-${item.id}`;
  return (
    <li class="tl-claim">
      <button
        type="button"
        class="tl-claim__show"
        data-claim-key={claim.key}
        title={t('sidebar_show_in_article')}
        onClick={() => onActivate(claim.key)}
      >
        <span class="tl-claim__meta">
          <StanceMark stance={claim.stance} />
          {claim.claim.hedged ? <span class="tl-claim__hedged" title={t('sidebar_legend_hedged')}>{t('sidebar_hedged')}</span> : null}
        </span>
        <ClaimText id={textId} text={claim.claim.text} open={open} />
      </button>
      {isLongClaim(claim.claim.text) ? <MoreToggle controls={textId} open={open} onToggle={() => setOpen(!open)} /> : null}
      {claim.checks.length > 0 ? (
        <ul class="tl-claim__checks" role="list" aria-label="Figure checks">
          {claim.checks.map((check, i) => (
            <li key={i}>
              <FigureCheck check={check} />
            </li>
          ))}
        </ul>
      ) : null}
      <WhyLinked reasons={reasonsOf(claim.claim, item.id)} />
      <CorrectClaim claim={claim} itemId={item.id} stance={claim.stance} actions={actions} />
      {onSave ? (
        <div class="tl-claim__actions">
          <button type="button" class="tl-button tl-button--small" onClick={() => onSave(claim, item)}>
            {t('sidebar_save')}
            <span class="tl-visually-hidden">{t('sidebar_save_claim')}</span>
          </button>
        </div>
      ) : null}
    </li>
  );
}

/** Past this many width units (a CJK character counts two) a claim is clamped to four lines and gets "More". */
const LONG_CLAIM_UNITS = 180;
const WIDE_CHAR = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/;

/** Is this sentence long enough to be cut at four lines in the panel? */
export function isLongClaim(text: string): boolean {
  let units = 0;
  for (const char of text) {
    units += WIDE_CHAR.test(char) ? 2 : 1;
    if (units > LONG_CLAIM_UNITS) return true;
  }
  return false;
}

/** A claim's sentence: clamped to four lines until the reader opens it. */
export function ClaimText({ id, text, open }: { id: string; text: string; open: boolean }) {
  return (
    <span id={id} class={open ? 'tl-claim__text tl-claim__text--open' : 'tl-claim__text'}>
      {text}
    </span>
  );
}

/** Opens a long claim in place (and closes it again); its own tab stop, only on long claims. */
export function MoreToggle({ controls, open, onToggle }: { controls: string; open: boolean; onToggle: () => void }) {
  return (
    <button type="button" class="tl-more" aria-expanded={open ? 'true' : 'false'} aria-controls={controls} title={t('sidebar_more_label')} onClick={onToggle}>
      {open ? t('sidebar_less') : t('sidebar_more')}
      <span aria-hidden="true">{open ? ' ▴' : ' ▾'}</span>
    </button>
  );
}

/** Why the linker tied this sentence to this item, in words (when the linker says). */
export function WhyLinked({ reasons }: { reasons: LinkReasons | undefined }) {
  if (!reasons) return null;
  const parts = [
    reasons.subject ? t('sidebar_why_subject', reasons.subject) : null,
    reasons.event ? t('sidebar_why_event', reasons.event) : null,
    reasons.direction === 'up' ? t('sidebar_why_up') : reasons.direction === 'down' ? t('sidebar_why_down') : null,
    reasons.negated ? t('sidebar_why_negated') : null,
    reasons.words.length > 0 ? t('sidebar_why_words', reasons.words.join(', ')) : null,
    // The combined probability of the rules' and the model's evidence, where the thesis has a combiner.
    reasons.linkScore !== undefined ? t('sidebar_why_confidence', String(Math.round(reasons.linkScore * 100))) : null,
  ].filter((part): part is string => part !== null);
  if (parts.length === 0) return null;
  return (
    <details class="tl-why">
      <summary>{t('sidebar_why')}</summary>
      <p>{parts.join(' · ')}</p>
    </details>
  );
}

/** Corrections where the claim is seen: not a claim, another stance, another item. */
export function CorrectClaim({ claim, itemId, stance, actions }: { claim: ClaimView; itemId: string | undefined; stance: Stance; actions: LensActions | undefined }) {
  const onCorrect = actions?.onCorrect;
  const choices = actions?.itemChoices?.(claim.thesisId).filter((choice) => choice.id !== itemId) ?? [];
  const [target, setTarget] = useState(choices[0]?.id ?? '');
  if (!onCorrect) return null;
  const selectId = `tl-move-${claim.key}-${itemId ?? ''}`;
  return (
    <details class="tl-correct">
      <summary>{t('sidebar_correct')}</summary>
      <div class="tl-correct__actions">
        <button type="button" class="tl-button tl-button--small" onClick={() => onCorrect(claim, itemId, { kind: 'not-claim' })}>
          {t('sidebar_correct_not_claim')}
        </button>
        {STANCES.filter((other) => other !== stance).map((other) => (
          <button key={other} type="button" class="tl-button tl-button--small" onClick={() => onCorrect(claim, itemId, { kind: 'stance', stance: other })}>
            {t('sidebar_correct_stance', STANCE_LABELS[other].word.toLowerCase())}
          </button>
        ))}
        {choices.length > 0 ? (
          <span class="tl-correct__move">
            <label for={selectId}>{t('sidebar_correct_item')}</label>
            <select id={selectId} value={target} onChange={(event) => setTarget((event.currentTarget as HTMLSelectElement).value)}>
              {choices.map((choice) => (
                <option key={choice.id} value={choice.id}>
                  {choice.title}
                </option>
              ))}
            </select>
            <button type="button" class="tl-button tl-button--small" onClick={() => target && onCorrect(claim, itemId, { kind: 'item', toItemId: target })}>
              {t('sidebar_correct_move')}
            </button>
          </span>
        ) : null}
      </div>
    </details>
  );
}
