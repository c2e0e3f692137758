import type { Handlers } from './router';

export const clippingHandlers: Handlers<'clippings/count'> = {
  'clippings/count': async () => ({ count: 0 }),
};

export function setUpClippings(): void {}
