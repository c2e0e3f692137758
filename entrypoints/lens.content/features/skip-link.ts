import { t } from '@/lib/i18n';
import type { LensFeature } from '../feature';

/**
 * A skip link at the start of the page's tab order ("Skip to the Thesis Lens panel"), visible
 * when focused, once the page has claims. In its own closed shadow root; only the reader's
 * own activation counts.
 */
export const skipLink: LensFeature = {
  name: 'skip-link',
  start(lens, signal) {
    let host: HTMLElement | null = null;
    const remove = () => {
      host?.remove();
      host = null;
    };
    lens.on(
      'painting',
      () => {
        if (host || !document.body) return;
        host = document.createElement('span');
        const root = host.attachShadow({ mode: 'closed' });
        const style = document.createElement('style');
        style.textContent = [
          ':host { all: initial !important; }',
          'a { position: fixed; left: 8px; top: -100px; z-index: 2147483647; padding: 8px 12px; background: #0b57d0; color: #fff;',
          ' font: 600 14px system-ui, sans-serif; border-radius: 6px; text-decoration: none; }',
          'a:focus { top: 8px; outline: 3px solid #fff; outline-offset: -5px; }',
        ].join('');
        const link = document.createElement('a');
        link.href = '#';
        link.textContent = t('sidebar_skip');
        link.addEventListener('click', (event) => {
          event.preventDefault();
          // Not also a click "outside" the panel (which would close it again).
          event.stopPropagation();
          if (event.isTrusted) lens.openFromCommand();
        });
        root.append(style, link);
        document.body.prepend(host);
      },
      signal,
    );
    lens.on('cleared', remove, signal);
    signal.addEventListener('abort', remove);
  },
};
