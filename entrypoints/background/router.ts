import browser, { type Runtime } from 'webextension-polyfill';
import { messages, EnvelopeSchema, type MessageType, type RequestOf, type ResponseOf, type Reply } from '@/lib/messages';

export type Handler<K extends MessageType> = (payload: RequestOf<K>, sender: Runtime.MessageSender) => Promise<ResponseOf<K>> | ResponseOf<K>;
export type Handlers<K extends MessageType> = { [P in K]: Handler<P> };

/** Only this extension's own pages and content scripts may talk to the background. */
function isOwnSender(sender: Runtime.MessageSender): boolean {
  return sender.id === browser.runtime.id;
}

/**
 * Routes validated messages to the feature handlers. Anything malformed, unknown or from a
 * foreign sender gets `{ ok: false, error }`, never an exception across the boundary.
 */
export function listen(handlers: Partial<{ [K in MessageType]: Handler<K> }>): void {
  browser.runtime.onMessage.addListener(async (raw: unknown, sender: Runtime.MessageSender): Promise<Reply<unknown>> => {
    if (!isOwnSender(sender)) return { ok: false, error: 'rejected: message from outside this extension' };
    const envelope = EnvelopeSchema.safeParse(raw);
    if (!envelope.success) return { ok: false, error: 'malformed message' };
    const type = envelope.data.type as MessageType;
    const def = messages[type];
    const handler = handlers[type] as Handler<typeof type> | undefined;
    if (!def || !handler) return { ok: false, error: `unknown message type "${envelope.data.type}"` };
    const payload = def.request.safeParse(envelope.data.payload);
    if (!payload.success) return { ok: false, error: `invalid ${type}: ${payload.error.issues.map((i) => `${i.path.join('.') || '(payload)'}: ${i.message}`).join('; ')}` };
    try {
      return { ok: true, data: await handler(payload.data as never, sender) };
    } catch (error) {
      return { ok: false, error: error instanceof Error ? error.message : String(error) };
    }
  });
}
