import browser from 'webextension-polyfill';
import { render } from 'preact';
import { useCallback, useEffect, useState } from 'preact/hooks';
import { request } from '@/lib/ext/messaging';
import { t, uiLanguage } from '@/lib/i18n';
import { Popup, type PopupTabState } from '@/components/popup/Popup';
import '@/components/popup/popup.css';

const ALL_SITES_ORIGINS = ['https://*/*', 'http://*/*'];

/**
 * The toolbar popup. It shows the active tab, or the tab named by `?tab=<id>` (so that a
 * test, or another page, can point it at a tab).
 */
const requestedTab = Number(new URLSearchParams(location.search).get('tab'));
const openedAsPopup = !Number.isInteger(requestedTab) || requestedTab <= 0;

async function currentTabId(): Promise<number | null> {
  if (!openedAsPopup) return requestedTab;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id ?? null;
}

function App() {
  const [tabId, setTabId] = useState<number | null>(null);
  const [state, setState] = useState<PopupTabState | null>(null);
  const [notice, setNotice] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);

  const refresh = useCallback(async (id: number) => setState(await request('lens/tab-state', { tabId: id })), []);

  useEffect(() => {
    currentTabId()
      .then((id) => {
        if (id === null) throw new Error(t('popup_noTab'));
        setTabId(id);
        return refresh(id);
      })
      .catch((reason: unknown) => setError(reason instanceof Error ? reason.message : String(reason)));
  }, [refresh]);

  /** Runs an action, then re-reads the tab (the lens reports shortly after it is injected). */
  const run = (action: () => Promise<string | void>) => {
    if (tabId === null) return;
    setBusy(true);
    setError('');
    action()
      .then((message) => setNotice(message ?? ''))
      .catch((reason: unknown) => setError(reason instanceof Error ? reason.message : String(reason)))
      .finally(async () => {
        setBusy(false);
        await refresh(tabId).catch(() => {});
        setTimeout(() => void refresh(tabId).catch(() => {}), 1500);
      });
  };

  const closeIfPopup = () => {
    if (openedAsPopup) window.close();
  };

  return (
    <Popup
      state={state}
      notice={notice}
      error={error}
      busy={busy}
      onShowSidebar={() =>
        run(async () => {
          await request('lens/show-sidebar', { tabId: tabId! });
          closeIfPopup();
          return t('popup_sidebarShown');
        })
      }
      onAnnotate={() =>
        run(async () => {
          const { injected } = await request('lens/annotate-tab', { tabId: tabId! });
          if (!injected) throw new Error(t('popup_cannotRead'));
          closeIfPopup();
          return t('popup_annotating');
        })
      }
      onTogglePaused={() =>
        run(async () => {
          if (!state?.host) return;
          const { paused } = await request('lens/set-paused', { host: state.host, paused: !state.paused });
          return paused ? t('popup_pausedOn', state.host) : t('popup_resumedOn', state.host);
        })
      }
      onToggleAllSites={() => {
        if (state?.allSites) {
          run(async () => {
            await request('lens/set-all-sites', { enabled: false });
            return t('popup_newsOnly');
          });
          return;
        }
        // The permission prompt must open within the click (a user gesture): ask before anything awaits.
        const granted = browser.permissions.request({ origins: ALL_SITES_ORIGINS });
        run(async () => {
          if (!(await granted)) return t('popup_allSitesRefused');
          await request('lens/set-all-sites', { enabled: true });
          return t('popup_allSitesOn');
        });
      }}
      onOpenChecklist={() => void browser.runtime.openOptionsPage().then(closeIfPopup)}
      onOpenLibrary={() => void browser.tabs.create({ url: browser.runtime.getURL('/library.html') }).then(closeIfPopup)}
      onOpenReadingLog={() => void browser.tabs.create({ url: browser.runtime.getURL('/reading-log.html') }).then(closeIfPopup)}
    />
  );
}

document.documentElement.lang = uiLanguage()?.startsWith('zh') ? 'zh-CN' : 'en';
render(<App />, document.getElementById('app')!);
