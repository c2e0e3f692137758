import { z } from 'zod';

// Extension pages forbid eval: tell zod not to probe for it (no CSP noise, same results).
z.config({ jitless: true });

/**
 * The typed message protocol between the extension's pages, its content scripts and the
 * background (the single writer of stored data). Each feature declares its messages in its
 * own file (lens.ts, clippings.ts, checklist.ts); `index.ts` joins them. Every message is
 * parsed with its schema on arrival; responses are parsed by the caller.
 */

export interface MessageDef<Req extends z.ZodType = z.ZodType, Res extends z.ZodType = z.ZodType> {
  request: Req;
  response: Res;
}

export function defineMessages<const T extends Record<string, MessageDef>>(defs: T): T {
  return defs;
}

/** What travels: `{ type, payload }`. */
export const EnvelopeSchema = z.object({ type: z.string().min(1), payload: z.unknown() });
export type Envelope = z.infer<typeof EnvelopeSchema>;

/** What comes back: never a thrown error across the boundary, always one of these. */
export type Reply<T> = { ok: true; data: T } | { ok: false; error: string };
export const ReplySchema = z.union([
  z.object({ ok: z.literal(true), data: z.unknown() }),
  z.object({ ok: z.literal(false), error: z.string() }),
]);
