/**
 * The checklist's words, as plain constants: the schema builds on them, and scripts in web
 * pages use them without loading zod.
 */
export const STATUSES = ['confirmed', 'on-track', 'pending', 'at-risk', 'broken'] as const;
export type Status = (typeof STATUSES)[number];

export const STANCES = ['supports', 'challenges', 'neutral'] as const;
export type Stance = (typeof STANCES)[number];
