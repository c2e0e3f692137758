import browser from 'webextension-polyfill';
import { render } from 'preact';
import { t, uiLanguage } from '@/lib/i18n';
import { Welcome } from './Welcome';
import { DEMO_PAGE_PATH } from '@/lib/demo/bundled-demo';
import './welcome.css';

const DEFAULT_SHORTCUT = 'Alt+Shift+L';

document.documentElement.lang = uiLanguage()?.startsWith('zh') ? 'zh-CN' : 'en';
document.title = t('welcome_title');

async function shortcut(): Promise<string> {
  try {
    const commands = await browser.commands.getAll();
    return commands.find((command) => command.name === 'toggle-sidebar')?.shortcut || DEFAULT_SHORTCUT;
  } catch {
    return DEFAULT_SHORTCUT;
  }
}

void shortcut().then((annotateShortcut) =>
  render(
    <Welcome demoUrl={browser.runtime.getURL(`/${DEMO_PAGE_PATH}`)} annotateShortcut={annotateShortcut} onOpenChecklist={() => void browser.runtime.openOptionsPage()} />,
    document.getElementById('app')!,
  ),
);
