import type { Stance, Status } from '@/lib/pack/schema';
import type { Check } from '@/lib/pipeline/types';
import { STANCE_LABELS, STATUS_LABELS, VERDICT_LABELS } from './labels';

/**
 * Small reusable marks (sidebar, highlight card, popup, library, checklist pages).
 * Styles: components/status/status.css (class names `tl-status`, `tl-stance`, `tl-check`).
 */

export function StatusBadge({ status }: { status: Status }) {
  const label = STATUS_LABELS[status];
  return (
    <span class={`tl-status tl-status--${status}`} title={`${label.word}: ${label.description}`}>
      <span class="tl-status__icon" aria-hidden="true">{label.icon}</span>
      <span class="tl-status__word">{label.word}</span>
    </span>
  );
}

export function StanceMark({ stance }: { stance: Stance }) {
  const label = STANCE_LABELS[stance];
  return (
    <span class={`tl-stance tl-stance--${stance}`}>
      <span class="tl-stance__icon" aria-hidden="true">{label.icon}</span>
      <span class="tl-stance__word">{label.word}</span>
    </span>
  );
}

/** "34%: Matches · checklist: 34% (quarter ended 2025-09-30)". */
export function FigureCheck({ check }: { check: Check }) {
  const label = VERDICT_LABELS[check.verdict];
  return (
    <span class={`tl-check tl-check--${check.verdict}`}>
      <span class="tl-check__verdict">
        <span aria-hidden="true">{label.icon} </span>
        {check.figure ? `${check.figure}: ` : 'Figure: '}
        {label.word}
      </span>
      <span class="tl-check__known"> · checklist: {check.known}</span>
    </span>
  );
}
