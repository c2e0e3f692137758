import type { Item, Status } from '@/lib/pack/schema';
import { t } from '@/lib/i18n';
import { STATUS_LABELS, formatDate } from '../status/labels';
import { StatusBadge } from '../status/StatusBadge';
import { STATUS_ORDER, thesisGlance } from './strip-layout';
import { originLabel } from './HistoryTimeline';

/**
 * Where a thesis stands as a whole: its items by status (catalysts and risks apart), the
 * status changes of the last 30 days, and the clippings saved lately. Renders what it is given.
 */

export interface RecentClippings {
  count: number;
  latest: Array<{ id: string; quote: string; title: string }>;
}

const MAX_CHANGES = 6;

function CountsRow({ label, counts, total, summary }: { label: string; counts: Record<Status, number>; total: number; summary: string }) {
  const present = STATUS_ORDER.filter((status) => counts[status] > 0);
  return (
    <div class="tl-glance__row">
      <span class="tl-glance__kind">{label}</span>
      <span class="tl-glance__bar" aria-hidden="true">
        {present.map((status) => (
          <span key={status} class={`tl-strip__seg--${status}`} style={{ width: `${(counts[status] / Math.max(1, total)) * 100}%` }} />
        ))}
      </span>
      <ul class="tl-glance__chips">
        {present.length ? (
          present.map((status) => (
            <li key={status} class="tl-glance__chip" data-status={status}>
              <span class={`tl-strip__swatch tl-strip__seg--${status}`} aria-hidden="true" />
              {counts[status]} {STATUS_LABELS[status].word}
            </li>
          ))
        ) : (
          <li class="tl-glance__chip">{t('checklist_glanceNone')}</li>
        )}
      </ul>
      {total ? <p class="tl-glance__summary">{summary}</p> : null}
    </div>
  );
}

export function ThesisGlance({ thesisId, items, today, recent, libraryHref }: { thesisId: string; items: readonly Item[]; today: string; recent: RecentClippings | undefined; libraryHref: string }) {
  const { byStatus, changes } = thesisGlance(items, today);
  const catalysts = items.filter((item) => item.kind === 'catalyst').length;
  const risks = items.length - catalysts;
  const good = byStatus.catalyst.confirmed + byStatus.catalyst['on-track'];
  const bad = byStatus.risk['at-risk'] + byStatus.risk.broken;
  return (
    <section class="tl-glance" aria-labelledby="glance-heading" data-testid="thesis-glance">
      <div class="tl-glance__counts">
        <h3 id="glance-heading">{t('checklist_glanceHeading')}</h3>
        <CountsRow label={t('checklist_glanceCatalysts')} counts={byStatus.catalyst} total={catalysts} summary={t('checklist_glanceOnTrack', good, catalysts)} />
        <CountsRow label={t('checklist_glanceRisks')} counts={byStatus.risk} total={risks} summary={t('checklist_glanceAtRisk', bad, risks)} />
      </div>
      <div>
        <h3>{t('checklist_glanceChanges')}</h3>
        {changes.length ? (
          <ul class="tl-glance__changes">
            {changes.slice(0, MAX_CHANGES).map((change) => (
              <li key={`${change.itemId}-${change.date}-${change.status}`}>
                <time dateTime={change.date}>{formatDate(change.date)}</time>
                <a
                  href={`#thesis=${thesisId}`}
                  onClick={(event) => {
                    // Scrolls to the item without touching the hash, which selects the thesis.
                    event.preventDefault();
                    document.getElementById(`item-${thesisId}-${change.itemId}`)?.scrollIntoView({ block: 'start' });
                  }}
                >
                  {change.itemTitle}
                </a> <StatusBadge status={change.status} />{' '}
                <span class="tl-muted">
                  {change.previous ? t('checklist_glanceFrom', STATUS_LABELS[change.previous].word) : t('checklist_glanceFirst')} · {originLabel({ origin: change.origin } as Parameters<typeof originLabel>[0])}
                </span>
              </li>
            ))}
            {changes.length > MAX_CHANGES ? <li class="tl-muted">{t('checklist_glanceMore', changes.length - MAX_CHANGES)}</li> : null}
          </ul>
        ) : (
          <p class="tl-muted">{t('checklist_glanceNoChanges')}</p>
        )}
      </div>
      <div>
        <h3>{t('checklist_glanceClippings')}</h3>
        {recent === undefined ? null : recent.count ? (
          <>
            <p>
              {t('checklist_glanceClippingsCount', recent.count)} · <a href={libraryHref}>{t('checklist_glanceOpenLibrary')}</a>
            </p>
            <ul class="tl-glance__quotes">
              {recent.latest.map((clipping) => (
                <li key={clipping.id}>
                  “{clipping.quote.length > 140 ? `${clipping.quote.slice(0, 139)}…` : clipping.quote}” <span class="tl-muted">{clipping.title}</span>
                </li>
              ))}
            </ul>
          </>
        ) : (
          <p class="tl-muted">{t('checklist_glanceNoClippings')}</p>
        )}
      </div>
    </section>
  );
}
