import type { Handlers } from './router';

export const checklistHandlers: Handlers<'checklist/list-theses'> = {
  'checklist/list-theses': async () => ({ ids: [] }),
};

export function setUpChecklist(): void {}
