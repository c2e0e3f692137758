import browser from 'webextension-polyfill';
import { defineBackground } from 'wxt/utils/define-background';
import { listen } from './router';
import { lensHandlers, setUpLens } from './lens';
import { clippingHandlers, setUpClippings } from './clippings';
import { checklistHandlers, setUpChecklist } from './checklist';
import { libraryQueryHandlers } from './library-query';
import { analysisHandlers } from './analysis';
import { correctionHandlers } from './corrections';
import { readingLogHandlers } from './reading-log';
import { evidenceHandlers } from './evidence';

// The background is a list of features; each owns its file, its handlers and its listeners.
// A new feature adds one line to `listen` (its handlers) and, if it has listeners, one setUp call.
export default defineBackground(() => {
  listen({
    ...lensHandlers,
    ...clippingHandlers,
    ...checklistHandlers,
    ...libraryQueryHandlers,
    ...analysisHandlers,
    ...correctionHandlers,
    ...readingLogHandlers,
    ...evidenceHandlers,
  });
  setUpLens();
  setUpClippings();
  setUpChecklist();
  // First run: the welcome page (what Thesis Lens does, and its demo). Not on updates.
  browser.runtime.onInstalled.addListener(({ reason }) => {
    if (reason === 'install') void browser.tabs.create({ url: browser.runtime.getURL('/welcome.html') });
  });
});
