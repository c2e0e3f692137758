import type { Handlers } from './router';

export const lensHandlers: Handlers<'lens/gate-hit'> = {
  'lens/gate-hit': async () => ({ injected: false }),
};

export function setUpLens(): void {}
