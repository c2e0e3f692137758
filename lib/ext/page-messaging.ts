import browser from 'webextension-polyfill';
import type { MessageType, RequestOf, ResponseOf } from '@/lib/messages';

/**
 * Requests from the scripts in web pages (lens, clipper) to the background, without zod in
 * the page: the background parses every request with the protocol's schemas (it is the single
 * writer and the trust boundary); its answers come from our own code, so the page's scripts
 * check only their envelope. Keeps what every annotated page loads small. Extension pages use
 * `messaging.ts`, which validates answers too.
 */
export async function request<K extends MessageType>(type: K, payload: RequestOf<K>): Promise<ResponseOf<K>> {
  const reply = (await browser.runtime.sendMessage({ type, payload })) as unknown;
  if (typeof reply !== 'object' || reply === null || !('ok' in reply)) throw new Error('Thesis Lens did not answer; reload the page and try again.');
  const { ok } = reply as { ok: unknown };
  if (ok === true && 'data' in reply) return (reply as { data: ResponseOf<K> }).data;
  const error = (reply as { error?: unknown }).error;
  throw new Error(typeof error === 'string' ? error : 'Thesis Lens could not do this.');
}
