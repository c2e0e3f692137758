import { defineBackground } from 'wxt/utils/define-background';
import { listen } from './router';
import { lensHandlers, setUpLens } from './lens';
import { clippingHandlers, setUpClippings } from './clippings';
import { checklistHandlers, setUpChecklist } from './checklist';
import { correctionHandlers } from './corrections';

// The background is a list of features; each owns its file, its handlers and its listeners.
export default defineBackground(() => {
  listen({ ...lensHandlers, ...clippingHandlers, ...checklistHandlers, ...correctionHandlers });
  setUpLens();
  setUpClippings();
  setUpChecklist();
});
