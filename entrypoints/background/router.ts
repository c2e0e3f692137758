import browser, { type Runtime } from 'webextension-polyfill';
import { messages, EnvelopeSchema, type MessageType, type RequestOf, type ResponseOf, type Reply } from '@/lib/messages';
import { accepts, classifySender, type Caller } from './trust';

/**
 * A feature's handler for one message. `sender` is what the browser says about the sender;
 * `caller` is the router's verdict on it (an extension page, or a content script with its
 * tab and URL). Handlers of content-script messages take the tab and the URL from `caller`,
 * never from the payload.
 */
export type Handler<K extends MessageType> = (payload: RequestOf<K>, sender: Runtime.MessageSender, caller: Caller) => Promise<ResponseOf<K>> | ResponseOf<K>;
export type Handlers<K extends MessageType> = { [P in K]: Handler<P> };
export type { Caller };

/** The content-script caller of a handler (the router already refused anyone else for such messages). */
export function contentScriptOf(caller: Caller): Extract<Caller, { kind: 'content-script' }> {
  if (caller.kind !== 'content-script') throw new Error('this message must come from a page the lens runs on');
  return caller;
}

/**
 * Validates and routes one message. Anything malformed, unknown, from a foreign sender or
 * from a sender the message does not accept gets `{ ok: false, error }`, never an exception
 * across the boundary. Types are looked up as own properties only, so `__proto__`,
 * `constructor` or `toString` are unknown types, not Object.prototype's members.
 *
 * How to add a message: declare it (schema, and `from` if content scripts send it) in its
 * feature's file in lib/messages, and add the feature's handlers to `listen(...)` in
 * background/index.ts, one line per feature.
 */
export function createRouter(
  handlers: Partial<{ [K in MessageType]: Handler<K> }>,
  own: () => { id: string; origin: string },
): (raw: unknown, sender: Runtime.MessageSender) => Promise<Reply<unknown>> {
  return async (raw, sender) => {
    const caller = classifySender(sender, own());
    if (!caller) return { ok: false, error: 'rejected: message from outside this extension' };
    const envelope = EnvelopeSchema.safeParse(raw);
    if (!envelope.success) return { ok: false, error: 'malformed message' };
    const name = envelope.data.type;
    if (!Object.hasOwn(messages, name) || !Object.hasOwn(handlers, name)) return { ok: false, error: `unknown message type ${JSON.stringify(name.slice(0, 100))}` };
    const type = name as MessageType;
    const def = messages[type] as (typeof messages)[MessageType] & { from?: Parameters<typeof accepts>[0] };
    const handler = handlers[type] as Handler<typeof type> | undefined;
    if (typeof handler !== 'function') return { ok: false, error: `unknown message type ${JSON.stringify(name.slice(0, 100))}` };
    if (!accepts(def.from ?? 'extension-pages', caller)) {
      return { ok: false, error: `rejected: ${type} is not accepted from ${caller.kind === 'content-script' ? 'a web page' : 'an extension page'}` };
    }
    const payload = def.request.safeParse(envelope.data.payload);
    if (!payload.success) return { ok: false, error: `invalid ${type}: ${payload.error.issues.map((i) => `${i.path.join('.') || '(payload)'}: ${i.message}`).join('; ')}` };
    try {
      return { ok: true, data: await handler(payload.data as never, sender, caller) };
    } catch (error) {
      return { ok: false, error: error instanceof Error ? error.message : String(error) };
    }
  };
}

export function listen(handlers: Partial<{ [K in MessageType]: Handler<K> }>): void {
  const route = createRouter(handlers, () => ({ id: browser.runtime.id, origin: browser.runtime.getURL('/') }));
  browser.runtime.onMessage.addListener((raw: unknown, sender: Runtime.MessageSender) => route(raw, sender));
}
