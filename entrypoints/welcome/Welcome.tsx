import { t } from '@/lib/i18n';

export interface WelcomeProps {
  /** The bundled demo article (an extension page that runs the lens itself). */
  demoUrl: string;
  onOpenChecklist: () => void;
  /** The keyboard shortcut that annotates a page, as the browser has it set. */
  annotateShortcut: string;
}

/** The first-run page: what Thesis Lens does in three points, and the demo to try it on. */
export function Welcome({ demoUrl, onOpenChecklist, annotateShortcut }: WelcomeProps) {
  const points = [
    { title: t('welcome_point1Title'), text: t('welcome_point1') },
    { title: t('welcome_point2Title'), text: t('welcome_point2') },
    { title: t('welcome_point3Title'), text: t('welcome_point3') },
  ];
  return (
    <main class="tw">
      <header class="tw__header">
        <img class="tw__logo" src="/icon/128.png" alt="" width={64} height={64} />
        <div>
          <h1 class="tw__title">{t('welcome_title')}</h1>
          <p class="tw__lead">{t('welcome_lead')}</p>
        </div>
      </header>
      <ol class="tw__points" aria-label={t('welcome_pointsLabel')}>
        {points.map((point, index) => (
          <li key={index} class="tw__point">
            <span class="tw__number" aria-hidden="true">
              {index + 1}
            </span>
            <div>
              <h2 class="tw__point-title">{point.title}</h2>
              <p>{point.text}</p>
            </div>
          </li>
        ))}
      </ol>
      <section class="tw__try">
        <a class="tw__demo" href={demoUrl} data-testid="open-demo">
          {t('welcome_openDemo')}
        </a>
        <p class="tw__hint">{t('welcome_demoHint')}</p>
        <p class="tw__hint">{t('welcome_anyPage', annotateShortcut)}</p>
        <button type="button" class="tw__link" onClick={onOpenChecklist}>
          {t('welcome_openChecklist')}
        </button>
      </section>
      <footer class="tw__footer">
        <p>{t('welcome_privacy')}</p>
      </footer>
    </main>
  );
}
