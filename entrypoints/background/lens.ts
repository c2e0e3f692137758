import type { Handlers } from './router';

// Placeholder: the lens feature replaces this file.
export const lensHandlers: Partial<Handlers<'lens/gate-hit'>> = {};

export function setUpLens(): void {}
