import type { Handlers } from './router';

export const checklistHandlers: Handlers<'checklist/effective-packs'> = {
  // Placeholder until the checklist store exists: no packs.
  'checklist/effective-packs': async () => ({ packs: [] }),
};

export function setUpChecklist(): void {}
