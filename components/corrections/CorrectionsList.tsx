import { useEffect, useState } from 'preact/hooks';
import { request } from '@/lib/ext/messaging';
import { t } from '@/lib/i18n';
import type { Correction } from '@/lib/corrections';
import { STANCE_LABELS } from '../status/labels';

/**
 * The reader's corrections of claims, on the checklist page: each with its sentence, what was
 * corrected and where, and Undo. Loads and writes through the background.
 */
export function CorrectionsList() {
  const [corrections, setCorrections] = useState<Correction[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = () =>
    request('corrections/list', {})
      .then(({ corrections: list }) => setCorrections(list.slice().reverse()))
      .catch((reason: unknown) => setError(String(reason)));
  useEffect(() => {
    void load();
  }, []);
  return (
    <section class="tl-panel-box tl-corrections" aria-labelledby="tl-corrections-title">
      <h2 id="tl-corrections-title">{t('sidebar_corrections_title')}</h2>
      {error ? <p role="alert">{error}</p> : null}
      {corrections === null ? null : corrections.length === 0 ? (
        <p>{t('sidebar_corrections_none')}</p>
      ) : (
        <ul class="tl-corrections__list">
          {corrections.map((correction) => (
            <li key={correction.id} class="tl-corrections__entry">
              <q>{correction.text}</q>
              <span class="tl-corrections__what">{describe(correction)}</span>
              <span class="tl-corrections__page">{correction.pageUrl}</span>
              <button
                type="button"
                onClick={async () => {
                  await request('corrections/remove', { id: correction.id });
                  await load();
                }}
              >
                {t('sidebar_corrections_undo')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function describe(correction: Correction): string {
  if (correction.kind === 'not-claim') return t('sidebar_correct_not_claim');
  if (correction.kind === 'stance' && correction.stance) return t('sidebar_correct_stance', STANCE_LABELS[correction.stance].word.toLowerCase());
  return `${t('sidebar_correct_item')}: ${correction.toItemId ?? ''}`;
}
