import { z } from 'zod';

// Extension pages forbid eval: tell zod not to probe for it (no CSP noise, same results).
z.config({ jitless: true });

/**
 * The typed message protocol between the extension's pages, its content scripts and the
 * background (the single writer of stored data). Each feature declares its messages in its
 * own file (lens.ts, clippings.ts, checklist.ts); `index.ts` joins them. Every message is
 * parsed with its schema on arrival; responses are parsed by the caller.
 */

/**
 * Who may send a message (checked by the background router from `sender`, never from the
 * payload):
 * - `extension-pages` (the default when `from` is left out): the popup, the checklist page,
 *   the library. Everything that reads the library, deletes, names another tab or URL, or
 *   changes settings is one of these.
 * - `content-scripts`: the gate, the lens and the clipper in a web page, about their own page
 *   only: the background takes the tab and the URL from the sender.
 * - `pages-and-content-scripts`: both (the sidebar and the checklist page share a few).
 * A content script may be a compromised renderer: give it nothing it does not need.
 */
export type Audience = 'extension-pages' | 'content-scripts' | 'pages-and-content-scripts';

export interface MessageDef<Req extends z.ZodType = z.ZodType, Res extends z.ZodType = z.ZodType> {
  request: Req;
  response: Res;
  /** Default: `extension-pages`. */
  from?: Audience;
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
