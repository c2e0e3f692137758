import browser from 'webextension-polyfill';
import { messages, ReplySchema, type MessageType, type RequestOf, type ResponseOf } from '../messages';

/**
 * Browser glue (this folder is the only part of lib/ that touches extension APIs; the
 * pipeline never imports it). Asks the background to do something and returns its
 * validated answer, or throws an Error with the background's message.
 */
export async function request<K extends MessageType>(type: K, payload: RequestOf<K>): Promise<ResponseOf<K>> {
  const raw = await browser.runtime.sendMessage({ type, payload });
  const reply = ReplySchema.parse(raw);
  if (!reply.ok) throw new Error(reply.error);
  return messages[type].response.parse(reply.data) as ResponseOf<K>;
}
