import { t } from '@/lib/i18n';
import css from './clippings.css?inline';
import { shortQuote, type PageClippingsState } from './model';

export interface PageClippingsSectionProps {
  state: PageClippingsState;
  /** Scroll to a clipping in the page and flash it. */
  onShow: (id: string) => void;
  onOpenLibrary: () => void;
}

const savedOn = (iso: string) => iso.slice(0, 10);

/**
 * "Saved from this page", for the sidebar: clippings found again (click to see them in the
 * page) and those that could not be found (listed, so none silently disappears).
 */
export function PageClippingsSection({ state, onShow, onOpenLibrary }: PageClippingsSectionProps) {
  return (
    <div class="tlc-root tlc-section" data-testid="page-clippings">
      <style>{css}</style>
      {state.phase === 'loading' ? <p class="tlc-empty">{t('clipper_looking')}</p> : null}
      {state.phase === 'error' ? <p class="tlc-empty">{t('clipper_loadFailed', state.error ?? '')}</p> : null}
      {state.phase === 'ready' && state.found.length === 0 && state.notFound.length === 0 ? (
        <p class="tlc-empty">{t('clipper_nothingSaved')}</p>
      ) : null}
      {state.found.length > 0 ? (
        <ul class="tlc-list" aria-label={t('clipper_foundList')}>
          {state.found.map(({ clipping }) => (
            <li key={clipping.id}>
              <button type="button" class="tlc-clip" data-clipping-id={clipping.id} onClick={() => onShow(clipping.id)}>
                <span class="tlc-clip__quote">{shortQuote(clipping.quote)}</span>
                <span class="tlc-clip__meta">
                  {t('clipper_savedOn', savedOn(clipping.createdAt))}
                  {clipping.note ? ` · ${shortQuote(clipping.note, 80)}` : ''}
                  {clipping.tags.length ? ` · ${clipping.tags.map((t) => `#${t}`).join(' ')}` : ''}
                </span>
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      {state.notFound.length > 0 ? (
        <>
          <h4 class="tlc-subhead">{t('clipper_notFoundHeading', state.notFound.length)}</h4>
          <ul class="tlc-list" aria-label={t('clipper_notFoundList')}>
            {state.notFound.map((clipping) => (
              <li key={clipping.id}>
                <div class="tlc-clip tlc-clip--missing" data-clipping-id={clipping.id} data-not-found="">
                  <span class="tlc-clip__quote">{shortQuote(clipping.quote)}</span>
                  <span class="tlc-clip__meta">{t('clipper_pageChanged', savedOn(clipping.createdAt))}</span>
                </div>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <button type="button" class="tlc-button tlc-button--link" onClick={onOpenLibrary}>
        {t('clipper_openLibraryLong')}
      </button>
    </div>
  );
}
